package tradebot.knowledge.internal;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * The matches of a figure pattern that opens with a written number, in order, as {@link
 * Matcher#find} gives them, tried only where {@link FigureCues} says a number may start (which no
 * match can miss), not at every position of the text: the same matches, found faster. Not
 * thread-safe: one per search.
 */
public final class NumberMatches {
  private final Matcher m;
  private final int[] starts; // null: try everywhere
  private final int end;
  private int next;
  private int after;

  /**
   * The matches of {@code m}, a matcher of a pattern that opens with a written number whose region
   * is {@code [cues.numberFrom(), end)} with transparent bounds.
   */
  public NumberMatches(Matcher m, int end, FigureCues cues) {
    this.m = m;
    this.starts = cues.numberStarts();
    this.end = end;
    this.after = cues.numberFrom();
  }

  /** Finds the next match, as {@link Matcher#find} would; {@link #matcher} then holds it. */
  public boolean find() {
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
  public Matcher matcher() {
    return m;
  }

  /**
   * The first half of a range in {@code text[from, to)}, ending at {@code to}, as find() gives it,
   * or null; {@code m} is the range pattern's matcher over that region with transparent bounds, a
   * pattern that opens with a written number or with {@code between} (which it reads even inside a
   * word, in any case). Tried only where it can start.
   */
  public static Matcher rangeStart(
      Matcher m, String between, String text, int from, int to, FigureCues cues) {
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
    for (int p = from; p + between.length() <= to; p++) {
      if (text.regionMatches(true, p, between, 0, between.length())) {
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
}
