package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tradebot.answer.Answer;

/** The slash commands end to end: real JDA, real bot, fake Discord on localhost. */
class DiscordBotIT extends DiscordFixture {
  private static final String ASKER = "1200000000000000001";
  private static final String MEMBER = "1200000000000000002";
  private static final String MODERATOR = "1200000000000000003";
  private static final String MANAGER = "1200000000000000004";
  private static final String HASTY = "1200000000000000005";
  private static final String TRADER = "1200000000000000006";

  @Test
  @Order(1)
  void askIsDeferredThenAnsweredWithTheVerbatimQuoteItsCitationAndNoMentions() throws Exception {
    Answer.Answered expected = assertInstanceOf(Answer.Answered.class, app.answers().ask(QUESTION));
    Answer.Citation first = expected.citations().getFirst();
    String quote = DiscordRenderer.flat(first.quote());

    String id = discord.slash(ASKER, List.of(), "ask", Map.of("question", QUESTION));
    assertEquals(
        5, discord.await(call("POST", callback(id)), WAIT).body().path("type").asInt(), "deferred");
    JsonNode edit = discord.await(call("PATCH", original(id)), WAIT).body();
    assertNoMentions(edit);
    assertTrue(description(edit).contains("> " + quote + " [1]"), description(edit));
    JsonNode embed = edit.path("embeds").path(0);
    JsonNode sources = embed.path("fields").path(embed.path("fields").size() - 1);
    assertEquals("Sources", sources.path("name").asText());
    String source = sources.path("value").asText();
    assertTrue(source.startsWith("[1] ") && source.contains(first.source().outlet()), source);
    assertTrue(source.endsWith(" · " + first.source().published()), source);
    assertTrue(embed.path("footer").path("text").asText().startsWith("knowledge base "));

    // The button shows every citation, to the clicker only.
    String button =
        edit.path("components").path(0).path("components").path(0).path("custom_id").asText();
    assertTrue(button.startsWith(DiscordRenderer.CITATIONS_BUTTON), button);
    String click = discord.click(ASKER, button);
    JsonNode shown = discord.await(call("POST", callback(click)), WAIT).body();
    assertEquals(4, shown.path("type").asInt());
    assertTrue(isEphemeral(shown.path("data")));
    assertTrue(description(shown.path("data")).contains(quote));
  }

  @Test
  @Order(1)
  void aTariffQuestionLeadsWithTheTrackersLevelAsTheConsoleAndTheApiDo() throws Exception {
    String question = "What tariff did the US put on Chinese goods in April 2025?";
    Answer.Answered expected = assertInstanceOf(Answer.Answered.class, app.answers().ask(question));
    assertEquals(
        "US on China in April 2025: 145% (125% on top of an existing 20%, computed) as of 2025-04-11",
        expected.lead());

    String id = discord.slash(TRADER, List.of(), "ask", Map.of("question", question));
    JsonNode edit = discord.await(call("PATCH", original(id)), WAIT).body();
    assertTrue(description(edit).startsWith(expected.lead()), edit.toString());
  }

  @Test
  @Order(2)
  void reloadIsRefusedToMembersAndRunForModeratorsAndManagers() throws Exception {
    String refused = discord.slash(MEMBER, List.of(), "reload", Map.of());
    JsonNode refusal = discord.await(call("POST", callback(refused)), WAIT).body();
    assertEquals(4, refusal.path("type").asInt());
    assertTrue(isEphemeral(refusal.path("data")));
    assertEquals(
        "Only moderators can reload the knowledge base.",
        refusal.path("data").path("content").asText());
    assertTrue(
        logs.list.stream()
            .anyMatch(
                e ->
                    e.getFormattedMessage()
                        .equals("reload by=" + MEMBER + " via=discord outcome=DENIED")),
        "audit line");

    for (String[] who :
        new String[][] {{MODERATOR, FakePayloads.MOD_ROLE}, {MANAGER, FakePayloads.MANAGER_ROLE}}) {
      String accepted = discord.slash(who[0], List.of(who[1]), "reload", Map.of());
      assertEquals(
          5, discord.await(call("POST", callback(accepted)), WAIT).body().path("type").asInt());
      JsonNode report = discord.await(call("PATCH", original(accepted)), WAIT).body();
      assertTrue(description(report).startsWith("Reloaded. "), report.toString());
    }
  }

  @Test
  @Order(3)
  void ourOwnRateLimitAnswersOnlyTheAskerWithTheWait() throws Exception {
    for (int i = 0; i < 3; i++) {
      discord.slash(HASTY, List.of(), "sources", Map.of());
    }
    String fourth = discord.slash(HASTY, List.of(), "sources", Map.of());
    JsonNode limited = discord.await(call("POST", callback(fourth)), WAIT).body();
    assertEquals(4, limited.path("type").asInt());
    assertTrue(isEphemeral(limited.path("data")));
    String text = limited.path("data").path("content").asText();
    assertTrue(text.matches("You're asking quickly; try again in \\d+ s\\."), text);
    assertTrue(
        app.metrics().scrape().contains("tradebot_rate_limited_total{platform=\"discord\"} 1.0"),
        "the refusal is counted");
  }

  @Test
  @Order(4)
  void aFailureIsAnsweredOnlyToTheAskerWithAnErrorIdThatIsInTheLog() throws Exception {
    String id = discord.slash(ASKER, List.of(), "ask", Map.of("question", EXPLODE));
    assertEquals(5, discord.await(call("POST", callback(id)), WAIT).body().path("type").asInt());
    discord.await(call("DELETE", original(id)), WAIT);
    JsonNode notice = discord.await(call("POST", followUp(id)), WAIT).body();
    assertTrue(isEphemeral(notice));
    Matcher m =
        Pattern.compile("Something went wrong on my side \\(error id ([0-9a-f]{8})\\)\\.")
            .matcher(notice.path("content").asText());
    assertTrue(m.matches(), notice.toString());
    String logged = "error id=" + m.group(1) + " ";
    assertTrue(
        logs.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith(logged)),
        "the id is in the log");
  }
}
