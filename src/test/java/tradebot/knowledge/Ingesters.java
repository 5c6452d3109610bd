package tradebot.knowledge;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Ingesters for tests: the real splitter and extractor behind a cleaner that keeps every line. */
final class Ingesters {
  private Ingesters() {}

  /**
   * The cleaner is replaced so that these tests hold whatever the boilerplate rules say: every
   * non-blank line is prose.
   */
  static Ingester keepingEveryLine() {
    BoilerplateCleaner cleaner = mock(BoilerplateCleaner.class);
    when(cleaner.classify(anyString())).thenAnswer(call -> everyLine(call.getArgument(0)));
    when(cleaner.classify(anyString(), anyString()))
        .thenAnswer(call -> everyLine(call.getArgument(0)));
    return new Ingester(
        cleaner,
        SentenceSplitter.fromFile(Path.of("config/abbreviations.txt")),
        new FigureExtractor());
  }

  static List<LineVerdict> everyLine(String body) {
    List<LineVerdict> out = new ArrayList<>();
    int start = 0;
    for (int number = 1; ; number++) {
      int nl = body.indexOf('\n', start);
      int end = nl < 0 ? body.length() : nl;
      boolean blank = body.substring(start, end).isBlank();
      out.add(new LineVerdict(number, start, end, !blank, blank ? "blank" : "prose"));
      if (nl < 0) {
        return out;
      }
      start = nl + 1;
    }
  }
}
