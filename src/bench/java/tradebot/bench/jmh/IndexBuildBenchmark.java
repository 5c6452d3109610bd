package tradebot.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import tradebot.index.IndexStore;
import tradebot.index.PassageIndex;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.Passage;

/** Index build throughput alone: passages ingested beforehand, written into a new on-disk index. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexBuildBenchmark {
  @Param("seeds")
  public String corpus;

  @Param("config")
  public String config;

  @Param("knowledge")
  public String knowledge;

  @Param("target/bench/work")
  public String work;

  private List<Passage> passages;
  private Path data;

  @Setup(Level.Trial)
  public void ingest() throws IOException {
    Path c = Path.of(config);
    KnowledgeLoader loader = new KnowledgeLoader(Ingester.fromConfig(c));
    List<Passage> all = new ArrayList<>();
    loader.load(Path.of(knowledge)).documents().forEach(d -> all.addAll(d.passages()));
    passages = all;
  }

  @Setup(Level.Iteration)
  public void freshData() throws IOException {
    data = Files.createDirectories(Path.of(work)).resolve("index-data-" + System.nanoTime());
  }

  @TearDown(Level.Iteration)
  public void dropData() throws IOException {
    IngestBenchmark.delete(data);
  }

  @Benchmark
  public int build() throws IOException {
    try (PassageIndex index = IndexStore.onDisk(data).build("bench", passages)) {
      return index.passageCount();
    }
  }
}
