package tradebot.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.Platform;
import tradebot.chat.TextRenderer;
import tradebot.feedback.ReportJson;
import tradebot.service.TradeService;

/**
 * {@code tradebot report}: the moderators' report from the feedback database, as text (what {@code
 * /report} shows) or JSON (what {@code GET /api/report} gives). Whoever has a shell on the server
 * is a moderator. The knowledge base is not loaded: the report needs only the database.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "The questions the bot declined most often and the answers voted down most, from"
            + " data_dir/tradebot.db.")
final class ReportCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--days", description = "The last how many days (1 to 3650; default: 7).")
  String days = "";

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    try (App app = App.openAlone(options.config())) {
      if (!json) {
        ChatReply reply =
            app.bot()
                .handle(
                    new ChatRequest(
                        Platform.CONSOLE,
                        "cli",
                        "",
                        tradebot.chat.Command.REPORT,
                        "",
                        true,
                        java.util.Map.of("days", days)));
        System.out.println(TextRenderer.render(reply));
        return reply.status() == ChatReply.Status.INFO ? 0 : 2;
      }
      int period;
      try {
        period = TradeService.reportDays(days);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      TradeService.Reported made =
          app.service()
              .report(new TradeService.Requester("cli", "cli", true), Duration.ofDays(period));
      if (made instanceof TradeService.Reported.Made m) {
        System.out.println(ReportJson.toJson(m.report()).toPrettyString());
        return 0;
      }
      throw new IllegalStateException("the command line is a moderator: " + made);
    }
  }
}
