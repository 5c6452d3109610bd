package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tradebot.config.TradebotConfig;

class DiscordCommandTest {
  private static CommandLine cli(DiscordCommand command, StringWriter err) {
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tradebot: " + e.getMessage());
          return 1;
        });
    return cli;
  }

  @Test
  void withoutTokenItFailsWithOneLineNamingTheVariable() {
    StringWriter err = new StringWriter();
    int code = cli(new DiscordCommand(Map.of()), err).execute();
    assertEquals(1, code);
    assertEquals(
        "tradebot: DISCORD_TOKEN is not set: export DISCORD_TOKEN=<your bot token> (see README, \"Discord\")",
        err.toString().strip());
  }

  @Test
  void blankTokenCountsAsMissing() {
    StringWriter err = new StringWriter();
    assertEquals(1, cli(new DiscordCommand(Map.of("DISCORD_TOKEN", "  ")), err).execute());
    assertEquals(1, err.toString().strip().lines().count());
  }

  @Test
  void portAndBindFlagsGoOverTheConfig() {
    DiscordCommand command = new DiscordCommand(Map.of());
    new CommandLine(command).parseArgs("--config", "config", "--port", "0", "--bind", "0.0.0.0");
    TradebotConfig c = command.config();
    assertEquals(new TradebotConfig.Server(0, "0.0.0.0"), c.server());
  }
}
