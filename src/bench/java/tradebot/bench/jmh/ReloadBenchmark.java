package tradebot.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import tradebot.bench.BenchApp;
import tradebot.corpus.ReloadReport;

/**
 * Reload time as {@code /reload} sees it: one article changed, the corpus rebuilt beside the
 * serving one and swapped in; and a reload with nothing changed. On a copy of the corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReloadBenchmark {
  @Param("seeds")
  public String corpus;

  @Param("config")
  public String config;

  @Param("knowledge")
  public String knowledge;

  @Param("target/bench/work")
  public String work;

  private Path copy;
  private Path data;
  private BenchApp app;
  private long edits;

  @Setup(Level.Trial)
  public void start() throws IOException {
    Path root = Files.createDirectories(Path.of(work)).resolve("reload-" + System.nanoTime());
    copy = root.resolve("knowledge");
    data = root.resolve("data");
    copyTree(Path.of(knowledge), copy);
    app = BenchApp.start(Path.of(config), copy, data);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    app.close();
    IngestBenchmark.delete(copy.getParent());
  }

  /** Changes one article before each changed reload (not timed). */
  @Setup(Level.Invocation)
  public void edit() throws IOException {
    Files.writeString(
        copy.resolve("zz-reload-probe.txt"),
        "---\ntitle: \"Reload probe\"\noutlet: \"Bench\"\npublished: 2026-01-02\n---\n"
            + "The reload probe was edited "
            + (++edits)
            + " times to make the knowledge base change.\n",
        StandardCharsets.UTF_8);
  }

  @Benchmark
  public ReloadReport changed() {
    ReloadReport r = app.corpora().reload("bench", "jmh").join();
    if (r.outcome() != ReloadReport.Outcome.SWAPPED) {
      throw new IllegalStateException("reload did not swap: " + r.message());
    }
    return r;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
