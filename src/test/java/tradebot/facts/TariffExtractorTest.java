package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradebot.facts.TariffTimeline.Status;
import tradebot.knowledge.Source;

/** One test per sentence pattern: who on whom, rate, status, coverage and effective date. */
class TariffExtractorTest {
  private final TariffExtractor extractor =
      new TariffExtractor(TariffFixtures.VOCABULARY, TariffFixtures.CUES);

  private List<TariffEvent> events(String sentence, String published) {
    Source src = TariffFixtures.source("a", "Wire", LocalDate.parse(published));
    return extractor.extract(src, sentence, 0, null);
  }

  private TariffEvent one(String sentence, String published) {
    List<TariffEvent> all = events(sentence, published);
    assertEquals(1, all.size(), () -> "events of: " + sentence + " -> " + all);
    return all.getFirst();
  }

  private static void assertEvent(
      TariffEvent e,
      String imposer,
      String target,
      Status status,
      Double rate,
      String coverage,
      String effective) {
    assertEquals(imposer, e.imposer(), "imposer");
    assertEquals(target, e.target(), "target");
    assertEquals(status, e.status(), "status");
    assertEquals(rate, e.ratePercent(), "rate");
    assertEquals(coverage, e.coverage(), "coverage");
    assertEquals(effective == null ? null : LocalDate.parse(effective), e.effective(), "effective");
  }

  @Test
  void threatToImposeOnAnAmountOfChineseGoodsIsAUsThreatWithoutRate() {
    TariffEvent e =
        one(
            "No time or place for further discussions was announced, with Trump’s threat to impose tariffs on as much"
                + " as $150 billion in Chinese goods still looming.",
            "2018-05-04");
    assertEvent(
        e, "US", "CN", Status.THREATENED, null, "as much as $150 billion in Chinese goods", null);
  }

  @Test
  void announcedLeviesOfUpToTenPercentEffectiveMondayResolveToTheNextMonday() {
    TariffEvent e =
        one(
            "Chinese officials canceled the planned negotiations after Trump announced he would impose new levies of"
                + " up to 10 percent on another $200 billion in Chinese imports, effective Monday.",
            "2018-09-21");
    assertEvent(
        e,
        "US",
        "CN",
        Status.ANNOUNCED,
        10.0,
        "another $200 billion in Chinese imports",
        "2018-09-24");
    assertEquals("up to 10 percent", e.rateText());
  }

  @Test
  void beijingSlappingDutiesOnAmericanProductsIsChinaOnTheUs() {
    TariffEvent e =
        one(
            "Beijing vowed to immediately strike back, slapping duties of up to 10 percent on an additional $60"
                + " billion in American products.",
            "2018-09-21");
    assertEvent(
        e,
        "CN",
        "US",
        Status.ANNOUNCED,
        10.0,
        "an additional $60 billion in American products",
        null);
  }

  @Test
  void tariffsIncreasedAtMidnightAreInEffectFromTheArticlesDate() {
    TariffEvent e =
        one(
            "Without a compromise, tariffs increased on $200 billion worth of Chinese exports at midnight.",
            "2019-05-10");
    assertEvent(
        e,
        "US",
        "CN",
        Status.IN_EFFECT,
        null,
        "$200 billion worth of Chinese exports",
        "2019-05-10");
  }

  @Test
  void aPlanForTheRemainingImportsFromChinaIsAnnounced() {
    TariffEvent e =
        one(
            "On Friday evening, US officials said they had begun the process of adding tariffs on “essentially all"
                + " remaining imports from China” – another $300 billion in goods that would include consumer items.",
            "2019-05-10");
    assertEvent(e, "US", "CN", Status.ANNOUNCED, null, "another $300 billion in goods", null);
  }

  @Test
  void oneSentenceWithTwoTariffWordsGivesTwoDirectionsAndTheSameLevelIsCarriedOver() {
    List<TariffEvent> all =
        events(
            "On Friday, Beijing hiked tariffs on all US goods to 125%, mirroring a move by the White House that"
                + " pushed duties on Chinese imports to the same level, on top of an existing 20% tax.",
            "2025-04-11");
    assertEquals(2, all.size(), all::toString);
    assertEvent(all.get(0), "CN", "US", Status.IN_EFFECT, 125.0, "all US goods", "2025-04-11");
    TariffEvent us = all.get(1);
    assertEvent(us, "US", "CN", Status.IN_EFFECT, 125.0, "Chinese imports", null);
    assertEquals("the same level", us.rateText());
    assertEquals(20.0, us.basePercent());
    assertEquals("on top of an existing 20%", us.stackText());
    assertEquals(145.0, us.combinedPercent());
    assertTrue(us.combinedComputed());
  }

  @Test
  void raisedToFromGivesTheNewRateAndThePriorLevel() {
    TariffEvent e =
        one(
            "Washington raised duties on $250 billion of Chinese goods to 25% from 10%.",
            "2019-05-13");
    assertEvent(e, "US", "CN", Status.IN_EFFECT, 25.0, "$250 billion of Chinese goods", null);
    assertEquals(10.0, e.fromPercent());
  }

  @Test
  void aQualifiedPriorLevelIsStillTheLevelItChangedFrom() {
    TariffEvent e =
        one(
            "Washington said the cut lowers the overall tariff on Chinese imports to roughly 40%"
                + " from nearly 55%.",
            "2026-01-05");
    assertEquals(40.0, e.ratePercent());
    assertEquals("roughly 40%", e.rateText());
    assertEquals(55.0, e.fromPercent());
  }

  @Test
  void aClauseAfterASemicolonIsNotTheTariffsImposer() {
    TariffEvent e =
        one(
            "4 Mar: US fentanyl tariff doubles to 20%; China hits US farm goods with 10-15%",
            "2025-04-08");
    assertEvent(e, "US", "CN", Status.IN_EFFECT, 20.0, null, "2025-03-04");
  }

  @Test
  void willImposeStartingAMonthDayIsAnnouncedForThatDate() {
    TariffEvent e = one("China will impose 15% tariffs on US crude starting June 1.", "2019-05-13");
    assertEvent(e, "CN", "US", Status.ANNOUNCED, 15.0, "US crude", "2019-06-01");
  }

  @Test
  void aThirdCountryIsNamedByItsIsoCode() {
    TariffEvent e = one("Mexico imposes 30% levy on Chinese steel.", "2024-08-16");
    assertEvent(e, "MX", "CN", Status.IN_EFFECT, 30.0, "Chinese steel", null);
  }

  @Test
  void aSentenceWithoutTariffWordSuspendsThePlannedIncreaseOfTheStoryBeforeIt() {
    Source src = TariffFixtures.source("a", "Wire", LocalDate.parse("2019-10-11"));
    TariffEvent planned =
        one(
            "The US will raise tariffs on $250 billion of Chinese goods to 30% from 25% on Oct. 15.",
            "2019-10-11");
    assertEvent(
        planned, "US", "CN", Status.ANNOUNCED, 30.0, "$250 billion of Chinese goods", "2019-10-15");
    List<TariffEvent> all =
        extractor.extract(src, "The US suspended the planned increase.", 1, planned);
    assertEquals(1, all.size());
    assertEvent(all.getFirst(), "US", "CN", Status.SUSPENDED, null, "the planned increase", null);
    assertTrue(extractor.extract(src, "The US suspended the talks.", 1, planned).isEmpty());
    assertTrue(extractor.extract(src, "The US suspended the planned increase.", 1, null).isEmpty());
  }

  @Test
  void aRangeIsWrittenOutAndGivesItsUpperBound() {
    TariffEvent e =
        one(
            "Beijing will levy tariffs of 5 per cent to 25 per cent on 5,140 US products from September 1.",
            "2019-08-23");
    assertEvent(e, "CN", "US", Status.ANNOUNCED, 25.0, "5,140 US products", "2019-09-01");
    assertEquals(5.0, e.rateLowPercent());
    assertEquals("5 per cent to 25 per cent", e.rateText());
  }

  @Test
  void rangingFromIsARangeNotAChange() {
    TariffEvent e =
        one(
            "China announced duties ranging from 5% to 10% on $60 billion of American goods.",
            "2018-08-03");
    assertEvent(e, "CN", "US", Status.ANNOUNCED, 10.0, "$60 billion of American goods", null);
    assertEquals(5.0, e.rateLowPercent());
    assertNull(e.fromPercent());
  }

  @Test
  void stackingOnExistingTariffsWithoutAFigureIsMarkedForTheTimeline() {
    TariffEvent e =
        one(
            "Trump imposed an additional 50% tariff on Chinese imports on top of existing duties.",
            "2025-04-09");
    assertEvent(e, "US", "CN", Status.IN_EFFECT, 50.0, "Chinese imports", null);
    assertTrue(e.stacksOnExisting());
    assertNull(e.combinedPercent());
  }

  @Test
  void aStatedTotalIsNotComputed() {
    TariffEvent e =
        one("The new 50% duty brings the total tariff on Chinese goods to 104%.", "2025-04-09");
    assertEquals(50.0, e.ratePercent());
    assertEquals(104.0, e.combinedPercent());
    assertFalse(e.combinedComputed());
  }

  @Test
  void cutToFromOnAWeekdayIsReducedOnThatDay() {
    TariffEvent e =
        one("The US cut tariffs on Chinese goods to 30% from 145% on Wednesday.", "2025-05-14");
    assertEvent(e, "US", "CN", Status.REDUCED, 30.0, "Chinese goods", "2025-05-14");
    assertEquals(145.0, e.fromPercent());
  }

  @Test
  void suspendingARateIsSuspended() {
    TariffEvent e =
        one("China suspended its 24% additional tariff on US goods for 90 days.", "2025-05-12");
    assertEvent(e, "CN", "US", Status.SUSPENDED, 24.0, "US goods", null);
  }

  @Test
  void aConditionalMakesAThreat() {
    TariffEvent e =
        one(
            "Trump said he would impose tariffs of 50% on Chinese goods if Beijing does not withdraw its retaliation.",
            "2025-04-07");
    assertEvent(e, "US", "CN", Status.THREATENED, 50.0, "Chinese goods", null);
  }

  @Test
  void imposedByNamesTheImposerAfterTheTariffWord() {
    TariffEvent e =
        one(
            "Tariffs of 25% imposed by Washington on Chinese cars took effect on Monday.",
            "2024-05-15");
    assertEvent(e, "US", "CN", Status.IN_EFFECT, 25.0, "Chinese cars", "2024-05-13");
  }

  @Test
  void europeanUnionDutiesFromAFutureDateAreAnnounced() {
    TariffEvent e =
        one(
            "The European Union will impose duties of up to 38% on Chinese electric vehicles from July 4.",
            "2024-06-12");
    assertEvent(e, "EU", "CN", Status.ANNOUNCED, 38.0, "Chinese electric vehicles", "2024-07-04");
  }

  @Test
  void twoRatesEachWithItsOwnGoodsGiveTwoEvents() {
    List<TariffEvent> all =
        events(
            "The US imposed tariffs of 25% on $50 billion of Chinese goods and 10% on $200 billion of Chinese goods.",
            "2018-09-25");
    assertEquals(2, all.size(), all::toString);
    assertEvent(
        all.get(0), "US", "CN", Status.IN_EFFECT, 25.0, "$50 billion of Chinese goods", null);
    assertEvent(
        all.get(1), "US", "CN", Status.IN_EFFECT, 10.0, "$200 billion of Chinese goods", null);
  }

  @Test
  void retaliationInEffectFromALaterDateIsStillAPlan() {
    TariffEvent e =
        one(
            "China retaliated with tariffs of 10% on $60 billion of US goods, effective Sept. 24.",
            "2018-09-18");
    assertEvent(e, "CN", "US", Status.ANNOUNCED, 10.0, "$60 billion of US goods", "2018-09-24");
  }

  @Test
  void goodsWorthAnAmountAreCoverage() {
    TariffEvent e =
        one("Trump slapped duties on Chinese imports worth $34 billion on July 6.", "2018-07-09");
    assertEvent(
        e, "US", "CN", Status.IN_EFFECT, null, "Chinese imports worth $34 billion", "2018-07-06");
  }

  @Test
  void speculationMarketMovesAndOtherFiguresGiveNoEvent() {
    assertTrue(
        events(
                "One option — according to Wu Xinbo, director at Fudan University’s Center for American Studies in"
                    + " Shanghai — would be for Trump to open talks on fentanyl and reward any progress by removing the"
                    + " 20% tariffs tied to the US complaint.",
                "2025-04-11")
            .isEmpty());
    assertTrue(
        events(
                "Asian stocks closed higher, with the Shanghai Composite Index finishing up 3.1%.",
                "2019-05-10")
            .isEmpty());
    assertTrue(
        events(
                "Trump wants China to cut its annual trade surplus with the U.S. by at least $200 billion by the end of"
                    + " 2020 and not retaliate for U.S. tariffs.",
                "2018-05-04")
            .isEmpty());
    assertTrue(
        events("The duties can be imposed after a public comment period ends May 22.", "2018-05-04")
            .isEmpty());
    assertTrue(
        events(
                "So far, Trump’s answered every retaliation with more tariffs that could put their $690 billion in trade on the line.",
                "2025-04-11")
            .isEmpty());
  }

  @Test
  void aGlobalTariffWithoutANamedTargetIsNotPutOnTheDefaultCounterpart() {
    assertTrue(
        events("The US imposed a 10% tariff on all imports from every country.", "2025-04-05")
            .isEmpty());
  }

  @Test
  void aDateAfterASpeechVerbIsNotTheEffectiveDate() {
    TariffEvent e =
        one(
            "Beijing said Thursday it will raise tariffs on US goods to 84% starting April 10.",
            "2025-04-09");
    assertEvent(e, "CN", "US", Status.ANNOUNCED, 84.0, "US goods", "2025-04-10");
  }

  @Test
  void aChineseBodyImposingOnGoodsOriginatingFromTheUnitedStatesIsChinaOnTheUs() {
    TariffEvent e =
        one(
            "The Customs Tariff Commission of the State Council announced on Friday that it will impose"
                + " additional tariffs of 34 percent on all imported goods originating from the United States"
                + " starting April 10.",
            "2025-04-04");
    assertEvent(
        e,
        "CN",
        "US",
        Status.ANNOUNCED,
        34.0,
        "all imported goods originating from the United States",
        "2025-04-10");
  }

  @Test
  void aRateThatWillNowBeAnotherTakesTheNewOne() {
    TariffEvent e =
        one(
            "The planned 10 percent tariff on the remaining $300 billion of Chinese goods will now be 15"
                + " percent, he said.",
            "2019-08-24");
    assertEvent(
        e, "US", "CN", Status.ANNOUNCED, 15.0, "the remaining $300 billion of Chinese goods", null);
  }

  @Test
  void aThreatToRaiseFromToOnAWeekdayKeepsBothRates() {
    TariffEvent e =
        one(
            "Donald Trump threatened on Sunday to raise tariffs on $200bn of Chinese goods from 10 per cent"
                + " to 25 per cent on Friday, upending hopes of a deal.",
            "2019-05-06");
    assertEvent(e, "US", "CN", Status.THREATENED, 25.0, "$200bn of Chinese goods", "2019-05-10");
    assertEquals(10.0, e.fromPercent());
  }

  @Test
  void aCalendarDateBesideAWeekdayWins() {
    TariffEvent e =
        one(
            "China's retaliatory duties of up to 25% on $60 billion of US goods took effect on Saturday,"
                + " June 1.",
            "2019-06-03");
    assertEvent(e, "CN", "US", Status.IN_EFFECT, 25.0, "$60 billion of US goods", "2019-06-01");
  }

  @Test
  void aSurtaxIsATariffAndCanadaIsNamed() {
    TariffEvent e =
        one(
            "Canada said it would impose a 100% surtax on Chinese-made electric vehicles.",
            "2024-08-26");
    assertEvent(e, "CA", "CN", Status.ANNOUNCED, 100.0, "Chinese-made electric vehicles", null);
  }

  @Test
  void anOnPhraseThatNamesNoGoodsIsNoCoverage() {
    TariffEvent e =
        one(
            "Trump said the tariffs could be raised to more than 25% if Beijing does not move faster on a"
                + " deal.",
            "2019-08-01");
    assertEvent(e, "US", "CN", Status.THREATENED, 25.0, null, null);
    assertEquals("more than 25%", e.rateText());
  }

  @Test
  void aClauseWithoutCueTakesTheVerbOfItsSentence() {
    List<TariffEvent> all =
        events(
            "US President Joe Biden has announced a sharp increase in tariffs on a range of Chinese"
                + " imports, including a quadrupling of duties on electric vehicles to 100%.",
            "2024-05-14");
    assertEquals(1, all.size(), all::toString);
    assertEvent(all.getFirst(), "US", "CN", Status.ANNOUNCED, 100.0, "electric vehicles", null);
  }

  @Test
  void aTariffAfterOnTopOfIsTheBaseNotASecondEvent() {
    TariffEvent e =
        one(
            "President Donald Trump said Friday that the U.S. will impose an additional 100% tariff on"
                + " imports from China starting Nov. 1, on top of any tariff they are currently paying.",
            "2025-10-10");
    assertEvent(e, "US", "CN", Status.ANNOUNCED, 100.0, "imports from China", "2025-11-01");
    assertTrue(e.stacksOnExisting());
  }

  @Test
  void aSuspensionOfAScheduledIncreaseIsDatedByItsArticleNotTheSchedule() {
    TariffEvent e =
        one(
            "President Trump said the U.S. would suspend a tariff increase on $250 billion of Chinese goods"
                + " that was scheduled to take effect on Tuesday.",
            "2019-10-12");
    assertEvent(e, "US", "CN", Status.SUSPENDED, null, "$250 billion of Chinese goods", null);
  }

  @Test
  void theVerbBeforeTheTariffWordGovernsAndAModalBeforeAFallIsAPlannedCut() {
    List<TariffEvent> all =
        events(
            "The United States will cut the extra tariffs it imposed on Chinese imports in April to 30%"
                + " from 145%, while Chinese duties on U.S. imports will fall to 10% from 125%, the two"
                + " countries said on Monday.",
            "2025-05-12");
    assertEquals(2, all.size(), all::toString);
    assertEvent(all.get(0), "US", "CN", Status.REDUCED, 30.0, "Chinese imports", null);
    assertEquals(145.0, all.get(0).fromPercent());
    assertEvent(all.get(1), "CN", "US", Status.REDUCED, 10.0, "U.S. imports", null);
  }

  @Test
  void aHyphenatedNonTariffIsNoTariffWord() {
    assertTrue(
        events(
                "Beijing also agreed to suspend the non-tariff countermeasures it had imposed since"
                    + " April 2, worth $50 billion of US goods.",
                "2025-05-12")
            .isEmpty());
  }

  @Test
  void halvingToARateIsACut() {
    TariffEvent e =
        one(
            "Under the deal, the US will halve the 15% tariffs it imposed on $120bn of Chinese goods in"
                + " September to 7.5%.",
            "2020-01-15");
    assertEvent(e, "US", "CN", Status.REDUCED, 7.5, "$120bn of Chinese goods", null);
  }

  @Test
  void aRateWithNoCountryNamedGivesNoEventRatherThanFailing() {
    // Found by TariffExtractorFuzzTest: neither side named made the default lookup throw.
    assertEquals(List.of(), events("Tariffs rose to 25% from 10% on Friday.", "2019-05-10"));
  }
}
