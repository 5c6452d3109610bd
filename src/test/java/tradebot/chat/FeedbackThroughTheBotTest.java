package tradebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.testing.ManualClock;

/**
 * Answers given in chat are kept under an id that their footer shows and their buttons carry; votes
 * on them and the questions the bot declined reach the moderators' report, which no one else sees.
 */
class FeedbackThroughTheBotTest {
  private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
  static App app;

  @BeforeAll
  static void start() {
    app = App.inMemory(TradebotConfig.defaults(Path.of("config")), CLOCK);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static ChatReply handle(
      Command command, String user, boolean moderator, Map<String, String> options, String text) {
    return app.bot()
        .handle(new ChatRequest(Platform.DISCORD, user, "C1", command, text, moderator, options));
  }

  private static ChatReply ask(String user, String question) {
    return handle(Command.ASK, user, false, Map.of(), question);
  }

  private static ChatReply vote(String user, String answerId, String vote) {
    return handle(Command.VOTE, user, false, Map.of("answer", answerId, "vote", vote), "");
  }

  private static ChatReply report(boolean moderator, String days) {
    return handle(
        Command.REPORT, "M1", moderator, days == null ? Map.of() : Map.of("days", days), "");
  }

  @Test
  void anAnswerShowsTheIdItIsKeptUnderInItsFooter() {
    ChatReply reply = ask("U1", "Who led the US delegation to Beijing in May 2018?");
    assertEquals(ChatReply.Status.ANSWER, reply.status());
    assertTrue(reply.answerId().matches("[2-9a-hjkmnp-z]{8}"), reply.answerId());
    assertTrue(reply.footer().endsWith(" · answer " + reply.answerId()), reply.footer());
  }

  @Test
  void aVoteIsThankedThenChangedAndOnlyTheVoterSeesIt() {
    String id = ask("U1", "Who led the US delegation to Beijing in May 2018?").answerId();
    ChatReply first = vote("U2", id, "up");
    assertEquals(
        List.of(ChatReply.Status.INFO, "Thanks: your 👍 on answer " + id + " is recorded.", true),
        List.of(first.status(), first.lead(), first.ephemeral()));
    assertEquals(
        "Your vote on answer " + id + " is now 👎 (it was 👍).", vote("U2", id, "down").lead());
    assertEquals(
        "Your 👎 on answer " + id + " was already recorded.", vote("U2", id, "down").lead());
  }

  @Test
  void aVoteOnAnAnswerNotKeptSaysItWasNotRecorded() {
    assertEquals(
        "I don't keep an answer zzzz2222 (answers are deleted after the retention period), so the"
            + " vote was not recorded.",
        vote("U2", "zzzz2222", "up").lead());
    assertEquals(
        "I can't read that vote: a vote is up or down: sideways",
        vote("U2", "zzzz2222", "sideways").lead());
  }

  @Test
  void theReportListsADeclinedQuestionAndAVotedDownAnswerForModeratorsOnly() {
    CLOCK.advance(Duration.ofDays(30)); // what the other tests kept falls out of a one-day report
    ChatReply declined = ask("U3", "How do I bake sourdough bread?");
    assertEquals(ChatReply.Status.DECLINE, declined.status());
    CLOCK.advance(Duration.ofMinutes(1));
    ask("U4", "how do I bake sourdough bread?  ");
    String disliked = ask("U3", "Who led the US delegation to Beijing in May 2018?").answerId();
    vote("U5", disliked, "down");

    ChatReply refused = report(false, null);
    assertEquals(
        List.of(ChatReply.Status.REFUSED, "Only moderators can see the report.", true),
        List.of(refused.status(), refused.lead(), refused.ephemeral()));

    ChatReply r = report(true, "1");
    assertTrue(r.ephemeral());
    assertEquals(
        "Feedback of the last 1 day: 3 answers given, 2 declined, 1 voted down.", r.lead());
    assertEquals("Declined most often:", r.lines().get(0));
    assertEquals("2× how do I bake sourdough bread? (last 2026-12-31)", r.lines().get(1));
    assertEquals("Voted down most:", r.lines().get(2));
    assertTrue(
        r.lines().get(3).startsWith("answer " + disliked + " · 👎 1 👍 0 · answered: "),
        r.lines().get(3));
    assertTrue(r.lines().get(3).contains(" · cited \""), r.lines().get(3));
  }

  @Test
  void aModeratorsReloadIsListedInTheReportWithHowItEndedAndThroughWhat() {
    CLOCK.advance(Duration.ofDays(30)); // the start-up load falls out of a one-day report
    ChatReply reloaded = handle(Command.RELOAD, "M1", true, Map.of(), "");
    assertEquals(ChatReply.Status.INFO, reloaded.status());

    ChatReply r = report(true, "1");

    int at = r.lines().indexOf("Reloads, newest first:");
    assertTrue(at >= 0, r.lines().toString());
    String minute =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(CLOCK.instant().atZone(ZoneOffset.UTC));
    assertTrue(reloaded.lead().startsWith("Reloaded. "), reloaded.lead());
    assertEquals(
        minute + " · unchanged · by discord · " + reloaded.lead().substring("Reloaded. ".length()),
        r.lines().get(at + 1));
  }

  @Test
  void aReportPeriodThatIsNoNumberOfDaysIsRefusedNamingIt() {
    assertEquals(
        "days must be a whole number from 1 to 3650: a week", report(true, "a week").lead());
    assertEquals("days must be a whole number from 1 to 3650: 0", report(true, "0").lead());
  }

  @Test
  void helpGivesAnExampleOfEachCommandAsItIsTypedOnTheAskersPlatform() {
    Map<Platform, List<String>> examples =
        Map.of(
            Platform.DISCORD,
            List.of(
                "/ask what",
                "/tariff direction: us-china history: true",
                "/sources",
                "/reload",
                "/add file: page.html",
                "/report days: 7"),
            Platform.SLACK,
            List.of(
                "/ask what",
                "@tradebot who",
                "/tariff history us-china",
                "/sources",
                "/reload",
                "@tradebot add outlet: Reuters",
                "/report 7"),
            Platform.CONSOLE,
            List.of("what is", "/tariff history us-china", "/sources", "/reload", "/report 7"));
    examples.forEach(
        (platform, wanted) -> {
          ChatReply help =
              app.bot()
                  .handle(new ChatRequest(platform, "U1", "C1", Command.HELP, "", false, Map.of()));
          for (String example : wanted) {
            assertTrue(
                help.lines().stream().anyMatch(l -> l.contains(", e.g. " + example)),
                platform + ": " + example + " in " + help.lines());
          }
        });
    ChatReply console =
        app.bot()
            .handle(
                new ChatRequest(Platform.CONSOLE, "U1", "C1", Command.HELP, "", false, Map.of()));
    assertTrue(
        console.lines().stream().noneMatch(l -> l.contains("/add")), console.lines().toString());
  }
}
