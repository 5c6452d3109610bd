package tradebot.knowledge;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words the figure grammar is built from: number words, scales, currencies, time units and the
 * few words that stop a number from being a count. Immutable and thread-safe.
 *
 * <p>These tables live here rather than in a {@code config/} file on purpose. They are closed-class
 * English (number words, ISO currency codes, calendar units), they change with the language rather
 * than with the knowledge base, and every entry is compiled into the grammar's regular expressions,
 * so an entry is only right together with the patterns in {@link FigureGrammar}: a word added here
 * without a test can silently turn ordinary prose into figures. To extend a table, add the entry
 * and a row to {@code FigureExtractorTest}.
 */
final class FigureWords {
  private FigureWords() {}

  /** Spelled-out numbers (lower case); compounds like "twenty-five" are derived from these. */
  static final Map<String, Integer> UNITS =
      table(
          """
          one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9, ten=10,
          eleven=11, twelve=12, thirteen=13, fourteen=14, fifteen=15, sixteen=16, seventeen=17,
          eighteen=18, nineteen=19
          """,
          Integer::valueOf);

  static final Map<String, Integer> TENS =
      table(
          "twenty=20, thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90",
          Integer::valueOf);

  /** Phrases that stand for a number ("half a dozen times"). */
  static final Map<String, Integer> PHRASES =
      table("half a dozen=6, a dozen=12, a hundred=100", Integer::valueOf);

  /** Scale words after a number: "$1.2 trillion", "1.4 billion people". */
  static final Map<String, Double> SCALES =
      table("thousand=1e3, million=1e6, billion=1e9, trillion=1e12", Double::valueOf);

  /** Short scales, only right after an amount of money: "$5bn", "$2.5 mln", "$300m". */
  static final Map<String, Double> SHORT_SCALES =
      table(
          "k=1e3, m=1e6, mn=1e6, mln=1e6, b=1e9, bn=1e9, bln=1e9, t=1e12, tn=1e12, trn=1e12",
          Double::valueOf);

  /**
   * Currency signs written before the amount, to ISO 4217 codes. A bare "¥" is read as yen: that is
   * how English-language outlets use it, while the Chinese currency is written "yuan", "RMB" or
   * "CNY" (all CNY below).
   */
  static final Map<String, String> CURRENCY_SIGNS =
      table(
          """
          US$=USD, U.S.$=USD, $=USD, HK$=HKD, NT$=TWD, C$=CAD, CA$=CAD, A$=AUD, AU$=AUD, S$=SGD,
          €=EUR, £=GBP, ¥=JPY, ₩=KRW, ₹=INR
          """,
          String::valueOf);

  /** Currency codes written before the amount with a space: "USD 5 billion", "RMB 100 million". */
  static final Map<String, String> CURRENCY_CODES =
      table("USD=USD, EUR=EUR, GBP=GBP, JPY=JPY, CNY=CNY, RMB=CNY, HKD=HKD", String::valueOf);

  /**
   * Currency words written after the amount: "34.1 billion USD", "100 billion yuan". "pounds" is
   * left out: in trade news it is as often a weight (of pork, of soybeans) as sterling.
   */
  static final Map<String, String> CURRENCY_WORDS =
      table(
          """
          USD=USD, U.S. dollars=USD, US dollars=USD, American dollars=USD, dollars=USD,
          Hong Kong dollars=HKD, Canadian dollars=CAD, Australian dollars=AUD,
          Singapore dollars=SGD, Taiwan dollars=TWD, EUR=EUR, euros=EUR, euro=EUR, GBP=GBP,
          sterling=GBP, yuan=CNY, renminbi=CNY, RMB=CNY, CNY=CNY, JPY=JPY, yen=JPY, won=KRW,
          rupees=INR
          """,
          String::valueOf);

  /** Time units, singular, to days. Months and years are counted as 30 and 365 days. */
  static final Map<String, Double> DURATION_UNITS =
      table(
          """
          minute=1/1440, hour=1/24, day=1, week=7, fortnight=14, month=30, year=365,
          decade=3650
          """,
          FigureWords::ratio);

  /** Month names and their abbreviations, to month numbers (the one table, tradebot.text). */
  static final Map<String, Integer> MONTHS = tradebot.text.Months.NUMBERS;

  /** Counted nouns that do not end in "s", and two-word units. */
  static final Set<String> IRREGULAR_PLURALS =
      words(
          """
          people, men, women, children, police, cattle, aircraft, personnel, staff, livestock,
          feet, percentage points, basis points
          """);

  /**
   * Words ending in "s" that are not plural nouns, so "2 is" or "one says" is no count. Words
   * ending in "ss", "us" or "is" ("loss", "stimulus", "basis") are excluded by rule.
   */
  static final Set<String> NOT_NOUNS =
      words(
          """
          as, was, has, does, goes, says, its, this, thus, yes, ours, yours, theirs, hers,
          always, perhaps, whereas, besides, towards, afterwards, sometimes, nevertheless,
          nonetheless, regardless, news, seems, means, remains, comes, gets, makes, takes, looks,
          marks, sees, shows, stands, rises, falls, becomes, needs, wants, hits, tops
          """);

  /**
   * Words that cannot stand between a number and the noun it counts ("5 of the officials", "3 more
   * months", "10 percent tariffs"): a count's noun has only describing words before it.
   */
  static final Set<String> NOT_MODIFIERS =
      words(
          """
          a, an, the, of, and, or, but, nor, to, in, on, at, for, by, with, from, into, onto, per,
          than, more, less, fewer, most, as, if, so, is, are, was, were, be, been, being, has, have,
          had, do, did, will, would, could, should, may, might, must, can, its, their, his, her,
          our, your, my, that, which, who, whom, whose, this, these, those, it, they, he, she, we,
          you, i, percent, pct, cent, times, said, says, after, before, since, until, over,
          under, about, around, against, between, among, through, during, each, every, all, both,
          no, not, only, just, also, even, up, down, out, off, year, years, month, months, week,
          weeks, day, days
          """);

  /**
   * Words that make the number after them a name or a rank, not a count: "No. 2 officials",
   * "Section 301 tariffs", "the S&amp;P 500 futures".
   */
  static final Set<String> LABELS =
      words(
          """
          no., nos., number, #, section, sections, article, phase, chapter, title, part, rule,
          item, room, flight, route, model, level, stage, tier, version, s&p, ftse, nikkei, dax
          """);

  /**
   * Words before "a week", "a year" that make it a rate ("$200 billion a year", "twice a week") or
   * a fraction ("half a day"), not a span of time.
   */
  static final Set<String> NOT_BEFORE_A_SPAN =
      words(
          """
          times, once, twice, thrice, per, every, each, half, percent, cent, %, thousand,
          million, billion, trillion, dollars, yuan, euros, yen
          """);

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

  /** Reads comma-separated words; a word may hold spaces. */
  private static Set<String> words(String entries) {
    return Set.copyOf(
        Arrays.stream(entries.split("[,\\n]"))
            .map(String::strip)
            .filter(w -> !w.isEmpty())
            .toList());
  }

  /** A number or a fraction: "7", "1/24". */
  private static double ratio(String written) {
    int slash = written.indexOf('/');
    return slash < 0
        ? Double.parseDouble(written)
        : Double.parseDouble(written.substring(0, slash))
            / Double.parseDouble(written.substring(slash + 1));
  }

  /** Reads "key=value, key=value" entries; keys may hold spaces but not '=' or ','. */
  private static <V> Map<String, V> table(String entries, Function<String, V> value) {
    Map<String, V> map = new HashMap<>();
    for (String entry : entries.split("[,\\n]")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String key = entry.substring(0, eq).strip();
      if (map.put(key, value.apply(entry.substring(eq + 1).strip())) != null) {
        throw new IllegalStateException("duplicate figure word: " + key);
      }
    }
    return Map.copyOf(map);
  }
}
