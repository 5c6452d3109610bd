package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Discord's REST API failing under the bot, against the fake Discord: 5xx answers and timeouts are
 * retried (by JDA) until the reply gets through, and when it never does the asker is told so,
 * privately, with an error id that is in the log.
 */
class DiscordFaultsIT extends DiscordFixture {
  // One asker per test: the fixture allows each user 3 requests a minute.
  private static final String ASKER = "1200000000000000031";
  private static final String SECOND = "1200000000000000032";
  private static final String THIRD = "1200000000000000033";
  private static final String FOURTH = "1200000000000000034";

  @Test
  @Order(1)
  void aServerErrorOnTheReplyIsRetriedAndTheReplyArrives() throws Exception {
    discord.failNext(c -> c.method().equals("PATCH") && c.path().endsWith("/@original"), 503, 1);

    String id = discord.slash(ASKER, List.of(), "sources", Map.of());

    List<FakeDiscord.Call> edits = discord.await(call("PATCH", original(id)), 2, WAIT);
    long waitedMs = (edits.get(1).atNanos() - edits.get(0).atNanos()) / 1_000_000;
    assertTrue(waitedMs >= 450, "JDA backs off half a second before the retry: " + waitedMs);
    assertTrue(description(edits.get(1).body()).startsWith("I answer from "));
    assertEquals(List.of(), discord.calls(call("POST", followUp(id))), "nothing to apologize for");
  }

  @Test
  @Order(2)
  void aTimeoutOnTheReplyIsRetriedAndTheReplyArrives() throws Exception {
    discord.delayNext(
        c -> c.method().equals("PATCH") && c.path().endsWith("/@original"),
        REST_TIMEOUT.plusSeconds(1));

    String id = discord.slash(SECOND, List.of(), "sources", Map.of());

    List<FakeDiscord.Call> edits =
        discord.await(call("PATCH", original(id)), 2, WAIT.plus(REST_TIMEOUT));
    long waitedMs = (edits.get(1).atNanos() - edits.get(0).atNanos()) / 1_000_000;
    assertTrue(waitedMs >= REST_TIMEOUT.toMillis() - 100, "retried after the timeout: " + waitedMs);
    assertTrue(description(edits.get(1).body()).startsWith("I answer from "));
  }

  @Test
  @Order(3)
  void whenDiscordKeepsFailingTheAskerIsToldPrivatelyWithAnIdInTheLog() throws Exception {
    discord.failNext(c -> c.method().equals("PATCH") && c.path().endsWith("/@original"), 503, 4);

    String id = discord.slash(THIRD, List.of(), "sources", Map.of());

    assertEquals(4, discord.await(call("PATCH", original(id)), 4, WAIT).size(), "tried 4 times");
    JsonNode notice = discord.await(call("POST", followUp(id)), WAIT).body();
    assertTrue(isEphemeral(notice));
    Matcher m =
        Pattern.compile(
                "Discord did not take my reply \\(error id ([0-9a-f]{8})\\)\\. Please ask again\\.")
            .matcher(notice.path("content").asText());
    assertTrue(m.matches(), notice.toString());
    assertTrue(
        logs.list.stream()
            .anyMatch(
                e ->
                    e.getFormattedMessage().startsWith("error id=" + m.group(1) + " sending edit")),
        "the id is in the log");
  }

  @Test
  @Order(4)
  void aPlainInternalErrorIsNotRetriedButTheAskerIsTold() throws Exception {
    discord.failNext(c -> c.method().equals("PATCH") && c.path().endsWith("/@original"), 500, 1);

    String id = discord.slash(FOURTH, List.of(), "ask", Map.of("question", QUESTION));

    JsonNode notice = discord.await(call("POST", followUp(id)), WAIT).body();
    assertTrue(notice.path("content").asText().startsWith("Discord did not take my reply"));
    Thread.sleep(Duration.ofMillis(700).toMillis()); // longer than JDA's first back-off
    assertEquals(1, discord.calls(call("PATCH", original(id))).size(), "500 is not retried");
  }
}
