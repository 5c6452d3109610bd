package tradebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;

/**
 * Every hostile question of {@link HostileQuestions} through the bot every adapter shares: the
 * reply it gets, exactly. None is an error; none echoes the question (so nothing in it can ping
 * through any adapter); markup and mentions are words like any other.
 */
class HostileQuestionsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  static final String HELP = "Ask me about US-China trade policy, for example";
  static final String NOT_COVERED =
      "My sources don't cover that. Try /sources to see which articles I answer from.";
  static final String LONG = "Your question was long; I read its first 1000 characters.";
  static final String MNUCHIN =
      "A U.S. delegation led by Treasury Secretary Steven Mnuchin wrapped up two days of"
          + " negotiations with Chinese economic officials Friday with only an agreement to keep"
          + " talking.";

  /** What each case gets: status, how the lead starts, the note lines, the first quote or null. */
  record Expected(ChatReply.Status status, String lead, List<String> lines, String quote) {}

  static final Map<String, Expected> EXPECTED =
      Map.ofEntries(
          declined("empty", HELP),
          declined("blank", HELP),
          // One word said a thousand times is still one plain word: no topic to answer about.
          Map.entry(
              "one megabyte",
              new Expected(ChatReply.Status.DECLINE, NOT_COVERED, List.of(LONG), null)),
          // The question is in the first thousand characters: it is answered, with the note.
          Map.entry(
              "one megabyte, question first",
              new Expected(
                  ChatReply.Status.ANSWER,
                  "Treasury Secretary Steven Mnuchin: " + MNUCHIN,
                  List.of(LONG),
                  null)),
          // The ANSI colour escape is taken off with the control characters: the question stays.
          answered("NUL and control characters", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          declined("only control characters", HELP),
          answered("right-to-left override", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          declined("right-to-left script", NOT_COVERED),
          answered("zero-width characters", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          declined("only zero-width characters", HELP),
          // Read as a plain question (the "who" is no longer first): the quote is the lead.
          answered("emoji around a question", MNUCHIN),
          declined("only emoji", NOT_COVERED),
          Map.entry(
              "lone surrogates",
              new Expected(
                  ChatReply.Status.ANSWER,
                  "After slapping steep global tariffs that rattled markets",
                  List.of(),
                  null)),
          declined("every query-syntax character", NOT_COVERED),
          // Query syntax is words like any other; the question inside is still read and
          // answered (since the 2026-12-03 refit: it was declined before).
          answered("query syntax around a question", MNUCHIN),
          declined("field and wildcard query", NOT_COVERED),
          Map.entry(
              "backtracking bait",
              new Expected(ChatReply.Status.DECLINE, NOT_COVERED, List.of(LONG), null)),
          // Chat markup around the question is taken off before it is read: the question stays.
          answered("@everyone and @here", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          answered(
              "Discord role and user mentions", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          answered(
              "Slack broadcasts and mentions", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          // The link's text ("click here") stays as words of the question beside it.
          answered("markdown link", MNUCHIN),
          answered("code fence", "Treasury Secretary Steven Mnuchin: " + MNUCHIN),
          // Markup around the question is words no article uses: the question inside is still
          // answered (since the 2026-12-03 refit) ...
          answered("HTML and script", MNUCHIN),
          // ... while these words lower the confidence below the bar.
          declined("SQL and shell", NOT_COVERED),
          declined("one long word", NOT_COVERED));

  static App app;

  @BeforeAll
  static void start() {
    app = App.inMemory(TradebotConfig.defaults(Path.of("config")), CLOCK);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<Arguments> cases() {
    return HostileQuestions.all().stream().map(c -> Arguments.of(c, EXPECTED.get(c.name())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachHostileQuestionGetsItsReplyAndNoError(HostileQuestions.Case c, Expected expected) {
    ChatReply reply = app.bot().handle(ChatRequest.ask(Platform.DISCORD, "u1", c.text()));

    assertEquals(expected.status(), reply.status(), reply.lead());
    assertTrue(reply.lead().startsWith(expected.lead()), reply.lead());
    assertEquals(expected.lines(), reply.lines());
    if (expected.quote() != null) {
      assertEquals(expected.quote(), reply.quotes().getFirst().text());
      assertTrue(reply.lead().endsWith(" [1]"), reply.lead());
    }
    assertEquals(reply.status() == ChatReply.Status.ANSWER, !reply.quotes().isEmpty());
    assertFalse(reply.ephemeral());
    String shown = TextRenderer.render(reply);
    for (String ping : List.of("@everyone", "@here", "<@", "<!", "```", "](")) {
      assertFalse(shown.contains(ping), "the reply shows " + ping + ": " + shown);
    }
  }

  @Test
  void everyCaseHasAnExpectedReply() {
    assertEquals(
        HostileQuestions.all().stream().map(HostileQuestions.Case::name).sorted().toList(),
        EXPECTED.keySet().stream().sorted().toList());
  }

  private static Map.Entry<String, Expected> declined(String name, String lead) {
    return Map.entry(name, new Expected(ChatReply.Status.DECLINE, lead, List.of(), null));
  }

  private static Map.Entry<String, Expected> answered(String name, String lead) {
    return Map.entry(
        name, new Expected(ChatReply.Status.ANSWER, lead + " [1]", List.of(), MNUCHIN));
  }
}
