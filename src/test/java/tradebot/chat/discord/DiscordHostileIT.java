package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tradebot.chat.HostileQuestions;

/**
 * Hostile questions and a flood, end to end through JDA and the fake Discord: every hostile
 * question, asked by /ask and by a mention, gets an answer or a decline that mentions nobody and no
 * error; a burst of 1,000 requests from one user is held to its rate (3 a minute in the fixture),
 * on the fixture's manual clock.
 */
class DiscordHostileIT extends DiscordFixture {
  private static final String FLOODER = "1200000000000000099";

  @Test
  @Order(1)
  @Timeout(120)
  void everyHostileQuestionByAskOrMentionIsAnsweredOrDeclinedAndPingsNobody() throws Exception {
    long user = 1_200_000_000_000_000_100L;
    List<String> failures = new ArrayList<>();
    for (HostileQuestions.Case c : HostileQuestions.all()) {
      String asker = Long.toString(user++);
      String id = discord.slash(asker, List.of(), "ask", Map.of("question", c.text()));
      JsonNode edit = discord.await(call("PATCH", original(id)), WAIT).body();
      assertNoMentions(edit);
      String text = description(edit) + edit.path("content").asText("");
      if (text.isBlank() || text.contains("went wrong")) {
        failures.add(c.name() + ": " + text);
      }

      String mentioner = Long.toString(user++);
      String message =
          discord.message(
              FakePayloads.THREAD,
              FakePayloads.user(mentioner, "hostile", false),
              "<@" + FakePayloads.BOT + "> " + c.text(),
              List.of(FakePayloads.botUser()));
      JsonNode reply = replyTo(message);
      assertNoMentions(reply);
    }
    assertEquals(List.of(), failures);
    assertTrue(
        logs.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)),
        "no error was logged");
  }

  @Test
  @Order(3)
  void aMentionSayingReloadIsAQuestionAndReloadsNothing() throws Exception {
    String version = app.startup().version();
    int audited = auditLines();
    String message =
        discord.message(
            FakePayloads.THREAD,
            FakePayloads.user("1200000000000000098", "member", false),
            "<@" + FakePayloads.BOT + "> /reload",
            List.of(FakePayloads.botUser()));
    JsonNode reply = replyTo(message);
    assertTrue(description(reply).startsWith("My sources don't cover that."), reply.toString());
    assertEquals(audited, auditLines(), "no reload was attempted");
    try (var lease = app.corpora().acquire()) {
      assertEquals(version, lease.corpus().version());
    }
  }

  private int auditLines() {
    return (int) logs.list.stream().filter(e -> e.getLoggerName().equals("tradebot.audit")).count();
  }

  /**
   * The fixture's clock stands still during the burst, however slow the machine: exactly the three
   * a minute get through, every other request is told the 20 s until the next token, and that token
   * is there once the clock has moved by 20 s.
   */
  @Test
  @Order(2)
  @Timeout(120)
  void aBurstOfAThousandRequestsFromOneUserIsHeldToItsRate() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(discord.slash(FLOODER, List.of(), "sources", Map.of()));
    }
    int deferred = 0;
    int limited = 0;
    for (String id : ids) {
      JsonNode callback = discord.await(call("POST", callback(id)), WAIT).body();
      if (callback.path("type").asInt() == 5) {
        deferred++;
      } else {
        assertEquals(4, callback.path("type").asInt());
        assertTrue(isEphemeral(callback.path("data")));
        assertEquals(
            "You're asking quickly; try again in 20 s.",
            callback.path("data").path("content").asText());
        limited++;
      }
    }
    assertEquals(3, deferred, "the fixture's user rate is 3 a minute");
    assertEquals(997, limited);

    clock.advance(Duration.ofSeconds(20));
    String again = discord.slash(FLOODER, List.of(), "sources", Map.of());
    assertEquals(5, discord.await(call("POST", callback(again)), WAIT).body().path("type").asInt());
    String more = discord.slash(FLOODER, List.of(), "sources", Map.of());
    assertEquals(4, discord.await(call("POST", callback(more)), WAIT).body().path("type").asInt());
  }

  /** The bot's message answering {@code messageId}, once it is posted. */
  private JsonNode replyTo(String messageId) throws Exception {
    return discord
        .await(
            x ->
                x.method().equals("POST")
                    && x.body() != null
                    && x.body()
                        .path("message_reference")
                        .path("message_id")
                        .asText()
                        .equals(messageId),
            WAIT)
        .body();
  }
}
