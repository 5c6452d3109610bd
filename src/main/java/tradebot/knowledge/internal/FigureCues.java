package tradebot.knowledge.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a region of text holds that the figure patterns need, found in one cheap pass, so that a
 * pattern that cannot match there is not run: every figure needs a digit or a number word, a rate a
 * '%' or "percent", a date a month name, and so on. Each cue is a necessary condition of its
 * patterns, read off the grammar's own word tables (a {@link Words} the figure grammar gives its
 * {@link Scanner}): skipping a pattern without its cue never loses a figure. It exists only for
 * speed; {@code FigureExtractorTest} and its fuzz test hold the extraction with cues to the same
 * figures as running every pattern. Immutable.
 *
 * <p>Words are compared as maximal runs of ASCII letters: every word the patterns name is ASCII and
 * stands between non-letters, so it is such a run (compared in lower case, a superset of the
 * patterns' case rules).
 */
public final class FigureCues {
  private static final int SPELLED = 1; // a number word: "five", "twenty"
  private static final int PHRASE_END = 2; // ends a number phrase: "half a dozen", "a million"
  private static final int TIME_UNIT = 4;
  private static final int PERCENT_WORD = 8;
  private static final int MONTH = 16;
  private static final int CURRENCY_WORD = 32;
  private static final int CURRENCY_CODE = 64;

  /**
   * Every pattern may match anywhere from the region's start: what an unchecked extraction runs.
   */
  public static FigureCues all(int start) {
    return new FigureCues(true, true, true, true, -1, start, null);
  }

  private final boolean digit;
  private final boolean hyphen;
  private final boolean percentSign;
  private final boolean currencySign;
  private final int words;
  private final int numberFrom;
  private final int[] numberStarts; // null: anywhere

  private FigureCues(
      boolean digit,
      boolean hyphen,
      boolean percentSign,
      boolean currencySign,
      int words,
      int numberFrom,
      int[] numberStarts) {
    this.digit = digit;
    this.hyphen = hyphen;
    this.percentSign = percentSign;
    this.currencySign = currencySign;
    this.words = words;
    this.numberFrom = numberFrom;
    this.numberStarts = numberStarts;
  }

  private static int[] add(int[] a, int n, int value) {
    int[] out = n == a.length ? Arrays.copyOf(a, n * 2) : a;
    out[n] = value;
    return out;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private boolean has(int cue) {
    return (words & cue) != 0;
  }

  /** Whether a written number (digits or words) is there at all. */
  public boolean number() {
    return numberFrom != Integer.MAX_VALUE;
  }

  /**
   * The earliest offset a figure that opens with its number can start at (rates, counts, durations,
   * amounts with the currency after, dates written day first); meaningful when {@link #number()}.
   */
  public int numberFrom() {
    return numberFrom;
  }

  /**
   * Every offset a written number may start at, in order (a digit after a non-digit, a number word,
   * a word shortly before "dozen" or "million"), or null when it may start anywhere.
   */
  public int[] numberStarts() {
    return numberStarts;
  }

  /** Whether a date written with a month name can be there. */
  public boolean monthDate() {
    return digit && has(MONTH);
  }

  /** Whether a date written "2025-04-11" can be there. */
  public boolean isoDate() {
    return digit && hyphen;
  }

  /** Whether an amount with the currency first ("$5 billion", "USD 5 billion") can be there. */
  public boolean currencyFirst() {
    return digit && (currencySign || has(CURRENCY_CODE));
  }

  /** Whether an amount with the currency after ("100 billion yuan") can be there. */
  public boolean currencyAfter() {
    return number() && has(CURRENCY_WORD);
  }

  /** Whether a rate can be there. */
  public boolean percent() {
    return number() && (percentSign || has(PERCENT_WORD));
  }

  /** Whether a span of time ("two weeks", "a year") can be there. */
  public boolean timeUnit() {
    return has(TIME_UNIT);
  }

  private static void add(Map<String, Integer> out, String word, int cue) {
    String w = word.toLowerCase(Locale.ROOT);
    if (!w.chars().allMatch(c -> isAsciiLetter((char) c))) {
      throw new IllegalStateException("a figure cue must be ASCII letters: " + word);
    }
    out.merge(w, cue, (a, b) -> a | b);
  }

  private static String lastWord(String phrase) {
    return phrase.substring(phrase.lastIndexOf(' ') + 1);
  }

  /**
   * The words of the figure grammar the cues are read from, each as the grammar writes it: number
   * words ("five", "twenty"), number phrases ("half a dozen"), scale words ("million"), time units
   * in the singular ("week"), percent words ("per cent"), month names, currency words written after
   * an amount ("U.S. dollars"), currency codes written before it, and currency signs ("US$").
   */
  public record Words(
      Collection<String> numberWords,
      Collection<String> numberPhrases,
      Collection<String> scales,
      Collection<String> timeUnits,
      Collection<String> percentWords,
      Collection<String> months,
      Collection<String> currencyWords,
      Collection<String> currencyCodes,
      Collection<String> currencySigns) {}

  /** Finds the cues of regions of text for one grammar's words. Immutable and thread-safe. */
  public static final class Scanner {
    /** Words of each cue, in lower case, to their cue bits. */
    private final Map<String, Integer> words;

    private final int longestWord;

    /**
     * How far before the last word of a number phrase the phrase may start: its other words with up
     * to three blanks between them, and "an" before a scale word.
     */
    private final int phraseLookback;

    /** The symbol every currency sign ends with ("$" of "US$", "€"). */
    private final String signSymbols;

    private final long[] packedKeys;
    private final int[] packedCues;

    public Scanner(Words grammar) {
      this.words = cueWords(grammar);
      this.longestWord = words.keySet().stream().mapToInt(String::length).max().orElse(0);
      this.phraseLookback =
          Math.max(
              "an".length() + 3,
              grammar.numberPhrases().stream()
                  .mapToInt(
                      p ->
                          p.lastIndexOf(' ')
                              + 1
                              + 2 * (int) p.chars().filter(c -> c == ' ').count())
                  .max()
                  .orElse(0));
      this.signSymbols = signSymbols(grammar.currencySigns());
      int size = Integer.highestOneBit(Math.max(16, words.size() * 4)) * 2;
      this.packedKeys = new long[size];
      this.packedCues = new int[size];
      pack();
    }

    /** The cues of {@code text[start, end)}. */
    public FigureCues scan(String text, int start, int end) {
      boolean digit = false;
      boolean hyphen = false;
      boolean percent = false;
      boolean sign = false;
      int words = 0;
      int[] starts = new int[8]; // where a written number may start
      int n = 0;
      int[] runs = new int[8]; // where each word starts
      int runCount = 0;
      int i = start;
      while (i < end) {
        char c = text.charAt(i);
        if (isAsciiLetter(c)) {
          int from = i;
          while (i < end && isAsciiLetter(text.charAt(i))) {
            i++;
          }
          if (runCount == runs.length) {
            runs = Arrays.copyOf(runs, runCount * 2);
          }
          runs[runCount++] = from;
          if (i - from <= longestWord) {
            int cue = cue(text, from, i);
            if (cue != 0) {
              int bits = cue;
              if (!Character.isUpperCase(text.charAt(from))) {
                bits &= ~(MONTH | CURRENCY_CODE); // written "May", "MAY", "USD" only
              }
              words |= bits;
              if ((bits & SPELLED) != 0) {
                starts = add(starts, n++, from);
              } else if ((bits & PHRASE_END) != 0) {
                // "half a dozen", "a million": the phrase starts at a word shortly before.
                for (int r = runCount - 1; r >= 0 && runs[r] >= from - phraseLookback; r--) {
                  starts = add(starts, n++, runs[r]);
                }
              }
            }
          }
          continue;
        }
        if (c >= '0' && c <= '9') {
          digit = true;
          if (i == start || !isAsciiDigit(text.charAt(i - 1))) {
            starts = add(starts, n++, i);
          }
        } else if (c == '-') {
          hyphen = true;
        } else if (c == '%') {
          percent = true;
        } else if (signSymbols.indexOf(c) >= 0) {
          sign = true;
        }
        i++;
      }
      int[] sorted = Arrays.stream(starts, 0, n).sorted().distinct().toArray();
      int numberFrom = sorted.length == 0 ? Integer.MAX_VALUE : sorted[0];
      return new FigureCues(digit, hyphen, percent, sign, words, numberFrom, sorted);
    }

    /** The cue bits of the word {@code text[from, to)} (ASCII letters), 0 for none. */
    private int cue(String text, int from, int to) {
      if (to - from > PACKED_LETTERS) {
        Integer cue = words.get(text.substring(from, to).toLowerCase(Locale.ROOT));
        return cue == null ? 0 : cue;
      }
      long key = 0;
      for (int i = from; i < to; i++) {
        key = (key << 5) | ((text.charAt(i) | 0x20) - 'a' + 1);
      }
      int slot = slot(key);
      while (packedKeys[slot] != 0) {
        if (packedKeys[slot] == key) {
          return packedCues[slot];
        }
        slot = (slot + 1) & (packedKeys.length - 1);
      }
      return 0;
    }

    /** Words of up to this many letters are looked up by their letters packed in a long. */
    private static final int PACKED_LETTERS = 12;

    private void pack() {
      words.forEach(
          (word, cue) -> {
            if (word.length() <= PACKED_LETTERS) {
              long key = 0;
              for (int i = 0; i < word.length(); i++) {
                key = (key << 5) | (word.charAt(i) - 'a' + 1);
              }
              int slot = slot(key);
              while (packedKeys[slot] != 0) {
                slot = (slot + 1) & (packedKeys.length - 1);
              }
              packedKeys[slot] = key;
              packedCues[slot] = cue;
            }
          });
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h >>> 40) & (packedKeys.length - 1);
    }
  }

  private static Map<String, Integer> cueWords(Words grammar) {
    Map<String, Integer> out = new HashMap<>();
    grammar.numberWords().forEach(w -> add(out, w, SPELLED));
    grammar.numberPhrases().forEach(p -> add(out, lastWord(p), PHRASE_END));
    grammar.scales().forEach(w -> add(out, w, PHRASE_END));
    for (String unit : grammar.timeUnits()) {
      add(out, unit, TIME_UNIT);
      add(out, unit + "s", TIME_UNIT);
    }
    grammar.percentWords().forEach(w -> add(out, lastWord(w), PERCENT_WORD));
    grammar.months().forEach(w -> add(out, w, MONTH));
    grammar.currencyWords().forEach(w -> add(out, lastWord(w), CURRENCY_WORD));
    grammar.currencyCodes().forEach(w -> add(out, w, CURRENCY_CODE));
    return Map.copyOf(out);
  }

  private static String signSymbols(Collection<String> signs) {
    StringBuilder sb = new StringBuilder();
    for (String sign : signs) {
      char last = sign.charAt(sign.length() - 1);
      if (isAsciiLetter(last) || Character.isDigit(last)) {
        throw new IllegalStateException("a currency sign must end with a symbol: " + sign);
      }
      if (sb.indexOf(String.valueOf(last)) < 0) {
        sb.append(last);
      }
    }
    return sb.toString();
  }
}
