package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradebot.chat.ChatReply;
import tradebot.chat.RateLimiter;
import tradebot.config.TradebotConfig;
import tradebot.state.LocalState;
import tradebot.testing.Ports;

class SlackStartTest {

  @Test
  void aSlackThatCannotBeReachedIsANetworkFailureNotAnInvalidToken() throws Exception {
    int closed = Ports.closed();
    String api = "http://127.0.0.1:" + closed + "/api/";

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                SlackAdapter.start(
                    r -> ChatReply.text(ChatReply.Status.INFO, "unused", false),
                    new TradebotConfig.Slack(
                        List.of(), TradebotConfig.Slack.DEFAULTS.userRate(), api),
                    new SlackAdapter.Credentials("xoxb-test", "secret", null),
                    Clock.systemUTC(),
                    u -> new RateLimiter.Allowed(),
                    new LocalState(Clock.systemUTC())));

    assertTrue(
        e.getMessage().startsWith("cannot reach Slack at " + api + ": ConnectException: "),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("(a network failure: the token was not checked"), e.getMessage());
  }
}
