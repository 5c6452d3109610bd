package tradebot.facts.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A quick test that the pattern {@code tradebot.facts.Phrases.of} makes of a word list cannot match
 * in a region: no phrase stands there as whole words. It reads text as that pattern does (case
 * ignored the Unicode way: a character matches when it, or its upper case lowered, is the phrase's
 * character so folded; any run of blanks between words; no letter, digit or hyphen right before or
 * after), and where it cannot tell it says "maybe", so it never says "no" where the pattern would
 * match. It is far cheaper than the pattern's try of every phrase at every word. Immutable.
 */
public final class FirstWords {
  /** Each phrase as its folded words, by the first character of its first word. */
  private final Map<Character, List<char[][]>> byFirst;

  /** The same for ASCII first characters, by the character. */
  private final List<char[][]>[] byAscii;

  /** False when a phrase holds characters this test does not model: then it always says maybe. */
  private final boolean usable;

  /** Whether the pattern wants whole words (no letter, digit or hyphen before or after). */
  private final boolean whole;

  @SuppressWarnings("unchecked")
  private FirstWords(Map<Character, List<char[][]>> byFirst, boolean usable, boolean whole) {
    this.byFirst = byFirst;
    this.byAscii = new List[0x80];
    byFirst.forEach(
        (c, phrases) -> {
          if (c < 0x80) {
            byAscii[c] = phrases;
          }
        });
    this.usable = usable;
    this.whole = whole;
  }

  /** The test of {@code Phrases.of}'s pattern: the phrases as whole words. */
  public static FirstWords of(Collection<String> phrases) {
    return of(phrases, true);
  }

  /**
   * The test of a pattern that holds {@code Phrases.alternation} of the phrases somewhere (matched
   * ignoring case, Unicode or ASCII only): whatever stands around them.
   */
  public static FirstWords anywhere(Collection<String> phrases) {
    return of(phrases, false);
  }

  private static FirstWords of(Collection<String> phrases, boolean whole) {
    Map<Character, List<char[][]>> byFirst = new HashMap<>();
    boolean usable = true;
    for (String phrase : phrases) {
      if (phrase == null || phrase.isBlank()) {
        continue; // left out of the pattern too
      }
      String[] parts = phrase.strip().split(" ", -1);
      char[][] words = new char[parts.length][];
      for (int w = 0; w < parts.length; w++) {
        words[w] = new char[parts[w].length()];
        for (int i = 0; i < parts[w].length(); i++) {
          char c = parts[w].charAt(i);
          if (Character.isSurrogate(c) || isSpace(c)) {
            usable = false; // "a  b" (an empty word), a tab, or a character beyond the BMP
          }
          words[w][i] = fold(c);
        }
        if (words[w].length == 0) {
          usable = false;
        }
      }
      if (usable) {
        byFirst.computeIfAbsent(words[0][0], k -> new ArrayList<>()).add(words);
      }
    }
    return new FirstWords(Map.copyOf(byFirst), usable, whole);
  }

  /** A character as the case-insensitive pattern compares it. */
  private static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c; // the same, without a lookup
    }
    return (char) Character.toLowerCase(Character.toUpperCase((int) c));
  }

  /** What {@code \s} matches. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Whether {@code c} is surely one that may not touch a phrase: a letter, digit or hyphen. */
  private static boolean joins(char c) {
    if (c < 0x80) {
      return c == '-' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    if (Character.isSurrogate(c)) {
      return false; // cannot tell from half a character: maybe not
    }
    if (c == '-' || Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** Whether a phrase may occur in {@code s[from, to)}; false only when none can. */
  public boolean mayOccur(String s, int from, int to) {
    if (!usable) {
      return true;
    }
    for (int i = from; i < to; i++) {
      if (whole && i > from && joins(s.charAt(i - 1))) {
        continue; // inside a word: the pattern's look-behind refuses
      }
      char c = s.charAt(i);
      char f = fold(c);
      if (startsHere(phrases(c), s, i, to) || (f != c && startsHere(phrases(f), s, i, to))) {
        return true;
      }
    }
    return false;
  }

  private List<char[][]> phrases(char first) {
    return first < 0x80 ? byAscii[first] : byFirst.get(first);
  }

  private boolean startsHere(List<char[][]> phrases, String s, int at, int to) {
    if (phrases == null) {
      return false;
    }
    for (char[][] phrase : phrases) {
      int end = matchEnd(phrase, s, at, to);
      if (end >= 0 && (!whole || end == to || !joins(s.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** Where {@code phrase} ends when it is written at {@code at}, or -1. */
  private static int matchEnd(char[][] phrase, String s, int at, int to) {
    int i = at;
    for (int w = 0; w < phrase.length; w++) {
      if (w > 0) {
        int blanks = i;
        while (i < to && isSpace(s.charAt(i))) {
          i++;
        }
        if (i == blanks) {
          return -1;
        }
      }
      char[] word = phrase[w];
      if (i + word.length > to) {
        return -1;
      }
      for (int j = 0; j < word.length; j++) {
        char c = s.charAt(i + j);
        if (word[j] != c && word[j] != fold(c)) {
          return -1;
        }
      }
      i += word.length;
    }
    return i;
  }
}
