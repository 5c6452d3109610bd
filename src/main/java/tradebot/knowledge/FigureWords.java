package tradebot.knowledge;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tradebot.text.WordTables;

/**
 * The words the figure grammar is built from: number words, scales, currencies, time units and the
 * few words that stop a number from being a count, read once from the tables under {@code
 * tradebot/text/} (see {@link WordTables}). Immutable and thread-safe.
 *
 * <p>The tables are class-path resources rather than {@code config/} files on purpose. They are
 * closed-class English (number words, ISO currency codes, calendar units), they change with the
 * language rather than with the knowledge base, and every entry is compiled into the grammar's
 * regular expressions, so an entry is only right together with the patterns in {@link
 * FigureGrammar}: a word added without a test can silently turn ordinary prose into figures. To
 * extend a table, add the entry and a row to {@code FigureExtractorTest}.
 */
final class FigureWords {
  private FigureWords() {}

  /** Spelled-out numbers (lower case); compounds like "twenty-five" are derived from these. */
  static final Map<String, Integer> UNITS = WordTables.pairs("number-units", Integer::valueOf);

  static final Map<String, Integer> TENS = WordTables.pairs("number-tens", Integer::valueOf);

  /** Phrases that stand for a number ("half a dozen times"). */
  static final Map<String, Integer> PHRASES = WordTables.pairs("number-phrases", Integer::valueOf);

  /** Scale words after a number: "$1.2 trillion", "1.4 billion people". */
  static final Map<String, Double> SCALES = WordTables.pairs("scales", Double::valueOf);

  /** Short scales, only right after an amount of money: "$5bn", "$2.5 mln", "$300m". */
  static final Map<String, Double> SHORT_SCALES = WordTables.pairs("short-scales", Double::valueOf);

  /** Currency signs written before the amount, to ISO 4217 codes. */
  static final Map<String, String> CURRENCY_SIGNS =
      WordTables.pairs("currency-signs", String::valueOf);

  /** Currency codes written before the amount with a space: "USD 5 billion". */
  static final Map<String, String> CURRENCY_CODES =
      WordTables.pairs("currency-codes", String::valueOf);

  /** Currency words written after the amount: "34.1 billion USD", "100 billion yuan". */
  static final Map<String, String> CURRENCY_WORDS =
      WordTables.pairs("currency-words", String::valueOf);

  /** Time units, singular, to days. Months and years are counted as 30 and 365 days. */
  static final Map<String, Double> DURATION_UNITS =
      WordTables.pairs("duration-units", FigureWords::ratio);

  /** Month names and their abbreviations, to month numbers (the one table, tradebot.text). */
  static final Map<String, Integer> MONTHS = tradebot.text.Months.NUMBERS;

  /** Counted nouns that do not end in "s", and two-word units. */
  static final Set<String> IRREGULAR_PLURALS = WordTables.words("irregular-plurals");

  /** Words ending in "s" that are not plural nouns, so "2 is" or "one says" is no count. */
  static final Set<String> NOT_NOUNS = WordTables.words("not-nouns");

  /** Words that cannot stand between a number and the noun it counts ("5 of the officials"). */
  static final Set<String> NOT_MODIFIERS = WordTables.words("not-modifiers");

  /** Words that make the number after them a name or a rank: "No. 2", "Section 301". */
  static final Set<String> LABELS = WordTables.words("labels");

  /** Words before "a week", "a year" that make it a rate or a fraction, not a span of time. */
  static final Set<String> NOT_BEFORE_A_SPAN = WordTables.words("not-before-a-span");

  private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0]+");

  /** The value of a number as written: "5,200", "3.1", "twenty-five", "half a dozen", "a". */
  static double number(String written) {
    String w = BLANKS.matcher(written.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
      return Double.parseDouble(w.replace(",", ""));
    }
    if (w.equals("a") || w.equals("an")) {
      return 1;
    }
    Integer phrase = PHRASES.get(w);
    if (phrase != null) {
      return phrase;
    }
    int dash = w.indexOf('-');
    if (dash > 0) {
      return TENS.get(w.substring(0, dash)) + UNITS.get(w.substring(dash + 1));
    }
    Integer unit = UNITS.get(w);
    return unit != null ? unit : TENS.get(w);
  }

  /** A regex alternation of {@code words}, longest first so that "Sept" wins over "Sep". */
  static String alternation(Collection<String> words) {
    return words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
        .map(Pattern::quote)
        .collect(Collectors.joining("|", "(?:", ")"));
  }

  /** A number or a fraction: "7", "1/24". */
  private static double ratio(String written) {
    int slash = written.indexOf('/');
    return slash < 0
        ? Double.parseDouble(written)
        : Double.parseDouble(written.substring(0, slash))
            / Double.parseDouble(written.substring(slash + 1));
  }
}
