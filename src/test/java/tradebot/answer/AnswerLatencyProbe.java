package tradebot.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;

/**
 * How long answers take in process (not a test: speed is measured, not asserted): the bundled
 * knowledge base in memory, every question of the given question files asked once to warm up, then
 * each asked N times on one thread, the question's embedding included; prints the median, the 99th
 * percentile and the slowest in milliseconds. Usage: {@code ./tradebot probe
 * tradebot.answer.AnswerLatencyProbe [N] [FILE...]} (default: 3 passes over dev.jsonl and
 * seeds2.jsonl).
 */
public final class AnswerLatencyProbe {
  private AnswerLatencyProbe() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      files.add(Path.of(args[i]));
    }
    if (files.isEmpty()) {
      files.add(Path.of("src/test/resources/eval/dev.jsonl"));
      files.add(Path.of("src/test/resources/eval/seeds2.jsonl"));
    }
    List<String> questions = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (!line.isBlank()) {
          questions.add(json.readTree(line).get("question").asText());
        }
      }
    }
    try (App app = App.inMemory(TradebotConfig.defaults(Path.of("config")), Clock.systemUTC())) {
      for (String q : questions) {
        app.answers().ask(q);
      }
      long[] nanos = new long[questions.size() * passes];
      int n = 0;
      for (int p = 0; p < passes; p++) {
        for (String q : questions) {
          long t0 = System.nanoTime();
          app.answers().ask(q);
          nanos[n++] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%d answers (%d questions x %d): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          n,
          questions.size(),
          passes,
          nanos[n / 2] / 1e6,
          nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6,
          nanos[n - 1] / 1e6);
    }
  }
}
