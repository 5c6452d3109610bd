package tradebot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The in-process benchmarks (JMH): answer latency, the plain BM25 baseline, ingestion and index
 * build throughput, reload time. They live in {@code src/bench/java}, built only by the Maven
 * profile {@code bench}, and are found through {@link java.util.ServiceLoader}; the production jar
 * holds none.
 */
public interface InProcessSuite {

  /** Runs the plan's benchmarks and returns one measurement each. */
  List<Measurement> run(Plan plan) throws Exception;

  /**
   * What to measure.
   *
   * @param configDir the config the bot runs with
   * @param work a scratch directory (copies, temporary indexes)
   * @param corpora the corpora to measure answer latency on, smallest first
   * @param ingest the corpus to measure ingestion and index build throughput on
   * @param reload the corpus to measure reload time on (copied first: a probe article is written)
   * @param quick fewer and shorter iterations
   * @param logs where JMH's own output goes, a file per benchmark and corpus
   */
  record Plan(
      Path configDir,
      Path work,
      List<Corpus> corpora,
      Corpus ingest,
      Corpus reload,
      boolean quick,
      Path logs) {
    public Plan {
      Objects.requireNonNull(configDir, "configDir");
      corpora = List.copyOf(corpora);
    }
  }

  /**
   * A corpus to measure on.
   *
   * @param name its label in the report ("seeds", "10k")
   * @param knowledge the knowledge directory
   * @param data the index data directory (built on first use, then reused)
   * @param questions a file of questions, one a line
   * @param heap the heap (-Xmx) for benchmarks of the bot on it
   * @param baselineHeap the heap for the plain baseline (it holds the raw text in memory)
   */
  record Corpus(
      String name, Path knowledge, Path data, Path questions, String heap, String baselineHeap) {}

  /**
   * One benchmark's result, in microseconds: percentiles of the sampled times for latencies, or of
   * the iterations for single-shot runs; for latencies also the percentiles of the CPU time the
   * operations took (NaN when not measured), which waiting for a busy core does not inflate.
   */
  record Measurement(
      String benchmark,
      String corpus,
      double p50,
      double p99,
      double mean,
      long samples,
      String heap,
      double cpuP50,
      double cpuP99) {}
}
