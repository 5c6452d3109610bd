package tradebot.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.Platform;
import tradebot.chat.TextRenderer;
import tradebot.service.TradeService;

/**
 * {@code tradebot tariff}: the latest tariff level each way, as the {@code /tariff} chat command
 * gives it (the same platform-neutral request), or as JSON.
 */
@Command(
    name = "tariff",
    mixinStandardHelpOptions = true,
    description =
        "The latest tariff level each way, with quotes and sources; history, JSON or a chart on request.")
final class TariffCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(
      names = "--direction",
      paramLabel = "IMPOSER-TARGET",
      description = "Only one way: us-china or china-us.")
  String direction;

  @Option(names = "--history", description = "Add the timeline of every tariff event.")
  boolean history;

  @Option(
      names = "--json",
      description = "Print JSON: {\"latest\": [...], \"pending\": [...], \"history\": [...]}.")
  boolean json;

  @Option(
      names = "--chart",
      paramLabel = "FILE.png",
      description = "Write a step chart of the levels over time.")
  Path chart;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (App app = App.startOneShot(options.config())) {
      if (json) {
        switch (app.service().tariffs(direction)) {
          case TradeService.Tariffs.UnknownDirection u ->
              throw new IllegalArgumentException(u.message());
          case TradeService.Tariffs.Levels levels -> {
            out.println(levels.json());
            if (chart != null) {
              write(chart, levels.chart(1000, 500));
            }
          }
        }
        return 0;
      }
      Map<String, String> opts = new HashMap<>();
      if (direction != null) {
        opts.put("direction", direction);
      }
      opts.put("history", String.valueOf(history));
      opts.put("chart", String.valueOf(chart != null));
      ChatReply reply =
          app.bot()
              .handle(
                  new ChatRequest(
                      Platform.CONSOLE, "cli", "", tradebot.chat.Command.TARIFF, "", false, opts));
      out.println(TextRenderer.render(reply));
      if (reply.status() != ChatReply.Status.INFO) {
        return 1;
      }
      if (chart != null && reply.attachment() != null) {
        write(chart, reply.attachment().data());
        out.println("chart written to " + chart);
      }
    }
    return 0;
  }

  private static void write(Path file, byte[] png) throws java.io.IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, png);
  }
}
