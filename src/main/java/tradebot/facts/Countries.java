package tradebot.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.config.Vocabulary;

/**
 * Finds the names that stand for a country in text: the country names of the vocabulary and the
 * people and bodies of the tariff cues. Names match as written (case matters: "US" is a country,
 * "us" a pronoun). Thread-safe.
 */
final class Countries {
  /** A name found in text. */
  record Mention(String iso, String text, int start, int end) {}

  private final Map<String, String> isoByName = new HashMap<>();
  private final Map<String, String> displayNames = new LinkedHashMap<>();
  private final Pattern pattern;
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  Countries(Vocabulary vocabulary, TariffCues cues) {
    List<String> names = new ArrayList<>();
    vocabulary
        .countries()
        .forEach(
            (iso, list) -> {
              if (!list.isEmpty()) {
                displayNames.put(iso, list.getFirst());
              }
              list.forEach(n -> add(names, n, iso));
            });
    cues.actors().forEach((iso, list) -> list.forEach(n -> add(names, n, iso)));
    names.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alt = new StringBuilder();
    for (String n : names) {
      alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(n).replace(" ", "\\E\\s+\\Q"));
    }
    // The look-ahead for a name's first character only saves trying every name at every word.
    pattern =
        names.isEmpty()
            ? Phrases.NOTHING
            : Pattern.compile(
                firstCharacters(names) + "(?<![\\p{L}\\p{N}.])(?:" + alt + ")(?![\\p{L}\\p{N}])");
  }

  /**
   * A look-ahead for the characters names start with (as written: names match case-sensitively).
   */
  private static String firstCharacters(List<String> names) {
    StringBuilder set = new StringBuilder("(?=[");
    names.stream()
        .mapToInt(n -> n.codePointAt(0))
        .distinct()
        .sorted()
        .forEach(c -> set.append("\\x{").append(Integer.toHexString(c)).append('}'));
    return set.append("])").toString();
  }

  private void add(List<String> names, String name, String iso) {
    if (name != null && !name.isBlank()) {
      names.add(name.strip());
      isoByName.putIfAbsent(name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), iso);
    }
  }

  /** Every mention in {@code text[from, to)}, in order, none overlapping. */
  List<Mention> find(String text, int from, int to) {
    List<Mention> out = new ArrayList<>();
    Matcher m = pattern.matcher(text).region(from, to);
    while (m.find()) {
      String iso =
          isoByName.get(BLANKS.matcher(m.group()).replaceAll(" ").toLowerCase(Locale.ROOT));
      if (iso != null) {
        out.add(new Mention(iso, m.group(), m.start(), m.end()));
      }
    }
    return out;
  }

  /** The ISO code a name or code stands for ("china", "CN", "Beijing" give "CN"), or null. */
  String iso(String nameOrCode) {
    String key = nameOrCode.strip().toLowerCase(Locale.ROOT);
    for (String iso : displayNames.keySet()) {
      if (iso.equalsIgnoreCase(key)) {
        return iso;
      }
    }
    return isoByName.get(key);
  }

  /** The name to show for a code: the first name the vocabulary lists ("China" for CN). */
  String display(String iso) {
    return displayNames.getOrDefault(iso, iso);
  }
}
