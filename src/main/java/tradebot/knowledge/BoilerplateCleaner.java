package tradebot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells article prose from page furniture (video carousels, photo captions, share prompts), line by
 * line. Thread-safe.
 *
 * <p>PLACEHOLDER: keeps every non-blank line; the rule-driven cleaner replaces it.
 */
public final class BoilerplateCleaner {

  /** Reads the rules from {@code file} ({@code config/boilerplate.yaml}). */
  public static BoilerplateCleaner fromFile(java.nio.file.Path file) {
    return new BoilerplateCleaner();
  }

  /** One verdict per line of {@code body}, in order. */
  public List<LineVerdict> classify(String body) {
    List<LineVerdict> out = new ArrayList<>();
    int start = 0;
    int number = 1;
    while (start <= body.length()) {
      int nl = body.indexOf('\n', start);
      int end = nl < 0 ? body.length() : nl;
      String line = body.substring(start, end);
      boolean blank = line.isBlank();
      out.add(new LineVerdict(number++, start, end, !blank, blank ? "blank" : "prose"));
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out;
  }
}
