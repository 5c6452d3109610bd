package tradebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, filled in step by step by {@link BenchRunner} and written out
 * by {@link ReportWriter}. Not thread-safe.
 */
final class Report {
  /** One corpus: its label and size. */
  record CorpusSize(String name, int articles, int passages, long bytes) {}

  /** A CLI index build in its own JVM with a fixed heap. */
  record Build(
      String corpus, String heap, Duration took, int exit, long peakRssMb, String summary) {}

  /** Start-up over several launches: to {@code until} ("first answer", "ready"). */
  record Startup(String until, String how, List<Duration> runs) {}

  final Machine machine = Machine.current();
  final Instant started = Instant.now();
  Duration took = Duration.ZERO;
  String command = "";
  String appJar = "";
  String serveJar = "";
  String commit = "";
  boolean quick;
  long seed;
  final Map<String, String> load = new LinkedHashMap<>(); // step -> load average when it started
  final List<CorpusSize> corpora = new ArrayList<>();
  final Map<String, Quality.Side> quality = new LinkedHashMap<>();
  final List<InProcessSuite.Measurement> jmh = new ArrayList<>();
  final List<Build> builds = new ArrayList<>();
  final Map<String, JsonNode> reloadUnderLoad = new LinkedHashMap<>();
  final Map<String, String> reloadHeap = new LinkedHashMap<>();
  final List<Startup> startups = new ArrayList<>();
  EndToEnd.Loaded loaded;
  String e2eHeap = "";
  EndToEnd.Served served;
  String servedSkipped = "";
  final List<String> problems = new ArrayList<>();

  /**
   * The measurement of {@code benchmark} (e.g. "AnswerBenchmark.ask") on {@code corpus}, or null.
   */
  InProcessSuite.Measurement jmh(String benchmark, String corpus) {
    return jmh.stream()
        .filter(m -> m.benchmark().equals(benchmark) && m.corpus().equals(corpus))
        .findFirst()
        .orElse(null);
  }

  CorpusSize corpus(String name) {
    return corpora.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
