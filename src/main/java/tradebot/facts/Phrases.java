package tradebot.facts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.facts.internal.FirstWords;

/** Regular expressions made from editable word lists. Thread-safe. */
final class Phrases {
  /** Matches nothing: the pattern of an empty list. */
  static final Pattern NOTHING = Pattern.compile("(?!)");

  private Phrases() {}

  /**
   * A case-insensitive pattern that finds any of {@code phrases} as whole words, longest first so
   * that "took effect" wins over "effect". Spaces in a phrase match any run of spaces; a hyphen
   * joins words, so "tariff" is not found in "non-tariff".
   */
  static Pattern of(Collection<String> phrases) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}-])(?:" + alternation(phrases) + ")(?![\\p{L}\\p{N}-])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The phrases as a regex alternation, longest first, or a never-matching group when empty. */
  static String alternation(Collection<String> phrases) {
    List<String> sorted =
        phrases.stream()
            .filter(p -> p != null && !p.isBlank())
            .map(String::strip)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    if (sorted.isEmpty()) {
      return "(?!)";
    }
    StringBuilder sb = new StringBuilder();
    for (String p : sorted) {
      if (!sb.isEmpty()) {
        sb.append('|');
      }
      sb.append(Pattern.quote(p).replace(" ", "\\E\\s+\\Q"));
    }
    return sb.toString();
  }

  /**
   * A word list's pattern ({@link #of}) with its quick test ({@link FirstWords}): the same matches,
   * and no scan of a region where none of the phrases stands.
   */
  record Cue(Pattern pattern, FirstWords words) {
    static Cue of(Collection<String> phrases) {
      return new Cue(Phrases.of(phrases), FirstWords.of(phrases));
    }

    /** Whether a phrase occurs in {@code text[from, to)}. */
    boolean occurs(String text, int from, int to) {
      int f = Math.max(0, from);
      int t = Math.min(text.length(), to);
      return words.mayOccur(text, f, t) && pattern.matcher(text).region(f, t).find();
    }

    /** The first match in {@code text[from, to)}, or null. */
    Matcher find(String text, int from, int to) {
      int f = Math.max(0, from);
      int t = Math.min(text.length(), to);
      if (!words.mayOccur(text, f, t)) {
        return null;
      }
      Matcher m = pattern.matcher(text).region(f, t);
      return m.find() ? m : null;
    }
  }

  /** Whether {@code pattern} occurs in {@code text[from, to)}. */
  static boolean occurs(Pattern pattern, String text, int from, int to) {
    return pattern.matcher(text).region(Math.max(0, from), Math.min(text.length(), to)).find();
  }

  /** The first match of {@code pattern} in {@code text[from, to)}, or null. */
  static Matcher find(Pattern pattern, String text, int from, int to) {
    Matcher m = pattern.matcher(text).region(Math.max(0, from), Math.min(text.length(), to));
    return m.find() ? m : null;
  }
}
