package tradebot.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import tradebot.bench.BenchApp;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadResult;

/**
 * Ingestion throughput (read, clean, split, extract figures, build passages; every core, nothing
 * kept) and the whole first build of a corpus as start-up does it (ingestion streaming into a new
 * on-disk index). One shot each: the time of one pass over the corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestBenchmark {
  @Param("seeds")
  public String corpus;

  @Param("config")
  public String config;

  @Param("knowledge")
  public String knowledge;

  @Param("target/bench/work")
  public String work;

  private KnowledgeLoader loader;
  private Path data;
  private int articles;
  private int passages;

  @Setup(Level.Trial)
  public void setUp() {
    Path c = Path.of(config);
    loader = new KnowledgeLoader(Ingester.fromConfig(c));
  }

  @Setup(Level.Iteration)
  public void freshData() throws IOException {
    data = Files.createDirectories(Path.of(work)).resolve("ingest-data-" + System.nanoTime());
  }

  @TearDown(Level.Iteration)
  public void dropData() throws IOException {
    delete(data);
  }

  /** Writes the corpus size for the report: JMH keeps no return values. */
  @TearDown(Level.Trial)
  public void writeSize() throws IOException {
    if (articles > 0) {
      Files.writeString(
          Path.of(work).resolve(SIZE_PREFIX + corpus), articles + " " + passages + "\n");
    }
  }

  /** Where the corpus size is written, under the work directory, followed by the corpus name. */
  public static final String SIZE_PREFIX = "size-";

  /** Ingests every article and drops it. */
  @Benchmark
  public int ingest(Blackhole hole) throws IOException {
    int[] counts = {0, 0};
    LoadResult r = loader.load(Path.of(knowledge));
    r.documents()
        .forEach(
            d -> {
              counts[0]++;
              counts[1] += d.passages().size();
            });
    hole.consume(r);
    articles = counts[0];
    passages = counts[1];
    return counts[1];
  }

  /** Starts the bot on the corpus with no index yet: ingestion streamed into a new index. */
  @Benchmark
  public int buildCorpus() {
    try (BenchApp app = BenchApp.start(Path.of(config), Path.of(knowledge), data)) {
      return app.startup().passages();
    }
  }

  static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
