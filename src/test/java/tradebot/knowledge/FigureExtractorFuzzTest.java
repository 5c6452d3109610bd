package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Any text and any region of it give figures inside the region, in order, each the verbatim text at
 * its offsets with a finite value; the same figures as running every pattern over the region.
 */
class FigureExtractorFuzzTest {
  private static final FigureExtractor EXTRACTOR = new FigureExtractor();

  @FuzzTest(maxDuration = "10s")
  void figuresAreVerbatimInsideTheRegionWithFiniteValues(FuzzedDataProvider data) {
    int cutStart = data.consumeInt(0, 8);
    int cutEnd = data.consumeInt(0, 8);
    String text = data.consumeRemainingAsString();
    int start = Math.min(cutStart, text.length());
    int end = Math.max(start, text.length() - cutEnd);
    int previousStart = start;
    List<Figure> figures = EXTRACTOR.extract(text, start, end);
    assertEquals(EXTRACTOR.extractWithEveryPattern(text, start, end), figures);
    for (Figure f : figures) {
      assertTrue(start <= f.start() && f.end() <= end, f + " outside " + start + ".." + end);
      assertTrue(previousStart <= f.start(), "in order: " + f);
      assertEquals(text.substring(f.start(), f.end()), f.text());
      assertTrue(Double.isFinite(f.value()), "finite value: " + f);
      previousStart = f.start();
    }
  }
}
