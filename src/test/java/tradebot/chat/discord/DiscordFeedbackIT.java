package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Feedback end to end: real JDA, real bot and feedback database, fake Discord on localhost. An
 * answer carries 👍 / 👎 buttons; a vote is stored and changed; a moderator's /report lists a
 * declined question and a voted-down answer; a member's /report is refused.
 */
class DiscordFeedbackIT extends DiscordFixture {
  private static final String ASKER = "1300000000000000001";
  private static final String VOTER = "1300000000000000002";
  private static final String MEMBER = "1300000000000000003";
  private static final String MODERATOR = "1300000000000000004";
  private static final String DECLINED = "How do I bake sourdough bread?";

  private String answerId;

  private List<String> buttons(JsonNode message) {
    List<String> ids = new ArrayList<>();
    message
        .path("components")
        .path(0)
        .path("components")
        .forEach(b -> ids.add(b.path("custom_id").asText()));
    return ids;
  }

  /** What the bot said privately after deferring a click or command privately. */
  private JsonNode privateAnswer(String interaction) throws InterruptedException {
    JsonNode deferred = discord.await(call("POST", callback(interaction)), WAIT).body();
    assertEquals(5, deferred.path("type").asInt());
    assertTrue(isEphemeral(deferred.path("data")), deferred.toString());
    return discord.await(call("PATCH", original(interaction)), WAIT).body();
  }

  @Test
  @Order(1)
  void anAnswerCarriesVoteButtonsWithTheIdInItsFooter() throws Exception {
    String id = discord.slash(ASKER, List.of(), "ask", Map.of("question", QUESTION));
    JsonNode edit = discord.await(call("PATCH", original(id)), WAIT).body();
    String footer = edit.path("embeds").path(0).path("footer").path("text").asText();
    answerId = footer.substring(footer.lastIndexOf(" · answer ") + " · answer ".length());
    assertTrue(answerId.matches("[2-9a-hjkmnp-z]{8}"), footer);
    List<String> ids = buttons(edit);
    assertEquals(
        List.of(
            DiscordRenderer.VOTE_BUTTON + "up:" + answerId,
            DiscordRenderer.VOTE_BUTTON + "down:" + answerId),
        ids.subList(1, 3));
    assertEquals(
        "👍",
        edit.path("components")
            .path(0)
            .path("components")
            .path(1)
            .path("emoji")
            .path("name")
            .asText());
  }

  @Test
  @Order(2)
  void aVoteIsStoredThenChangedAndOnlyTheVoterIsTold() throws Exception {
    JsonNode first =
        privateAnswer(discord.click(VOTER, DiscordRenderer.VOTE_BUTTON + "up:" + answerId));
    assertEquals(
        "Thanks: your 👍 on answer " + answerId + " is recorded.", first.path("content").asText());
    JsonNode changed =
        privateAnswer(discord.click(VOTER, DiscordRenderer.VOTE_BUTTON + "down:" + answerId));
    assertEquals(
        "Your vote on answer " + answerId + " is now 👎 (it was 👍).",
        changed.path("content").asText());
  }

  @Test
  @Order(3)
  void aModeratorsReportListsTheDeclinedQuestionAndTheVotedDownAnswer() throws Exception {
    String asked = discord.slash(ASKER, List.of(), "ask", Map.of("question", DECLINED));
    assertTrue(
        discord
            .await(call("PATCH", original(asked)), WAIT)
            .body()
            .toString()
            .contains("don't cover"),
        "declined");
    JsonNode report =
        privateAnswer(
            discord.slash(MODERATOR, List.of(FakePayloads.MOD_ROLE), "report", Map.of("days", 1)));
    String text = report.path("embeds").path(0).path("description").asText();
    assertTrue(
        text.startsWith("Feedback of the last 1 day: 2 answers given, 1 declined, 1 voted down."),
        text);
    assertTrue(text.contains("1× " + DECLINED), text);
    assertTrue(text.contains("answer " + answerId + " · 👎 1 👍 0 · answered: "), text);
  }

  @Test
  @Order(4)
  void aMembersReportIsRefusedAtOnceAndPrivately() throws Exception {
    String id = discord.slash(MEMBER, List.of(), "report", Map.of());
    JsonNode refusal = discord.await(call("POST", callback(id)), WAIT).body();
    assertEquals(4, refusal.path("type").asInt());
    assertTrue(isEphemeral(refusal.path("data")));
    assertEquals(
        "Only moderators can see the report.", refusal.path("data").path("content").asText());
  }
}
