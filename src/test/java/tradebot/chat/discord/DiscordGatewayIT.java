package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Login, REST rate limits, gateway reconnects and mentions end to end, against the fake Discord.
 */
class DiscordGatewayIT extends DiscordFixture {
  private static final String ASKER = "1200000000000000011";
  private static final String SPAMMER = "1200000000000000012";

  @Test
  @Order(1)
  void logsInWithTheFewestIntentsAndRegistersCommandsInTheGuild() throws Exception {
    JsonNode identify = discord.gateway().frames(2).getFirst().path("d");
    assertEquals(TOKEN, identify.path("token").asText());
    assertEquals(1 | 1 << 9, identify.path("intents").asInt(), "GUILDS and GUILD_MESSAGES only");
    String commands =
        "/api/v10/applications/" + FakePayloads.APP + "/guilds/" + FakePayloads.GUILD + "/commands";
    JsonNode put = discord.await(call("PUT", commands), WAIT).body();
    List<String> names = new ArrayList<>();
    put.forEach(c -> names.add(c.path("name").asText()));
    assertEquals(List.of("ask", "tariff", "sources", "reload", "add", "report", "help"), names);
    for (int moderatorsOnly : new int[] {3, 4, 5}) {
      assertEquals(
          "32",
          put.path(moderatorsOnly).path("default_member_permissions").asText(),
          names.get(moderatorsOnly) + " hidden without Manage Server");
    }
    assertTrue(put.path(0).path("default_member_permissions").isNull(), "ask is for everyone");
    JsonNode add = put.path(4).path("options");
    assertEquals("file", add.path(0).path("name").asText());
    assertEquals(11, add.path(0).path("type").asInt(), "an attachment");
    assertTrue(add.path(0).path("required").asBoolean());
  }

  @Test
  @Order(2)
  void aRestRateLimitIsWaitedOutForRetryAfterThenRetried() throws Exception {
    discord.rateLimitNext(
        c -> c.method().equals("PATCH") && c.path().endsWith("/messages/@original"));
    String asked = discord.slash(ASKER, List.of(), "sources", Map.of());
    List<FakeDiscord.Call> edits = discord.await(call("PATCH", original(asked)), 2, WAIT);
    long waitedMs = (edits.get(1).atNanos() - edits.get(0).atNanos()) / 1_000_000;
    assertTrue(waitedMs >= 950, "retried after " + waitedMs + " ms, Retry-After was 1 s");
    assertTrue(
        description(edits.get(1).body()).startsWith("I answer from "),
        description(edits.get(1).body()));
  }

  @Test
  @Order(3)
  void afterAReconnectTheSessionIsResumedAndTheNextInteractionAnswered() throws Exception {
    int seen = discord.gateway().lastSeq();
    discord.gateway().askToReconnect();
    discord.gateway().awaitFrames(6, 1, WAIT);
    JsonNode resume = discord.gateway().frames(6).getFirst().path("d");
    assertEquals(FakePayloads.SESSION, resume.path("session_id").asText());
    assertEquals(seen, resume.path("seq").asInt(), "resumes after the last event it saw");
    assertEquals(1, discord.gateway().frames(2).size(), "resumed, not identified again");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (bot.shards().getShardById(0).getStatus() != JDA.Status.CONNECTED
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    String id = discord.slash(ASKER, List.of(), "ask", Map.of("question", QUESTION));
    JsonNode edit = discord.await(call("PATCH", original(id)), WAIT).body();
    assertTrue(description(edit).contains(" [1]"), description(edit));
  }

  @Test
  @Order(4)
  void mentionSpamIsAnsweredInPlaceWithoutAnyPingAndBotsAreIgnored() throws Exception {
    JsonNode self = FakePayloads.botUser();
    String mention = "<@" + FakePayloads.BOT + "> ";
    String fromBot =
        discord.message(
            FakePayloads.THREAD,
            FakePayloads.user("1300000000000000001", "otherbot", true),
            mention + "hi",
            List.of(self));
    StringBuilder spam = new StringBuilder(mention);
    while (spam.length() < 3000) {
      spam.append("@everyone @here <@&")
          .append(FakePayloads.MOD_ROLE)
          .append("> <@")
          .append(ASKER)
          .append("> ");
    }
    String asked =
        discord.message(
            FakePayloads.THREAD,
            FakePayloads.user(SPAMMER, "spammer", false),
            spam.substring(0, 3000),
            List.of(self));

    String messages = "/api/v10/channels/" + FakePayloads.THREAD + "/messages";
    JsonNode reply = discord.await(call("POST", messages), WAIT).body();
    assertEquals(
        asked, reply.path("message_reference").path("message_id").asText(), "a reply to the asker");
    assertNoMentions(reply);
    assertEquals("", reply.path("content").asText(""));
    assertEquals(1, reply.path("embeds").size());
    // The bot's message came first, and messages are handled in order: no reply to it by now.
    assertTrue(
        discord
            .calls(
                c ->
                    c.body() != null
                        && c.body()
                            .path("message_reference")
                            .path("message_id")
                            .asText()
                            .equals(fromBot))
            .isEmpty(),
        "no reply to a bot");
  }
}
