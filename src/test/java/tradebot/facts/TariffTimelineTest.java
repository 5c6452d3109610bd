package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.facts.TariffTimeline.Direction;
import tradebot.facts.TariffTimeline.Standing;
import tradebot.facts.TariffTimeline.Status;
import tradebot.knowledge.Document;
import tradebot.knowledge.Sentence;

/** Latest level per direction as of a pinned clock, over articles written for each case. */
class TariffTimelineTest {
  private static final Direction US_CN = new Direction("US", "CN");
  private static final Direction CN_US = new Direction("CN", "US");

  @TempDir Path dir;

  private TariffTimeline timeline() {
    return TariffTimeline.build(
        TariffFixtures.load(dir), TariffFixtures.VOCABULARY, TariffFixtures.CUES);
  }

  private static Standing standing(TariffTimeline t, String day, Direction d) {
    return t.latest(TariffFixtures.clockAt(LocalDate.parse(day)), d).orElseThrow();
  }

  @Test
  void latestLevelsOfTheSeedsAreThoseOfApril2025AndEarlierAsOfAnEarlierDay() {
    TariffFixtures.copySeeds(dir);
    TariffTimeline t = timeline();
    Standing us = standing(t, "2025-06-01", US_CN);
    assertEquals(145.0, us.level().levelPercent());
    assertTrue(us.level().combinedComputed());
    assertEquals("Bloomberg", us.level().source().outlet());
    assertEquals(
        "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11",
        t.summary(us));
    assertEquals(LocalDate.of(2025, 4, 11), us.asOf());
    Standing cn = standing(t, "2025-06-01", CN_US);
    assertEquals(125.0, cn.level().levelPercent());
    assertEquals("China on US: 125% as of 2025-04-11", t.summary(cn));
    assertEquals(List.of(US_CN, CN_US), t.directions());

    Standing us2019 = standing(t, "2019-01-01", US_CN);
    assertEquals(10.0, us2019.level().ratePercent());
    assertEquals(Status.ANNOUNCED, us2019.level().status());
    assertEquals(LocalDate.of(2018, 9, 24), us2019.level().effective());
    assertEquals(LocalDate.of(2018, 9, 24), us2019.asOf());
    assertEquals(
        "US on China: 10% (up to 10 percent, announced) as of 2018-09-24", t.summary(us2019));
    assertTrue(t.latest(TariffFixtures.clockAt(LocalDate.parse("2018-06-01")), CN_US).isEmpty());
  }

  @Test
  void aSentencesDutiesAreTheDirectionsReadInItAndAQuestionsSideIsReadTheSameWay() {
    TariffFixtures.article(
        dir,
        "a",
        "Reuters",
        "2025-01-10",
        "China raised tariffs on American soybeans to 25%. The US raised tariffs on Chinese goods"
            + " to 20%.",
        "Talks are due next week.",
        "Officials said the US raised tariffs on Chinese goods to 20%.");
    List<Document> documents = TariffFixtures.load(dir);
    TariffTimeline t =
        TariffTimeline.build(documents, TariffFixtures.VOCABULARY, TariffFixtures.CUES);
    List<Sentence> sentences = documents.getFirst().sentences();
    assertEquals(4, sentences.size());
    assertEquals(Set.of(CN_US), t.directionsAt("a", sentences.get(0).start()));
    assertEquals(Set.of(US_CN), t.directionsAt("a", sentences.get(1).start()));
    assertEquals(Set.of(), t.directionsAt("a", sentences.get(2).start()));
    // the restatement adds no event to the timeline, but its sentence still speaks of US duties
    assertEquals(2, t.events().size());
    assertEquals(Set.of(US_CN), t.directionsAt("a", sentences.get(3).start()));
    assertEquals(Set.of(), t.directionsAt("b", sentences.get(1).start()));

    assertEquals(
        Optional.of(CN_US), t.directionAsked("What tariff does China charge on US goods now?"));
    assertEquals(
        Optional.of(US_CN), t.directionAsked("Why did Washington put duties on Chinese steel?"));
    assertEquals(Optional.empty(), t.directionAsked("Who led the US delegation in Beijing?"));
  }

  @Test
  void aThreatNeverReplacesTheLevelInEffectAndIsShownAsPending() {
    TariffFixtures.article(
        dir, "a", "Reuters", "2025-01-10", "The US raised tariffs on Chinese goods to 20%.");
    TariffFixtures.article(
        dir,
        "b",
        "AP",
        "2025-02-01",
        "Trump threatened to impose tariffs of 60% on Chinese goods.");
    TariffTimeline t = timeline();
    Standing s = standing(t, "2025-03-01", US_CN);
    assertEquals(20.0, s.level().ratePercent());
    assertEquals(1, s.pending().size());
    assertEquals(60.0, s.pending().getFirst().ratePercent());
    assertEquals(Status.THREATENED, s.pending().getFirst().status());
    assertEquals("US on China: 20% as of 2025-01-10", t.summary(s));
    assertEquals(
        "US on China: 60%, threatened 2025-02-01, on Chinese goods",
        t.pendingText(s.pending().getFirst()));
  }

  @Test
  void sourcesOfAboutTheSameDateThatDisagreeAreBothShownWithTheirDates() {
    TariffFixtures.article(
        dir, "a", "Reuters", "2025-04-10", "The US raised tariffs on Chinese goods to 125%.");
    TariffFixtures.article(
        dir,
        "b",
        "Bloomberg",
        "2025-04-11",
        "The White House pushed duties on Chinese imports to 145%.");
    TariffTimeline t = timeline();
    Standing s = standing(t, "2025-04-20", US_CN);
    assertEquals(145.0, s.level().ratePercent());
    assertEquals(1, s.disagreeing().size());
    assertEquals(125.0, s.disagreeing().getFirst().ratePercent());
    assertEquals(
        "US on China: 145% as of 2025-04-11 per Bloomberg; 125% as of 2025-04-10 per Reuters",
        t.summary(s));
  }

  @Test
  void aPriorLevelNamedByTheLatestIsAStepNotADisagreement() {
    TariffFixtures.article(
        dir, "a", "Reuters", "2025-04-09", "The US raised tariffs on Chinese goods to 104%.");
    TariffFixtures.article(
        dir, "b", "CNBC", "2025-04-10", "Trump raised tariffs on Chinese goods to 125% from 104%.");
    Standing s = standing(timeline(), "2025-04-20", US_CN);
    assertEquals(125.0, s.level().ratePercent());
    assertTrue(s.disagreeing().isEmpty());
  }

  @Test
  void aLaterArticleMovesTheLatestLevelsOnceItIsPublished() {
    TariffFixtures.copySeeds(dir);
    TariffFixtures.article(
        dir,
        "2025-05-12-geneva",
        "Reuters",
        "2025-05-12",
        "The US cut tariffs on Chinese goods to 30% from 145%, and China lowered its duties on US goods"
            + " to 10% from 125%.");
    TariffTimeline t = timeline();
    Standing us = standing(t, "2025-06-01", US_CN);
    assertEquals(30.0, us.level().ratePercent());
    assertEquals(Status.REDUCED, us.level().status());
    assertEquals("Reuters", us.level().source().outlet());
    Standing cn = standing(t, "2025-06-01", CN_US);
    assertEquals(10.0, cn.level().ratePercent());
    assertEquals(145.0, standing(t, "2025-05-01", US_CN).level().levelPercent());
  }

  @Test
  void suspendingAPlannedIncreaseFallsBackToTheLevelItWouldHaveRaised() {
    TariffFixtures.article(
        dir,
        "a",
        "CNN",
        "2019-08-23",
        "The US will raise tariffs on $250 billion of Chinese goods to 30% from 25% on Oct. 1.",
        "The US suspended the planned increase.");
    Standing s = standing(timeline(), "2019-09-01", US_CN);
    assertEquals(25.0, s.level().ratePercent());
    assertEquals(Status.IN_EFFECT, s.level().status());
    assertEquals(1, s.cancellations().size());
  }

  @Test
  void suspendingTheLevelInEffectShowsItSuspendedWithWhatItWas() {
    TariffFixtures.article(
        dir, "a", "Xinhua", "2025-04-04", "China imposed a 34% tariff on all US goods.");
    TariffFixtures.article(
        dir,
        "b",
        "Xinhua",
        "2025-05-12",
        "China suspended the 34% tariff on US goods for 90 days.");
    TariffTimeline t = timeline();
    Standing s = standing(t, "2025-05-20", CN_US);
    assertEquals(Status.SUSPENDED, s.level().status());
    assertEquals(34.0, s.replaced().ratePercent());
    assertEquals("China on US: suspended (was 34%) as of 2025-05-12", t.summary(s));
  }

  @Test
  void stackingOnExistingDutiesWithoutAFigureAddsThePriorLevelAndQuotesBoth() {
    TariffFixtures.article(
        dir, "a", "AP", "2025-02-04", "The US imposed a 10% tariff on Chinese goods.");
    TariffFixtures.article(
        dir,
        "b",
        "AP",
        "2025-03-04",
        "The US imposed a further 10% tariff on Chinese goods on top of existing duties.");
    TariffTimeline t = timeline();
    Standing s = standing(t, "2025-03-10", US_CN);
    assertEquals(20.0, s.level().combinedPercent());
    assertTrue(s.level().combinedComputed());
    assertEquals("a", s.level().base().source().id());
    JsonNode latest = json(t, "2025-03-10", null).path("latest").get(0);
    assertEquals(
        "The US imposed a 10% tariff on Chinese goods.", latest.path("base_quote").asText());
  }

  @Test
  void jsonHasTheLatestEntryPerDirectionAndTheHistoryInDateOrder() {
    TariffFixtures.copySeeds(dir);
    TariffTimeline t = timeline();
    JsonNode root = json(t, "2025-06-01", null);
    JsonNode us = root.path("latest").get(0);
    List<String> keys = new ArrayList<>();
    us.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "imposer",
            "target",
            "rate_percent",
            "rate_text",
            "combined_percent",
            "combined_basis",
            "coverage",
            "status",
            "as_of",
            "effective",
            "published",
            "outlet",
            "title",
            "quote"),
        keys);
    assertEquals("US", us.path("imposer").asText());
    assertEquals("CN", us.path("target").asText());
    assertEquals(125, us.path("rate_percent").asInt());
    assertEquals(145, us.path("combined_percent").asInt());
    assertEquals("computed", us.path("combined_basis").asText());
    assertEquals("2025-04-11", us.path("published").asText());
    assertEquals("2025-04-11", us.path("as_of").asText());
    JsonNode history = root.path("history");
    assertEquals(7, history.size());
    String previous = "";
    for (JsonNode h : history) {
      String when =
          h.path("effective").isNull()
              ? h.path("published").asText()
              : h.path("effective").asText();
      assertEquals(when, h.path("as_of").asText(), h::toString);
      assertTrue(when.compareTo(previous) >= 0, "history out of order at " + h);
      previous = when;
    }
    assertEquals("2018-09-24", history.get(2).path("as_of").asText());
    assertEquals("2018-09-21", history.get(2).path("published").asText());
    JsonNode cnOnly = json(t, "2025-06-01", CN_US);
    assertEquals(1, cnOnly.path("latest").size());
    assertEquals(2, cnOnly.path("history").size());
  }

  @Test
  void directionsAreReadFromNamesOrCodes() {
    TariffFixtures.copySeeds(dir);
    TariffTimeline t = timeline();
    assertEquals(US_CN, t.direction("us-china"));
    assertEquals(CN_US, t.direction("China-US"));
    assertEquals(new Direction("MX", "CN"), t.direction("mexico-china"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.direction("mars-us"));
    assertTrue(e.getMessage().contains("mars-us"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.direction("us-us"));
  }

  @Test
  void withoutCuesTheTimelineIsEmpty() {
    TariffFixtures.copySeeds(dir);
    TariffTimeline t =
        TariffTimeline.build(
            TariffFixtures.load(dir), TariffFixtures.VOCABULARY, TariffCues.empty());
    assertEquals(0, t.size());
    assertTrue(t.latest(Clock.systemUTC()).isEmpty());
  }

  @Test
  void anOnlyThreatenedDirectionHasNoLevelButItsPendingThreat() {
    TariffFixtures.article(
        dir,
        "a",
        "AP",
        "2018-05-04",
        "Trump threatened tariffs on as much as $150 billion in Chinese goods.");
    TariffTimeline t = timeline();
    Standing s = standing(t, "2018-06-01", US_CN);
    assertNull(s.level());
    assertEquals(1, s.pending().size());
    assertSame(Status.THREATENED, s.pending().getFirst().status());
    assertNull(s.asOf());
    assertEquals("US on China: no level in effect known, 1 pending", t.summary(s));
    assertEquals(
        "US on China: rate not stated, threatened 2018-05-04, on as much as $150 billion in Chinese"
            + " goods",
        t.pendingText(s.pending().getFirst()));
  }

  private static JsonNode json(TariffTimeline t, String day, Direction d) {
    try {
      return new ObjectMapper().readTree(t.json(TariffFixtures.clockAt(LocalDate.parse(day)), d));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSuspendedScheduledIncreaseFallsBackEvenWhenItsDateHadBeenReached() {
    TariffFixtures.article(
        dir,
        "a",
        "NYT",
        "2019-08-24",
        "Mr. Trump said the United States would raise the tariff on $250 billion of Chinese goods to 30"
            + " percent from 25 percent, starting Oct. 1.");
    TariffFixtures.article(
        dir,
        "b",
        "WSJ",
        "2019-10-12",
        "President Trump said the U.S. would suspend a tariff increase on $250 billion of Chinese goods"
            + " that was scheduled to take effect on Tuesday.");
    TariffTimeline t = timeline();
    assertEquals(30.0, standing(t, "2019-10-05", US_CN).level().ratePercent());
    Standing s = standing(t, "2019-10-20", US_CN);
    assertEquals(25.0, s.level().ratePercent());
    assertEquals("WSJ", s.cancellations().getFirst().source().outlet());
  }

  @Test
  void anEventsCoveredAmountIsTheMoneyFigureIngestionFoundInItsCoverageHoweverItIsWritten() {
    TariffFixtures.article(
        dir,
        "a",
        "NYT",
        "2019-08-24",
        "Mr. Trump said the United States would raise the tariff on $250 billion of Chinese goods to 30"
            + " percent from 25 percent, starting Oct. 1.");
    TariffFixtures.article(
        dir,
        "b",
        "FT",
        "2019-10-12",
        "The US will suspend the tariff increase on $250bn of Chinese goods, the president said.");
    List<TariffEvent> events = timeline().events();
    assertEquals(2, events.size(), events.toString());
    for (TariffEvent e : events) {
      assertEquals(Optional.of(250e9), e.coveredAmount(), e.coverage());
    }
  }

  @Test
  void anAdditionalRateOnTopOfWhatIsPaidIsPendingUntilItsDayThenStacksOnTheLatestLevel() {
    TariffFixtures.guardian125ThenCnbcAnother100FromNovember1(dir);
    TariffTimeline t = timeline();
    Standing before = standing(t, "2025-10-20", US_CN);
    assertEquals(125.0, before.level().levelPercent());
    assertEquals("US on China: 125% as of 2025-04-09", t.summary(before));
    assertEquals(1, before.pending().size());
    TariffEvent planned = before.pending().getFirst();
    assertEquals(Status.ANNOUNCED, planned.status());
    assertEquals(
        "US on China: 225% (100% on top of the earlier 125% from Guardian 2025-04-09, computed),"
            + " announced 2025-10-10, effective 2025-11-01, on imports from China",
        t.pendingText(planned));
    JsonNode root = json(t, "2025-10-20", US_CN);
    assertEquals(125, root.path("latest").get(0).path("rate_percent").asInt());
    assertEquals("2025-04-09", root.path("latest").get(0).path("as_of").asText());
    assertEquals(225, root.path("pending").get(0).path("combined_percent").asInt());
    assertEquals("2025-11-01", root.path("pending").get(0).path("as_of").asText());

    Standing after = standing(t, "2025-11-05", US_CN);
    assertEquals(225.0, after.level().combinedPercent());
    assertEquals(
        "US on China: 225% (100% on top of the earlier 125% from Guardian 2025-04-09, computed,"
            + " announced) as of 2025-11-01",
        t.summary(after));
    assertTrue(after.pending().isEmpty());
  }
}
