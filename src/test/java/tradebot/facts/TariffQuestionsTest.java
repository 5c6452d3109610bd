package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tradebot.facts.TariffTimeline.Direction;
import tradebot.facts.TariffTimeline.Query;

/**
 * Questions about tariff levels read over the seeds plus the five articles of the shared eval set,
 * where US on China (about 47%) and China on US (10%) differ: direction, time and what narrows the
 * level.
 */
class TariffQuestionsTest {
  private static final Direction US_CN = new Direction("US", "CN");
  private static final Direction CN_US = new Direction("CN", "US");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @TempDir static Path dir;
  private static TariffTimeline timeline;

  @BeforeAll
  static void load() throws IOException {
    TariffFixtures.copySeeds(dir);
    try (var files = Files.list(Path.of("src/test/resources/eval/articles"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    timeline =
        TariffTimeline.build(
            TariffFixtures.load(dir), TariffFixtures.VOCABULARY, TariffFixtures.CUES);
  }

  /** The question's words less a few function words: what the answer service passes as topic. */
  private static Optional<Query> read(String question) {
    List<String> stop =
        List.of(
            "what", "what's", "is", "the", "on", "of", "are", "does", "do", "did", "how", "in",
            "to", "from", "a", "by", "and", "now", "right", "after", "between", "since", "s",
            "where", "much", "high", "they");
    List<String> topic =
        Arrays.stream(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
            .filter(w -> !w.isEmpty() && !stop.contains(w))
            .toList();
    return timeline.read(question, topic, TODAY);
  }

  private static TariffTimeline.Standing level(String question) {
    Query q = read(question).orElseThrow(() -> new AssertionError("not read: " + question));
    assertEquals(Query.Kind.LEVEL, q.kind(), question);
    return timeline.standing(q).orElseThrow(() -> new AssertionError("no level: " + question));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What is the US tariff on Chinese imports now?",
        "How high are US duties on Chinese goods right now?",
        "where do us tariffs on china stand overall now",
        "What's the latest tariff level on Chinese goods?",
        "how much does the us tariff chinese stuff rn",
        "What tariff does Washington charge on Chinese products today?",
        "What are American tariffs on China currently?"
      })
  void theUsTariffOnChinaAskedInAnyWordsIsAbout47PercentFromBusan(String question) {
    TariffTimeline.Standing s = level(question);
    assertEquals(US_CN, s.direction());
    assertEquals(47.0, s.level().levelPercent());
    assertEquals(LocalDate.of(2025, 11, 2), s.level().source().published());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What's the current tariff China charges on American goods?",
        "how high are chinas tariffs on us products rn",
        "What duties does Beijing charge on American products?",
        "What's the current tariff on American goods imposed by Beijing?",
        "what does china currently charge on us goods",
        "What is China's tariff on US goods now?",
        "Chinese tariffs on American imports: what are they now?"
      })
  void chinasTariffOnTheUsAskedInAnyWordsIs10PercentFromGeneva(String question) {
    TariffTimeline.Standing s = level(question);
    assertEquals(CN_US, s.direction());
    assertEquals(10.0, s.level().levelPercent());
    assertEquals(LocalDate.of(2025, 5, 12), s.level().source().published());
  }

  @Test
  void aNamedMonthAsksForTheLevelAsOfItsLastDay() {
    Query q = read("What tariff did the US put on Chinese goods in April 2025?").orElseThrow();
    assertEquals(LocalDate.of(2025, 4, 30), q.to());
    assertEquals("in April 2025", q.when());
    TariffTimeline.Standing s = timeline.standing(q).orElseThrow();
    assertEquals(US_CN, s.direction());
    assertEquals(145.0, s.level().levelPercent());
  }

  @Test
  void aChangeBetweenTwoYearsGivesEachLevelInDateOrderOneADay() {
    Query q = read("How did the tariff on Chinese goods change from 2018 to 2025?").orElseThrow();
    assertEquals(Query.Kind.CHANGE, q.kind());
    assertEquals(LocalDate.of(2018, 12, 31), q.from());
    assertEquals(LocalDate.of(2025, 12, 31), q.to());
    List<Double> levels = timeline.changes(q).stream().map(TariffTimeline.Level::percent).toList();
    assertEquals(List.of(10.0, 25.0, 145.0, 30.0, 47.0), levels);
  }

  @Test
  void aChangeAfterAnEventTheTitlesNameStartsTheDayBeforeIt() {
    Query q =
        read("How did US tariffs on Chinese goods change after the Geneva talks?").orElseThrow();
    assertEquals(LocalDate.of(2025, 5, 11), q.from());
    List<TariffTimeline.Level> levels = timeline.changes(q);
    assertEquals(
        List.of(145.0, 30.0, 47.0), levels.stream().map(TariffTimeline.Level::percent).toList());
    assertEquals(145.0, levels.get(1).event().fromPercent());
  }

  @Test
  void anAmountOfGoodsAsksForTheLevelOfThatTrancheFromTheSentencesThatNameIt() {
    Query q = read("What is the tariff on $200 billion of Chinese goods?").orElseThrow();
    assertEquals(2.0e11, q.amount());
    assertEquals(List.of(), q.goods());
    TariffTimeline.Standing s = timeline.standing(q).orElseThrow();
    assertEquals(US_CN, s.direction());
    assertEquals(25.0, s.level().levelPercent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Why did China raise tariffs on US goods?",
        "What tariff did China impose on US goods in response?",
        "What is Mexico's tariff on US corn?",
        "Who raised tariffs on Chinese goods?"
      })
  void questionsThatAreNotAboutALevelTheTimelineHoldsAreNotRead(String question) {
    Optional<Query> q = read(question);
    assertTrue(q.isEmpty() || timeline.standing(q.get()).isEmpty(), question + " read as " + q);
  }

  @Test
  void aWordThatNarrowsTheTariffLeavesNoLevelWhereNoSentenceHoldsIt() {
    Query q = read("What is the US tariff on Chinese steel now?").orElseThrow();
    assertEquals(List.of("steel"), q.goods());
    assertTrue(timeline.standing(q).isEmpty());
  }
}
