package tradebot.knowledge;

import static tradebot.knowledge.FigureWords.alternation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tradebot.knowledge.internal.FigureCues;

/**
 * The ways a figure is written, as regular expressions built from {@link FigureWords}. Every
 * repetition is bounded or possessive and every alternation is between literal words, so a match
 * attempt costs a bounded number of steps and a scan is linear in the text's length. Thread-safe.
 */
final class FigureGrammar {
  private FigureGrammar() {}

  /** One to three blanks; a figure never spans more. */
  static final String SP = "[\\s\\u00A0]{1,3}";

  static final String OPT_SP = "[\\s\\u00A0]{0,2}";

  /**
   * Where a written number may start: not inside a word, a longer number, a clock time ("01:04"), a
   * code ("#2") or a name like "COVID-19".
   */
  static final String NUM_START = "(?<![\\p{L}\\p{N}_.,:/#])(?<!\\p{L}-)";

  /** Where a written number ends: not before more digits or a decimal part. */
  static final String NUM_END = "(?![\\p{N}]|[.,]\\d)";

  static final String DIGITS = "(?:\\d{1,3}(?:,\\d{3})++|\\d++)(?:\\.\\d++)?";

  static final String SCALE = "(?i:" + alternation(FigureWords.SCALES.keySet()) + ")";

  /** "one".."nineteen", the tens, "twenty-five", "half a dozen", and "a" before a scale word. */
  static final String SPELLED =
      "(?<![\\p{L}\\p{N}'’-])(?i:"
          + alternation(FigureWords.PHRASES.keySet()).replace(" ", "\\E" + SP + "\\Q")
          + "|"
          + alternation(FigureWords.TENS.keySet())
          + "-"
          + alternation(
              FigureWords.UNITS.entrySet().stream()
                  .filter(e -> e.getValue() < 10)
                  .map(e -> e.getKey())
                  .toList())
          + "|"
          + alternation(
              Stream.concat(FigureWords.UNITS.keySet().stream(), FigureWords.TENS.keySet().stream())
                  .toList())
          + "|an?(?="
          + SP
          + SCALE
          + "(?![\\p{L}])))(?![\\p{L}])";

  static final String NUMBER = "(?:" + NUM_START + DIGITS + NUM_END + "|" + SPELLED + ")";

  static final String YEAR = "(?:1[89]\\d\\d|2[01]\\d\\d)(?![\\p{L}\\p{N}]|[.,]\\d)";

  static final String MONTH = alternation(monthForms());

  static final String TIME_UNIT = "(?i:" + alternation(FigureWords.DURATION_UNITS.keySet()) + ")";

  /** The words of a rate after its number; a blank inside one is one space or no-break space. */
  static final List<String> PERCENT_WORDS = List.of("percent", "per cent", "pct");

  static final Pattern PERCENT =
      Pattern.compile(
          "(?<num>"
              + NUMBER
              + ")(?:[\\s\\u00A0]?%|(?:"
              + SP
              + "|-)(?i:"
              + String.join(
                  "|", PERCENT_WORDS.stream().map(w -> w.replace(" ", "[\\s\\u00A0]")).toList())
              + ")(?![\\p{L}]))");

  private static final String SHORT_SCALE =
      "(?<short>[\\s\\u00A0]?(?i:"
          + alternation(shortScales(true))
          + ")|(?i:"
          + alternation(shortScales(false))
          + "))(?![\\p{L}\\p{N}])";

  private static final String SIGN = alternation(FigureWords.CURRENCY_SIGNS.keySet());

  static final Pattern MONEY_PREFIX =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}$])(?:(?<sign>"
              + SIGN
              + ")[\\s\\u00A0]?|(?<code>"
              + alternation(FigureWords.CURRENCY_CODES.keySet())
              + ")[\\s\\u00A0]{1,2})(?<num>"
              + DIGITS
              + ")"
              + NUM_END
              + "(?:(?:"
              + SP
              + "|-)(?<scale>"
              + SCALE
              + ")(?![\\p{L}])|"
              + SHORT_SCALE
              + ")?");

  /** After "$50": the rest of a range that gives it its scale, "-60 billion", " to $60 billion". */
  static final Pattern MONEY_RANGE_TAIL =
      Pattern.compile(
          "(?:"
              + OPT_SP
              + "[-–]"
              + OPT_SP
              + "|"
              + SP
              + "(?<word>to|and|or)"
              + SP
              + ")(?<second>(?:"
              + SIGN
              + ")?[\\s\\u00A0]?(?<num>"
              + DIGITS
              + ")"
              + NUM_END
              + "(?:"
              + SP
              + "|-)(?<scale>"
              + SCALE
              + ")(?![\\p{L}]))");

  static final Pattern MONEY_SUFFIX =
      Pattern.compile(
          "(?<num>"
              + NUMBER
              + ")(?:(?:"
              + SP
              + "|-)(?<scale>"
              + SCALE
              + ")(?![\\p{L}]))?"
              + SP
              + "(?<cur>"
              + phrases(FigureWords.CURRENCY_WORDS.keySet().stream().toList())
              + ")(?![\\p{L}])");

  static final Pattern DATE_MONTH_DAY =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?<month>"
              + MONTH
              + ")\\.?"
              + SP
              + "(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}]|[.,]\\d)"
              // "in March 25 percent tariffs took effect": the number is not a day.
              + "(?!"
              + OPT_SP
              + "(?:%|(?i:percent|per[\\s\\u00A0]cent|pct|"
              + alternation(FigureWords.SCALES.keySet())
              + ")(?![\\p{L}])))"
              + "(?:,?"
              + SP
              + "(?<year>"
              + YEAR
              + "))?");

  static final Pattern DATE_DAY_MONTH =
      Pattern.compile(
          NUM_START
              + "(?<day>\\d{1,2})(?:st|nd|rd|th)?"
              + SP
              + "(?<month>"
              + MONTH
              + ")(?:\\.|(?![\\p{L}]))(?:,?"
              + SP
              + "(?<year>"
              + YEAR
              + "))?");

  static final Pattern DATE_ISO =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}.,:/-])(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})"
              + "(?![\\p{L}\\p{N}]|-\\d)");

  static final Pattern DURATION =
      Pattern.compile(
          "(?<num>" + NUMBER + ")(?:" + SP + "|-)(?<unit>" + TIME_UNIT + ")(?i:s)?(?![\\p{L}])");

  /** "a week", "an hour": checked by the caller for a rate ("twice a week") before it. */
  static final Pattern A_SPAN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}'’-])(?i:an?)" + SP + "(?<unit>" + TIME_UNIT + ")(?![\\p{L}\\p{N}-])");

  /** A counted number, with its scale if it has one, and the space before what it counts. */
  private static final String COUNTED =
      "(?<num>" + NUMBER + ")(?:" + SP + "(?<scale>" + SCALE + ")(?![\\p{L}]))?" + SP;

  /** A plural noun: a word ending in "s" (checked by the caller against non-nouns). */
  private static final String PLURAL = "[A-Za-z][a-z]{1,30}s(?![\\p{L}\\p{N}-])";

  static final Pattern COUNT =
      Pattern.compile(
          COUNTED
              + "(?<noun>(?i:"
              + phrases(List.copyOf(FigureWords.IRREGULAR_PLURALS))
              + ")(?![\\p{L}])|"
              + PLURAL
              + ")");

  /**
   * A count whose noun has one or two words before it: "818 product lines", "31 Chinese companies".
   * Tried only on numbers no other figure took, and its words before the noun are checked by the
   * caller ({@link FigureWords#NOT_MODIFIERS}).
   */
  static final Pattern COUNT_MODIFIED =
      Pattern.compile(
          COUNTED
              + "(?<mods>(?:[A-Za-z][A-Za-z'’-]{0,30}"
              + SP
              + "){1,2}?)(?<noun>"
              + PLURAL
              + ")");

  /** The word a range may open with: "between 50 and 60". */
  static final String BETWEEN = "between";

  /**
   * The first half of a range ending where the text to match ends: "10 to " before "25 percent",
   * "between 50 and " before "60 billion yuan".
   */
  static final Pattern RANGE_START =
      Pattern.compile(
          "(?:(?<between>(?i:"
              + BETWEEN
              + "))"
              + SP
              + ")?(?<num>"
              + NUMBER
              + ")(?:"
              + OPT_SP
              + "[-–]"
              + OPT_SP
              + "|"
              + SP
              + "(?<word>to|or|and)"
              + SP
              + ")$");

  /** A matcher over {@code text[start, end)} that sees the text around it for word boundaries. */
  /** The cues of this grammar's words: which of its patterns can match in a region at all. */
  static final FigureCues.Scanner CUES =
      new FigureCues.Scanner(
          new FigureCues.Words(
              Stream.concat(FigureWords.UNITS.keySet().stream(), FigureWords.TENS.keySet().stream())
                  .toList(),
              FigureWords.PHRASES.keySet(),
              FigureWords.SCALES.keySet(),
              FigureWords.DURATION_UNITS.keySet(),
              PERCENT_WORDS,
              FigureWords.MONTHS.keySet(),
              FigureWords.CURRENCY_WORDS.keySet(),
              FigureWords.CURRENCY_CODES.keySet(),
              FigureWords.CURRENCY_SIGNS.keySet()));

  static Matcher matcher(Pattern pattern, String text, int start, int end) {
    return pattern.matcher(text).region(start, end).useTransparentBounds(true);
  }

  /** Multi-word entries match with any run of blanks between their words. */
  private static String phrases(List<String> entries) {
    return alternation(entries).replace(" ", "\\E" + SP + "\\Q");
  }

  private static List<String> monthForms() {
    List<String> forms = new ArrayList<>();
    for (String name : FigureWords.MONTHS.keySet()) {
      forms.add(name);
      forms.add(name.toUpperCase(Locale.ROOT));
    }
    return forms;
  }

  private static List<String> shortScales(boolean multiLetter) {
    return FigureWords.SHORT_SCALES.keySet().stream()
        .filter(s -> (s.length() > 1) == multiLetter)
        .toList();
  }
}
