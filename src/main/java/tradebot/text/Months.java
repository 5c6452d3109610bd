package tradebot.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English month names and abbreviations ("January", "Sept"), read once from {@code
 * tradebot/text/months.txt}: the one table of them. Immutable.
 */
public final class Months {
  /** Each name as written (capitalized) to its month, 1-12, in the file's order. */
  public static final Map<String, Integer> NUMBERS = load();

  /** The twelve full names, January first. */
  public static final List<String> FULL_NAMES = fullNames();

  private Months() {}

  /** {@link #NUMBERS} with lower-case keys. */
  public static Map<String, Integer> lowerCase() {
    Map<String, Integer> out = new LinkedHashMap<>();
    NUMBERS.forEach((name, n) -> out.put(name.toLowerCase(Locale.ROOT), n));
    return Collections.unmodifiableMap(out);
  }

  private static List<String> fullNames() {
    String[] names = new String[12];
    NUMBERS.forEach(
        (name, n) -> {
          if (names[n - 1] == null) {
            names[n - 1] = name;
          }
        });
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null) {
        throw new IllegalStateException("tradebot/text/months.txt names no month " + (i + 1));
      }
    }
    return List.of(names);
  }

  private static Map<String, Integer> load() {
    return WordTables.pairs(
        "months",
        n -> {
          int month = Integer.parseInt(n);
          if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a month is 1-12, not " + month);
          }
          return month;
        });
  }
}
