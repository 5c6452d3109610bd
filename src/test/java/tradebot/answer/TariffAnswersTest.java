package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;

/**
 * Tariff-level questions asked in words get the tracker's answer, over the seeds and over the seeds
 * plus the five articles of the shared eval set (where US on China is about 47% and China on US
 * 10%, so a swapped direction shows).
 */
class TariffAnswersTest {
  private static final String BUSAN =
      "US officials said the reduction lowers the overall US tariff on Chinese imports to about 47%"
          + " from about 57%.";
  private static final String GENEVA_CN =
      "China will lower its duties on American imports to 10% from 125%.";
  private static final String BLOOMBERG =
      "On Friday, Beijing hiked tariffs on all US goods to 125%, mirroring a move by the White House"
          + " that pushed duties on Chinese imports to the same level, on top of an existing 20% tax.";

  @TempDir static Path more;
  static App seeds;
  static App withArticles;

  @BeforeAll
  static void load() throws IOException {
    seeds = App.inMemory(TradebotConfig.defaults(Path.of("config")), AnswerServiceTest.CLOCK);
    for (Path dir : List.of(Path.of("knowledge"), Path.of("src/test/resources/eval/articles"))) {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.copy(f, more.resolve(f.getFileName()));
        }
      }
    }
    withArticles =
        App.inMemory(
            TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(more),
            AnswerServiceTest.CLOCK);
  }

  @AfterAll
  static void close() {
    seeds.close();
    withArticles.close();
  }

  private static Answer.Answered ask(App app, String question) {
    return assertInstanceOf(Answer.Answered.class, app.answers().ask(question), question);
  }

  @Test
  void theReadmesAprilQuestionLeadsWithTheUsLevelNotChinasAndCitesBloomberg() {
    Answer.Answered a = ask(seeds, "What tariff did the US put on Chinese goods in April 2025?");
    assertEquals(
        "US on China in April 2025: 145% (125% on top of an existing 20%, computed) as of 2025-04-11",
        a.lead());
    assertEquals(BLOOMBERG, a.citations().getFirst().quote());
    assertEquals("Bloomberg", a.citations().getFirst().source().outlet());
    assertEquals(QuestionType.FIGURE, a.kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What is the US tariff on Chinese imports now?",
        "How high are US duties on Chinese goods right now?",
        "where do us tariffs on china stand overall now",
        "how much does the us tariff chinese stuff rn",
        "What tariff does Washington charge on Chinese products today?"
      })
  void theUsLevelNowIsBusansAbout47PercentInFivePhrasings(String question) {
    Answer.Answered a = ask(withArticles, question);
    assertTrue(
        a.lead().startsWith("US on China: 47% (about 47%, reduced, from 57%) as of 2025-11-02"),
        a.lead());
    assertEquals(BUSAN, a.citations().getFirst().quote());
    assertEquals("2025-11-02", a.citations().getFirst().source().published().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What's the current tariff China charges on American goods?",
        "how high are chinas tariffs on us products rn",
        "What duties does Beijing charge on American products?",
        "What's the current tariff on American goods imposed by Beijing?",
        "what does china currently charge on us goods"
      })
  void chinasLevelNowIsGenevas10PercentInFivePhrasings(String question) {
    Answer.Answered a = ask(withArticles, question);
    assertEquals("China on US: 10% (reduced, from 125%) as of 2025-05-12", a.lead());
    assertEquals(GENEVA_CN, a.citations().getFirst().quote());
  }

  @Test
  void theLevelNowOnTheSeedsAloneIsAprils() {
    Answer.Answered a = ask(seeds, "What's the current tariff China charges on American goods?");
    assertEquals("China on US: 125% as of 2025-04-11", a.lead());
    assertEquals(BLOOMBERG, a.citations().getFirst().quote());
  }

  @Test
  void aChangeBetweenTwoYearsCitesTheFirstAndTheLatestLevelsInDateOrder() {
    Answer.Answered a =
        ask(withArticles, "How did the tariff on Chinese goods change from 2018 to 2025?");
    assertEquals(
        "US on China: 10% (2018-09-24) → … → 30% (2025-05-12) → 47% (2025-11-02)", a.lead());
    assertEquals(
        List.of("2018-09-21", "2025-05-12", "2025-11-02"),
        a.citations().stream().map(c -> c.source().published().toString()).toList());
  }

  @Test
  void aChangeAfterTheGenevaTalksCitesTheSentenceThatGivesBothEndsFirst() {
    Answer.Answered a =
        ask(withArticles, "How did US tariffs on Chinese goods change after the Geneva talks?");
    assertEquals("US on China: 145% → 30% (2025-05-12) → 47% (2025-11-02)", a.lead());
    assertEquals(
        "Under the deal announced in Geneva, US tariffs on Chinese goods will drop to 30% from 145%.",
        a.citations().getFirst().quote());
    assertEquals(BUSAN, a.citations().get(1).quote());
  }

  @Test
  void aQuestionAboutWhyALevelWasSetGoesToTheRankingNotTheTimeline() {
    Answer.Answered a = ask(seeds, "Why did China raise tariffs on US goods in April 2025?");
    assertTrue(!a.lead().startsWith("China on US"), a.lead());
  }

  @Test
  void explainSaysWhetherTheTimelineAnsweredOrTheRankingDid() {
    String answered = seeds.answers().explain("What is the US tariff on Chinese goods now?").get(0);
    String ranked =
        seeds
            .answers()
            .explain(
                "How did the US tariff on Chinese goods change between February and March 2025?")
            .get(0);
    assertTrue(
        answered.startsWith("tariff question: Query[direction=Direction[imposer=US"), answered);
    assertTrue(answered.endsWith(" -> answered from the timeline"), answered);
    assertTrue(ranked.endsWith(" -> the timeline has no answer for it: ranked"), ranked);
  }

  @Test
  void aLevelAskedForBeforeTheFirstOnRecordIsDeclinedWithTheFirstDate() {
    Answer a =
        seeds.answers().ask("What tariff did the US put on Chinese imports back in November 2017?");
    Answer.NotFound none = assertInstanceOf(Answer.NotFound.class, a);
    assertEquals(
        "My sources give no US on China tariff level as of 2017-11-30: the first they have is of"
            + " 2018-05-04. /tariff shows the levels they give.",
        none.message());
  }

  @Test
  void aThirdCountryIsNotReadAsEitherSideOfTheTimeline() {
    Answer a = seeds.answers().ask("What tariff does Canada charge on American dairy?");
    assertTrue(
        !(a instanceof Answer.Answered got) || !got.lead().startsWith("China on US"), a.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wat duties does beijing charge on amercian products these days",
        "duties beijing charges on american products atm"
      })
  void chatShorthandAndACorrectedTypoStillReadAsChinasLevel(String question) {
    assertEquals(
        "China on US: 10% (reduced, from 125%) as of 2025-05-12",
        ask(withArticles, question).lead());
  }

  @Test
  void aQualifiedMonthIsTheMonth() {
    assertEquals(
        "US on China in April 2025: 145% (125% on top of an existing 20%, computed) as of 2025-04-11",
        ask(withArticles, "What tariff did the US have on Chinese imports in mid-April 2025?")
            .lead());
  }

  @Test
  void aTrancheNamedByItsAmountGetsThatTranchesLevelsInDateOrder() {
    Answer.Answered a =
        ask(
            withArticles,
            "how did the us tariff on the $200bn of chinese goods change between september"
                + " 2018 and may 2019");
    assertEquals(
        "US on China on $200 billion of goods: 10% (2018-09-24) → 25% (2019-05-13)", a.lead());
    assertEquals(2, a.citations().size());
  }
}
