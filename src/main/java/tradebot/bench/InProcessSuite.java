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
   * @param log where JMH's own output goes
   */
  record Plan(
      Path configDir,
      Path work,
      List<Corpus> corpora,
      Corpus ingest,
      Corpus reload,
      boolean quick,
      Path log) {
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
   * One benchmark's result: percentiles of the sampled times for latencies, or of the iterations
   * for single-shot runs, in {@code unit}.
   */
  record Measurement(
      String benchmark,
      String corpus,
      String unit,
      double p50,
      double p99,
      double mean,
      long samples,
      String heap) {}
}
