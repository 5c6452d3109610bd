package tradebot.knowledge;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a figure pattern that opens with a written number, in order, as {@link
 * Matcher#find} gives them, tried only where {@link FigureCues} says a number may start (which no
 * match can miss), not at every position of the text. Not thread-safe: one per search.
 */
final class NumberMatches {
  private final Matcher m;
  private final int[] starts; // null: try everywhere
  private final int end;
  private int next;
  private int after;

  NumberMatches(Pattern pattern, String text, int end, FigureCues cues) {
    this.m = FigureGrammar.matcher(pattern, text, cues.numberFrom(), end);
    this.starts = cues.numberStarts();
    this.end = end;
    this.after = cues.numberFrom();
  }

  /** Finds the next match, as {@link Matcher#find} would; {@link #matcher} then holds it. */
  boolean find() {
    if (starts == null) {
      return m.find();
    }
    while (next < starts.length) {
      int at = starts[next++];
      if (at >= after) {
        m.region(at, end); // transparent bounds stay: the look-behind sees what is before
        if (m.lookingAt()) {
          after = m.end();
          return true;
        }
      }
    }
    return false;
  }

  /** The matcher holding the last match found. */
  Matcher matcher() {
    return m;
  }

  /**
   * The first half of a range in {@code text[from, to)}, ending at {@code to}, as find() gives it,
   * or null; tried only where it can start: at a written number, or at "between" (which the pattern
   * reads even inside a word).
   */
  static Matcher rangeStart(String text, int from, int to, FigureCues cues) {
    Matcher m = FigureGrammar.matcher(FigureGrammar.RANGE_START, text, from, to);
    int[] numbers = cues.numberStarts();
    if (numbers == null) {
      return m.find() ? m : null;
    }
    int[] at = new int[2 * (to - from) + 1];
    int n = 0;
    for (int k = Math.max(0, -Arrays.binarySearch(numbers, from) - 1); k < numbers.length; k++) {
      if (numbers[k] >= from && numbers[k] < to) {
        at[n++] = numbers[k];
      } else if (numbers[k] >= to) {
        break;
      }
    }
    for (int p = from; p + BETWEEN.length() <= to; p++) {
      if (text.regionMatches(true, p, BETWEEN, 0, BETWEEN.length())) {
        at[n++] = p;
      }
    }
    Arrays.sort(at, 0, n);
    for (int i = 0; i < n; i++) {
      m.region(at[i], to); // transparent bounds stay; "$" is the region's end
      if (m.lookingAt()) {
        return m;
      }
    }
    return null;
  }

  private static final String BETWEEN = "between";
}
