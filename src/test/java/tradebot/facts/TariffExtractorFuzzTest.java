package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import tradebot.knowledge.Source;

/**
 * Any sentences, read one after the other as an article's (so that each may continue the event
 * before it), give events that quote their sentence verbatim with a sane rate, and nothing escapes.
 */
class TariffExtractorFuzzTest {
  private static final TariffExtractor EXTRACTOR =
      new TariffExtractor(TariffFixtures.VOCABULARY, TariffFixtures.CUES);
  private static final Source SOURCE =
      TariffFixtures.source("fuzz", "Fuzz Wire", LocalDate.of(2019, 5, 10));

  @FuzzTest(maxDuration = "10s")
  void eventsQuoteTheirSentenceWithASaneRate(byte[] bytes) {
    String[] sentences = new String(bytes, StandardCharsets.UTF_8).split("\n");
    TariffEvent previous = null;
    for (int i = 0; i < sentences.length; i++) {
      for (TariffEvent e : EXTRACTOR.extract(SOURCE, sentences[i], i, previous)) {
        assertEquals(sentences[i], e.quote());
        assertEquals(i, e.sentence());
        for (Double rate : new Double[] {e.ratePercent(), e.rateLowPercent(), e.totalPercent()}) {
          assertTrue(rate == null || Double.isFinite(rate) && rate >= 0, "rate " + rate + " " + e);
        }
        previous = e;
      }
    }
  }
}
