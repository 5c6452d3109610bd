package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.knowledge.KnowledgeLoader;

class AnswerServiceTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  static App app;

  @BeforeAll
  static void loadSeeds() {
    app = App.inMemory(TradebotConfig.defaults(Path.of("config")), CLOCK);
  }

  @AfterAll
  static void close() {
    app.close();
  }

  static Answer.Answered answered(String question) {
    return assertInstanceOf(Answer.Answered.class, app.answers().ask(question));
  }

  @Test
  void whoLedTheDelegationIsAnsweredWithTheMnuchinSentenceAndItsCitation() {
    Answer.Answered a = answered("Who led the US delegation to Beijing in May 2018?");
    Answer.Citation first = a.citations().getFirst();
    assertEquals(
        "A U.S. delegation led by Treasury Secretary Steven Mnuchin wrapped up two days of negotiations"
            + " with Chinese economic officials Friday with only an agreement to keep talking.",
        first.quote());
    assertEquals(1, first.n());
    assertEquals("2018-05-04-ap-beijing-talks", first.source().id());
    assertEquals("Associated Press (via The Seattle Times)", first.source().outlet());
    assertEquals(QuestionType.WHO, a.kind());
    assertTrue(a.lead().startsWith("Treasury Secretary Steven Mnuchin"), a.lead());
  }

  @Test
  void aRankedAnswersLeadOnlyRestatesTheQuote() {
    Answer.Answered a = answered("How many countries got a 90-day pause on tariffs?");
    String lead = a.lead().replace(" [1]", "").replace("… ", "").replace(" …", "");
    for (String part : lead.split(": ", 2)) {
      assertTrue(a.citations().getFirst().quote().contains(part), part);
    }
  }

  @Test
  void everyQuoteIsVerbatimArticleTextAndEveryFigureSitsInItsQuote() throws Exception {
    for (String q :
        List.of(
            "How many countries got a 90-day pause on tariffs?",
            "What value of additional US products did China put duties on in September 2018?",
            "How big a cut in its trade surplus did Trump demand from China?")) {
      Answer.Answered a = answered(q);
      for (Answer.Citation c : a.citations()) {
        Path file = Path.of("knowledge").resolve(c.source().id() + ".txt");
        String body = KnowledgeLoader.read(Path.of("knowledge").toRealPath(), file).body();
        String folded = body.replaceAll("\\s+", " ");
        assertTrue(folded.contains(c.quote()), c.quote());
        assertEquals(c.quote(), body.substring(c.start(), c.end()).replaceAll("\\s+", " "));
      }
      for (Answer.CitedFigure f : a.figures()) {
        assertTrue(
            a.citations().get(f.citation() - 1).quote().contains(f.figure().text()), f.toString());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What is the capital of France?",
        "What tariffs does the EU put on Japanese cars?",
        "What did Angela Merkel say about steel tariffs?",
        "What is the weather in Beijing?",
        "hi there",
        "asdfghjkl"
      })
  void offTopicQuestionsAreDeclinedPointingToSources(String question) {
    Answer.NotFound nf = assertInstanceOf(Answer.NotFound.class, app.answers().ask(question));
    assertTrue(nf.message().contains("/sources"), nf.message());
    assertTrue(nf.confidence() < 0.5, "answerable " + nf.confidence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u0000\u200b\n"})
  void anEmptyQuestionGetsAShortHelpReply(String question) {
    Answer.Refused r = assertInstanceOf(Answer.Refused.class, app.answers().ask(question));
    assertEquals(Answer.Refused.Reason.EMPTY_QUESTION, r.reason());
    assertTrue(r.message().startsWith("Ask me about US-China trade policy"), r.message());
  }

  @Test
  void aQuestionOverAThousandCharactersIsAnsweredOnItsFirstThousandWithANote() {
    String question = "Who led the US delegation to Beijing in May 2018? " + "x".repeat(2000);
    Answer a = app.answers().ask(question);
    assertEquals(1000, a.question().length());
    assertEquals("Your question was long; I read its first 1000 characters.", a.note());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "title:* OR ((",
        "tariff AND NOT \"",
        "*?~^[]{}\\/:!",
        "**bold** `code` [link](http://x)"
      })
  void querySyntaxIsReadAsPlainWords(String question) {
    Answer a = app.answers().ask(question);
    assertEquals(QuestionAnalyzer.normalize(question), a.question());
  }

  @Test
  void theJsonFormCarriesEveryDocumentedField() {
    ObjectNode json =
        AnswerJson.toJson(app.answers().ask("How many countries got a 90-day pause on tariffs?"));
    for (String field :
        List.of(
            "question",
            "answered",
            "lead",
            "text",
            "citations",
            "figures",
            "confidence",
            "took_ms")) {
      assertTrue(json.has(field), field);
    }
    JsonNode c = json.path("citations").get(0);
    for (String field : List.of("n", "article", "title", "outlet", "published", "quote", "url")) {
      assertTrue(c.has(field), field);
    }
    assertEquals("2025-04-11", c.path("published").asText());
    assertTrue(json.path("answered").asBoolean());
  }

  @Test
  void aDeclineInJsonIsNotAnswered() {
    ObjectNode json = AnswerJson.toJson(app.answers().ask("How do I bake sourdough bread?"));
    assertFalse(json.path("answered").asBoolean());
    assertEquals(0, json.path("citations").size());
  }

  @Test
  void anEmptyKnowledgeDirectoryAnswersThatNoSourcesAreLoaded(@TempDir Path empty) {
    TradebotConfig config = TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(empty);
    try (App none = App.inMemory(config, CLOCK)) {
      Answer.Refused r =
          assertInstanceOf(Answer.Refused.class, none.answers().ask("What is the tariff now?"));
      assertEquals(Answer.Refused.Reason.NO_SOURCES, r.reason());
      assertTrue(r.message().startsWith("No sources are loaded"), r.message());
    }
  }

  @Test
  void anArticleAddedToTheKnowledgeDirectoryIsAnswerableWithNoCodeChange(@TempDir Path dir)
      throws Exception {
    App more =
        seedsAnd(
            dir,
            "2026-02-02-test-soybeans.md",
            """
        ---
        title: "China resumes soybean purchases"
        outlet: "Test Wire"
        published: 2026-02-02
        ---
        China bought 1.2 million tonnes of American soybeans in January, the Agriculture Department said on Monday.

        The purchases were led by state trader Sinograin, according to traders in Chicago.
        """);
    try (more) {
      Answer.Answered a =
          assertInstanceOf(
              Answer.Answered.class,
              more.answers().ask("Which state trader led the soybean purchases?"));
      assertEquals(
          "The purchases were led by state trader Sinograin, according to traders in Chicago.",
          a.citations().getFirst().quote());
      assertEquals("2026-02-02-test-soybeans", a.citations().getFirst().source().id());
    }
  }

  @Test
  void aQuoteWhoseSpeakerIsInTheSentenceBeforeQuotesBothAndTheLeadSaysWho(@TempDir Path dir)
      throws Exception {
    App more =
        seedsAnd(
            dir,
            "2026-03-03-test-framework.md",
            """
        ---
        title: "Negotiators reach a framework on chip exports"
        outlet: "Test Wire"
        published: 2026-03-03
        ---
        Negotiators from both countries agreed a framework on chip exports in Geneva on Tuesday.

        "A framework is not a final deal," said Ingrid Sollberger, a lecturer at the Lausanne Trade Institute. She said a meeting of the two presidents would be the real test of the framework.

        "We have just agreed the outline of a chip deal. The details will follow within weeks," the commerce minister wrote on social media.
        """);
    try (more) {
      Answer.Answered a =
          assertInstanceOf(
              Answer.Answered.class,
              more.answers()
                  .ask(
                      "What did the Lausanne lecturer say would be the real test of the framework?"));
      assertEquals(
          "\"A framework is not a final deal,\" said Ingrid Sollberger, a lecturer at the Lausanne"
              + " Trade Institute. She said a meeting of the two presidents would be the real test"
              + " of the framework.",
          a.citations().getFirst().quote());
      // The quote question ranks the quotation first; the sentence after carries its speaker on.
      assertEquals(
          "\"A framework is not a final deal,\" said Ingrid Sollberger, a lecturer at the Lausanne"
              + " Trade Institute. [1]",
          a.lead());
      Answer.Answered what =
          assertInstanceOf(
              Answer.Answered.class,
              more.answers().ask("What would be the real test of the chip framework?"));
      assertEquals(a.citations().getFirst().quote(), what.citations().getFirst().quote());
      // Ranked on the "She said" sentence: the one before is quoted with it and names her.
      assertEquals(
          "Ingrid Sollberger: She said a meeting of the two presidents would be the real test of"
              + " the framework. [1]",
          what.lead());
      Answer.Answered who =
          assertInstanceOf(
              Answer.Answered.class,
              more.answers()
                  .ask("Who said a meeting of the two presidents would be the real test?"));
      assertEquals(a.citations().getFirst().quote(), who.citations().getFirst().quote());
      assertEquals(
          "Ingrid Sollberger: She said a meeting of the two presidents would be the real test of"
              + " the framework. [1]",
          who.lead());
      Answer.Answered split =
          assertInstanceOf(
              Answer.Answered.class,
              more.answers().ask("When will the details of the chip deal follow?"));
      assertEquals(
          "\"We have just agreed the outline of a chip deal. The details will follow within weeks,\""
              + " the commerce minister wrote on social media.",
          split.citations().getFirst().quote());
    }
  }

  @Test
  void aQuestionOfADayBeforeTheFirstLevelOnRecordIsAnsweredFromAnArticleOfThatTimeOnly(
      @TempDir Path dir) throws Exception {
    App more =
        seedsAnd(
            dir,
            "2018-03-23-test-list.md",
            """
        ---
        title: "Beijing lists US goods it could tax"
        outlet: "Test Wire"
        published: 2018-03-23
        ---
        China's commerce ministry published a list of 128 American products that it could hit with tariffs in answer to the US steel duties.

        Pork would face a proposed duty of 25 percent, and fresh fruit 15 percent.
        """);
    try (more) {
      String proposed = "What duty did China propose on American pork in March 2018?";
      assertTrue(
          more.answers()
              .explain(proposed)
              .getFirst()
              .endsWith("answered only from an article of" + " that time"),
          more.answers().explain(proposed).getFirst());
      Answer.Answered a = assertInstanceOf(Answer.Answered.class, more.answers().ask(proposed));
      assertEquals(
          "Pork would face a proposed duty of 25 percent, and fresh fruit 15 percent.",
          a.citations().getFirst().quote());
      assertTrue(
          a.citations().stream()
              .allMatch(c -> !c.source().published().isAfter(LocalDate.of(2018, 3, 31))),
          a.citations().toString());
      // A month before the article: it ranks first, but is not of that time.
      String earlier = "What duty did China propose on American pork in February 2018?";
      List<String> explained = more.answers().explain(earlier);
      String best = explained.get(explained.indexOf(decisionOf(explained)) + 1);
      assertTrue(best.contains(" 2018-03-23-test-list#"), best);
      Answer.NotFound before = assertInstanceOf(Answer.NotFound.class, more.answers().ask(earlier));
      assertTrue(
          before
              .message()
              .startsWith("My sources give no China on US tariff level as of 2018-02-28"),
          before.message());
      Answer.NotFound none =
          assertInstanceOf(
              Answer.NotFound.class,
              more.answers().ask("What tariff did China charge on US goods in 2015?"));
      assertTrue(
          none.message().startsWith("My sources give no China on US tariff level as of 2015-12-31"),
          none.message());
    }
  }

  /** The explained decision's line among {@code lines}. */
  private static String decisionOf(List<String> lines) {
    return lines.stream().filter(l -> l.startsWith("answerable=")).findFirst().orElseThrow();
  }

  /** An app over the seed articles and one more article, {@code name} in {@code dir}. */
  private static App seedsAnd(Path dir, String name, String article) throws Exception {
    for (Path seed : Files.list(Path.of("knowledge")).toList()) {
      Files.copy(seed, dir.resolve(seed.getFileName()));
    }
    Files.writeString(dir.resolve(name), article);
    return App.inMemory(TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(dir), CLOCK);
  }

  /**
   * The explained decision's line: "answerable=... -> answer; bias ... feature value*weight=...".
   */
  private static String decision(String question) {
    return app.answers().explain(question).stream()
        .filter(l -> l.startsWith("answerable="))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theDeclineReadsWhetherTheBestArticleIsOfTheMonthOrYearTheQuestionNames() {
    String month = decision("Who led the US delegation to Beijing in May 2018?");
    String otherYear = decision("Who led the US delegation to Beijing in 2021?");
    assertTrue(month.contains(" top_named_date 1.000*"), month);
    assertTrue(otherYear.contains(" top_named_date -1.000*"), otherYear);
  }

  @Test
  void theDeclineReadsHowMuchOfTheEvidenceLiesInTheBestArticle() {
    String d = decision("Who led the US delegation to Beijing in May 2018?");
    Matcher m = Pattern.compile(" top_article_share ([0-9.]+)\\*").matcher(d);
    assertTrue(m.find(), d);
    double share = Double.parseDouble(m.group(1));
    // the May 2018 talks are the AP article's: most of the candidates' weight is there
    assertTrue(share > 0.5 && share <= 1.0, d);
  }

  /** The explained value of {@code feature} for the candidate {@code passage}; 0 when not shown. */
  private static double feature(String question, String passage, String feature) {
    List<String> lines = app.answers().explain(question);
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).contains(" " + passage + " ")) {
        Matcher m = Pattern.compile(" " + feature + " (-?[0-9.]+)\\*").matcher(lines.get(i + 1));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
      }
    }
    throw new AssertionError(passage + " is not a candidate for: " + question + "\n" + lines);
  }

  @Test
  void theRankingReadsWhoseDutiesACandidateSpeaksOfAgainstTheSideTheQuestionAsksAbout() {
    String usTariffs = "2019-05-10-cnn-talks-end-without-deal#1.0"; // "tariffs increased on ...
    // $200 billion worth of Chinese exports": the US's duties
    assertEquals(
        1.0,
        feature(
            "Why did the US raise tariffs on Chinese goods in May 2019?",
            usTariffs,
            "duty_direction"));
    assertEquals(
        -1.0,
        feature(
            "What tariffs did China announce on American goods in May 2019?",
            usTariffs,
            "duty_direction"));
    assertEquals(
        0.0, feature("Did tariffs go up at midnight in May 2019?", usTariffs, "duty_direction"));
  }
}
