package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tradebot.Main;

class SlackCommandTest {

  private static String run(Map<String, String> env) {
    SlackCommand slack = new SlackCommand();
    slack.env = env;
    CommandLine cli = new CommandLine(slack);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tradebot: " + e.getMessage());
          return 1;
        });
    assertEquals(1, cli.execute());
    return err.toString();
  }

  @Test
  void withoutItsVariablesSlackFailsWithOneLineNamingThem() {
    assertEquals(
        "tradebot: the Slack app needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET in the environment"
            + " (Socket Mode: SLACK_BOT_TOKEN and SLACK_APP_TOKEN)"
            + System.lineSeparator(),
        run(Map.of()));
  }

  @Test
  void withOnlyTheAppTokenSlackNamesTheMissingBotToken() {
    assertEquals(
        "tradebot: the Slack app needs SLACK_BOT_TOKEN in the environment"
            + " (Socket Mode: SLACK_BOT_TOKEN and SLACK_APP_TOKEN)"
            + System.lineSeparator(),
        run(Map.of("SLACK_APP_TOKEN", "xapp-1")));
  }

  @Test
  void swappedTokensAreNamedWithoutEchoingThem() {
    assertEquals(
        "tradebot: SLACK_BOT_TOKEN must be a bot token (xoxb-...)" + System.lineSeparator(),
        run(Map.of("SLACK_BOT_TOKEN", "xapp-secret", "SLACK_APP_TOKEN", "xoxb-secret")));
  }

  @Test
  void slackIsASubcommandOfMain() {
    CommandLine cli = new CommandLine(new Main());
    Commands.register(cli);
    assertTrue(cli.getSubcommands().get("slack").getCommand() instanceof SlackCommand);
  }
}
