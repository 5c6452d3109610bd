package tradebot.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;

/**
 * How long each hostile question of {@link HostileQuestions} takes through the bot (not a test:
 * speed is measured, not asserted): the bundled knowledge base in memory, a warm-up, then each case
 * asked N times; prints the median, the 99th percentile and the slowest in milliseconds. Usage:
 * {@code ./tradebot probe tradebot.chat.HostileLatencyProbe [N]} (the launcher compiles the tests
 * and puts them on the class path).
 */
public final class HostileLatencyProbe {
  private HostileLatencyProbe() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Math.min(10_000, Integer.parseInt(args[0])) : 200;
    try (App app = App.inMemory(TradebotConfig.defaults(Path.of("config")), Clock.systemUTC())) {
      for (int i = 0; i < 3; i++) {
        for (HostileQuestions.Case c : HostileQuestions.all()) {
          app.bot().handle(ChatRequest.ask(Platform.API, "warm-up", c.text()));
        }
      }
      double worst = 0;
      System.out.printf("%-36s %8s %8s %8s %s%n", "case", "p50 ms", "p99 ms", "max ms", "reply");
      for (HostileQuestions.Case c : HostileQuestions.all()) {
        long[] nanos = new long[runs];
        ChatReply.Status status = null;
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          status = app.bot().handle(ChatRequest.ask(Platform.API, "probe", c.text())).status();
          nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double max = nanos[runs - 1] / 1e6;
        worst = Math.max(worst, max);
        System.out.printf(
            Locale.ROOT,
            "%-36s %8.2f %8.2f %8.2f %s%n",
            c.name(),
            nanos[runs / 2] / 1e6,
            nanos[Math.min(runs - 1, (int) (runs * 0.99))] / 1e6,
            max,
            status);
      }
      System.out.printf(Locale.ROOT, "slowest of all: %.2f ms over %d runs each%n", worst, runs);
    }
  }
}
