package tradebot.chat.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits text into Discord's length limits without cutting words: trims at the last space that fits
 * and marks the cut with an ellipsis, or splits into chunks at spaces. Lengths are in UTF-16 units,
 * as Discord and JDA count them. Only a single word longer than the limit is ever cut inside.
 * Thread-safe (stateless).
 *
 * <p>Hand-written on purpose: JDA's {@code SplitUtil} splits at whitespace too, but it has no trim
 * with an ellipsis (what {@link #words} and {@link #lines} do), it throws when a chunk holds no
 * whitespace unless told to cut anywhere, and cutting anywhere may split a surrogate pair, which
 * Discord then shows as two broken characters. The limits themselves are JDA's ({@code
 * DiscordRenderer}).
 */
final class Fit {
  static final String ELLIPSIS = "…";

  private Fit() {}

  /**
   * {@code s} when it has at most {@code max} characters, else a prefix ending at a word and "…".
   */
  static String words(String s, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative: " + max);
    }
    if (s.length() <= max) {
      return s;
    }
    if (max <= ELLIPSIS.length()) {
      return ELLIPSIS.substring(0, max);
    }
    int cut = wordCut(s, max - ELLIPSIS.length());
    return s.substring(0, cut).stripTrailing() + ELLIPSIS;
  }

  /** {@code s} in chunks of at most {@code max} characters, each ending at a word boundary. */
  static List<String> split(String s, int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    List<String> chunks = new ArrayList<>();
    String rest = s.strip();
    while (rest.length() > max) {
      int cut = wordCut(rest, max);
      chunks.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty() || chunks.isEmpty()) {
      chunks.add(rest);
    }
    return chunks;
  }

  /**
   * Lines joined by newlines within {@code max} characters; lines that do not fit are dropped and
   * counted in a last line "… and N more" (or "… N more" when even that is too long).
   */
  static String lines(List<String> lines, int max) {
    String all = String.join("\n", lines);
    if (all.length() <= max) {
      return all;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String sep = sb.isEmpty() ? "" : "\n";
      // Keep room for the count of the lines after this one.
      String tail = "\n" + more(lines.size() - i - 1);
      if (sb.length() + sep.length() + lines.get(i).length() + tail.length() > max) {
        String more = more(lines.size() - i);
        if (sb.length() + sep.length() + more.length() <= max) {
          sb.append(sep).append(more);
        } else if (sb.isEmpty()) {
          return words(lines.get(i), max);
        }
        break;
      }
      sb.append(sep).append(lines.get(i));
    }
    return sb.toString();
  }

  private static String more(int n) {
    return ELLIPSIS + " and " + n + " more";
  }

  /** The end of the longest prefix of at most {@code max} characters that ends at a word. */
  private static int wordCut(String s, int max) {
    if (Character.isWhitespace(s.charAt(max))) {
      return max;
    }
    for (int i = max; i > 0; i--) {
      if (Character.isWhitespace(s.charAt(i - 1))) {
        return i - 1;
      }
    }
    // One word longer than the limit: cut it, but never between the halves of a surrogate pair.
    return Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
  }
}
