package tradebot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * An article body cut into lines, each with the normalized text the rules see (trimmed, every run
 * of white space one space) and its word count. Immutable.
 */
final class BodyLines {
  private final int[] starts;
  private final int[] ends;
  private final String[] texts;
  private final int[] words;

  private BodyLines(int[] starts, int[] ends, String[] texts, int[] words) {
    this.starts = starts;
    this.ends = ends;
    this.texts = texts;
    this.words = words;
  }

  static BodyLines of(String body) {
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    while (true) {
      int nl = body.indexOf('\n', start);
      int end = nl < 0 ? body.length() : nl;
      spans.add(new int[] {start, end});
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    int n = spans.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    String[] texts = new String[n];
    int[] words = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = spans.get(i)[0];
      ends[i] = spans.get(i)[1];
      texts[i] = normalize(body, starts[i], ends[i]);
      words[i] = countWords(texts[i]);
    }
    return new BodyLines(starts, ends, texts, words);
  }

  int size() {
    return texts.length;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  /** The line as the rules see it; empty for a blank line. */
  String text(int i) {
    return texts[i];
  }

  int words(int i) {
    return words[i];
  }

  boolean blank(int i) {
    return texts[i].isEmpty();
  }

  /**
   * Trims and turns each run of white space (no-break and zero-width spaces too) into one space.
   */
  static String normalize(CharSequence s, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    boolean pendingSpace = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200B'
        || c == '\u2060'
        || c == '\uFEFF';
  }

  private static int countWords(String normalized) {
    if (normalized.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < normalized.length(); i++) {
      if (normalized.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
