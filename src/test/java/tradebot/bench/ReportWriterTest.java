package tradebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  private static Report report() {
    Report r = new Report();
    r.command = "./tradebot bench --quick";
    r.took = Duration.ofSeconds(200);
    r.jmh.add(
        new InProcessSuite.Measurement(
            "AnswerBenchmark.ask", "seeds", 800, 7_500, 1_000, 900, "1g", 700, 4_000));
    r.jmh.add(
        new InProcessSuite.Measurement(
            "BaselineBenchmark.top", "seeds", 100, 2_000, 150, 9_000, "1g", 70, 400));
    r.jmh.add(
        new InProcessSuite.Measurement(
            "ReloadBenchmark.changed",
            "seeds",
            250_000,
            480_000,
            260_000,
            20,
            "1g",
            Double.NaN,
            Double.NaN));
    r.servedSkipped = "skipped: no serve command";
    return r;
  }

  @Test
  void targetsSayMetOrByHowMuchTheyAreMissed() throws IOException {
    Path out = tmp.resolve("BENCHMARKS.md");
    new ReportWriter(report()).write(out);
    String md = Files.readString(out);
    assertTrue(md.contains("| seeds: answer p50, in-process | ≤ 1.00 ms | 0.800 ms | met |"), md);
    assertTrue(
        md.contains(
            "| seeds: answer p99, in-process | ≤ 5.00 ms | 7.50 ms | missed by 2.50 ms (1.5x the goal) |"),
        md);
    assertTrue(md.contains("| seeds: answer p99, CPU time | ≤ 5.00 ms | 4.00 ms | met |"), md);
    assertTrue(
        md.contains(
            "| seeds: reload after a change, median | ≤ 500 ms | 250 ms; p99 480 ms | met |"),
        md);
    assertTrue(
        md.contains(
            "| seeds: our latency vs the plain BM25 baseline | ≤ 3x | 8.0x at p50, 3.8x at p99; CPU time 10.0x, 10.0x | missed: 2.7x the goal at p50 |"),
        md);
    assertTrue(
        md.contains(
            "| `/api/ask` at 16 clients | ≥ 2,000 answers/s, p99 < 50 ms | – | skipped: no serve command |"),
        md);
  }

  @Test
  void notesBelowTheMarkerAreKeptWhenTheFileIsRewritten() throws IOException {
    Path out = tmp.resolve("BENCHMARKS.md");
    Files.writeString(
        out, "# old figures\n" + ReportWriter.KEEP + "\n## Notes\nThe profile showed X.\n");
    new ReportWriter(report()).write(out);
    String md = Files.readString(out);
    assertTrue(!md.contains("# old figures"));
    assertTrue(md.endsWith(ReportWriter.KEEP + "\n## Notes\nThe profile showed X.\n"), md);
    assertEquals(1, md.split(java.util.regex.Pattern.quote(ReportWriter.KEEP), -1).length - 1);
  }
}
