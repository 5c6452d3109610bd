package tradebot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the English word tables shipped under {@code tradebot/text/} on the class path: month
 * names, number words, currencies, stop words. They are resources rather than {@code config/} files
 * because they change with the language, not with the knowledge base, and each is compiled into a
 * grammar whose tests pin it.
 *
 * <p>A table is entries separated by commas or line breaks; a line starting with {@code #} is a
 * comment. A word list's entries are words (a word may hold spaces); a pair table's entries are
 * {@code key=value}. A malformed entry or a duplicate key fails with the resource, the line and the
 * entry. Results are immutable and keep the file's order.
 */
public final class WordTables {
  private WordTables() {}

  /** One entry of a table and the line it is on. */
  private record Entry(String text, int line) {}

  /** The words of {@code tradebot/text/<name>.txt}. */
  public static Set<String> words(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (Entry e : entries(name)) {
      if (!out.add(e.text())) {
        throw new IllegalStateException(where(name, e) + "'" + e.text() + "' is listed twice");
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The {@code key=value} pairs of {@code tradebot/text/<name>.txt}, each value read by {@code
   * value}.
   */
  public static <V> Map<String, V> pairs(String name, Function<String, V> value) {
    Map<String, V> out = new LinkedHashMap<>();
    for (Entry e : entries(name)) {
      int eq = e.text().indexOf('=');
      if (eq <= 0 || eq == e.text().length() - 1) {
        throw new IllegalStateException(
            where(name, e) + "expected key=value, got '" + e.text() + "'");
      }
      String key = e.text().substring(0, eq).strip();
      V v;
      try {
        v = value.apply(e.text().substring(eq + 1).strip());
      } catch (RuntimeException bad) {
        throw new IllegalStateException(
            where(name, e) + "bad value in '" + e.text() + "': " + bad.getMessage(), bad);
      }
      if (out.put(key, v) != null) {
        throw new IllegalStateException(where(name, e) + "'" + key + "' is listed twice");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static String resource(String name) {
    return "/tradebot/text/" + name + ".txt";
  }

  private static String where(String name, Entry e) {
    return resource(name).substring(1) + ":" + e.line() + ": ";
  }

  private static List<Entry> entries(String name) {
    String resource = resource(name);
    List<Entry> out = new ArrayList<>();
    try (InputStream in = WordTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource.substring(1) + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        if (line.strip().startsWith("#")) {
          continue;
        }
        for (String entry : line.split(",")) {
          if (!entry.isBlank()) {
            out.add(new Entry(entry.strip(), lineNo));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource.substring(1), e);
    }
    return out;
  }
}
