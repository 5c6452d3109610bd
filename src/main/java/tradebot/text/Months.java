package tradebot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
  private static final String RESOURCE = "/tradebot/text/months.txt";

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
        throw new IllegalStateException(RESOURCE + " names no month " + (i + 1));
      }
    }
    return List.of(names);
  }

  private static Map<String, Integer> load() {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (InputStream in = Months.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+");
        int n = parts.length == 2 && parts[1].matches("\\d{1,2}") ? Integer.parseInt(parts[1]) : 0;
        if (n < 1 || n > 12) {
          throw new IllegalStateException(
              RESOURCE + ":" + lineNo + ": expected 'Name number' with a month 1-12, got: " + l);
        }
        out.put(parts[0], n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Collections.unmodifiableMap(out);
  }
}
