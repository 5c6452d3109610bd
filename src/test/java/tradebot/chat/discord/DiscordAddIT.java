package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tradebot.testing.KnowledgeCopy;

/**
 * /add end to end: real JDA, real bot over a copy of the knowledge base, fake Discord on localhost
 * serving the attachment. A member's /add is refused; a moderator's broken file is refused with the
 * loader's line and nothing is written; a saved page is added, the digest names it and its tariff
 * report, and the next /ask answers from it.
 */
class DiscordAddIT extends DiscordFixture {
  private static final String MEMBER = "1400000000000000001";
  private static final String MODERATOR = "1400000000000000002";
  private static final String PAGE_FILE =
      "2025-12-05-pacific-trade-review-china-lowers-tariffs-on-us-soybeans-and-pork.txt";

  private KnowledgeCopy copy;

  @Override
  Path knowledge() throws IOException {
    copy = KnowledgeCopy.of(Path.of("knowledge"));
    return copy.dir();
  }

  @AfterAll
  void removeKnowledge() {
    copy.close();
  }

  private List<String> files() throws IOException {
    return copy.files();
  }

  private static byte[] page() throws IOException {
    return KnowledgeCopy.resource("/html/wire-article.html");
  }

  /** What the bot said privately after deferring privately. */
  private JsonNode privateAnswer(String interaction) throws InterruptedException {
    JsonNode deferred = discord.await(call("POST", callback(interaction)), WAIT).body();
    assertEquals(5, deferred.path("type").asInt());
    assertTrue(isEphemeral(deferred.path("data")), deferred.toString());
    return discord.await(call("PATCH", original(interaction)), WAIT).body();
  }

  /** A moderator's /add of {@code filename}: what the bot said privately. */
  private JsonNode moderatorAdds(String filename, byte[] data) throws InterruptedException {
    return privateAnswer(
        discord.slashWithFile(
            MODERATOR,
            List.of(FakePayloads.MOD_ROLE),
            "add",
            Map.of(),
            SlashCommands.FILE_OPTION,
            filename,
            data));
  }

  private static String text(JsonNode message) {
    return message.path("content").asText() + "\n" + message.path("embeds").toString();
  }

  @Test
  @Order(1)
  void aMembersAddIsRefusedAtOnceAndNothingIsWritten() throws Exception {
    String id =
        discord.slashWithFile(
            MEMBER, List.of(), "add", Map.of(), SlashCommands.FILE_OPTION, "page.html", page());

    JsonNode refusal = discord.await(call("POST", callback(id)), WAIT).body();
    assertEquals(4, refusal.path("type").asInt());
    assertTrue(isEphemeral(refusal.path("data")));
    assertEquals(
        "Only moderators can add articles.", refusal.path("data").path("content").asText());
    assertEquals(4, files().size());
  }

  @Test
  @Order(2)
  void aBrokenFileIsRefusedWithTheLineAndReasonAndNothingIsWritten() throws Exception {
    JsonNode reply = moderatorAdds(KnowledgeCopy.BROKEN_NAME, KnowledgeCopy.brokenArticle());

    assertTrue(text(reply).contains(KnowledgeCopy.BROKEN_REFUSAL), reply.toString());
    assertEquals(4, files().size());
  }

  @Test
  @Order(3)
  void aSavedPageIsAddedTheDigestNamesItAndItsTariffReportAndTheNextAskAnswersFromIt()
      throws Exception {
    JsonNode reply = moderatorAdds("China lowers tariffs.html", page());

    String digest = text(reply);
    assertTrue(digest.contains("Added " + PAGE_FILE + ". Reloaded. loaded: 5 articles"), digest);
    assertTrue(
        digest.contains(
            "Added: China lowers tariffs on US soybeans and pork ahead of winter talks"
                + " (Pacific Trade Review, 2025-12-05)"),
        digest);
    assertTrue(digest.contains("New tariff report: "), digest);
    assertTrue(digest.contains("China will cut its tariff on US soybeans to 3% from 13%"), digest);
    assertTrue(files().contains(PAGE_FILE), files().toString());

    String asked =
        discord.slash(
            MEMBER,
            List.of(),
            "ask",
            Map.of(
                "question", "What did the Iowa soybean association president say about the cut?"));
    String answer = text(discord.await(call("PATCH", original(asked)), WAIT).body());
    assertTrue(answer.contains("Our growers have waited two seasons for this"), answer);
    assertTrue(answer.contains("Pacific Trade Review"), answer);
  }
}
