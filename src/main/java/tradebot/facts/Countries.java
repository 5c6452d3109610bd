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
  private final Pattern anyCase; // the same names in any case, for chat ("china", "us goods")
  private final Map<Character, Pattern> byFirstChar; // the names of pattern by first character
  private final boolean plain; // no name starts beyond the BMP: byFirstChar serves
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
    pattern =
        names.isEmpty()
            ? Phrases.NOTHING
            : Pattern.compile(
                "(?<![\\p{L}\\p{N}.])(?:" + alternation(names) + ")(?![\\p{L}\\p{N}])");
    anyCase = Pattern.compile(pattern.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // The same names split by their first character: at a position only those can match there.
    Map<Character, List<String>> byFirst = new LinkedHashMap<>();
    boolean plain = true;
    for (String n : names) {
      plain &= !Character.isSurrogate(n.charAt(0));
      byFirst.computeIfAbsent(n.charAt(0), c -> new ArrayList<>()).add(n);
    }
    this.byFirstChar = new HashMap<>();
    if (plain) {
      byFirst.forEach(
          (c, list) ->
              byFirstChar.put(
                  c, Pattern.compile("(?:" + alternation(list) + ")(?![\\p{L}\\p{N}])")));
    }
    this.plain = plain;
  }

  /** The names as a regex alternation, in order; blanks in a name match any run of blanks. */
  private static String alternation(List<String> names) {
    StringBuilder alt = new StringBuilder();
    for (String n : names) {
      alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(n).replace(" ", "\\E\\s+\\Q"));
    }
    return alt.toString();
  }

  private void add(List<String> names, String name, String iso) {
    if (name != null && !name.isBlank()) {
      names.add(name.strip());
      isoByName.putIfAbsent(name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), iso);
    }
  }

  /** Every mention in {@code text[from, to)}, in order, none overlapping. */
  List<Mention> find(String text, int from, int to) {
    if (!plain) {
      return findByPattern(text, from, to);
    }
    List<Mention> out = new ArrayList<>();
    // What pattern.find() gives, position by position: the look-behind checked here, and at each
    // position only the names that start with its character tried, in the pattern's order.
    int i = from;
    while (i < to) {
      Pattern names = byFirstChar.get(text.charAt(i));
      if (names != null && !joinsBefore(text, from, i)) {
        Matcher m = names.matcher(text).region(i, to);
        if (m.lookingAt()) {
          add(out, m);
          i = m.end();
          continue;
        }
      }
      i++;
    }
    return out;
  }

  /**
   * Every mention in {@code text} whatever its case ("china", "beijing"), as people write in chat;
   * a name that is also an English word in lower case ("us") counts only where {@code isName} says
   * so.
   */
  List<Mention> findAnyCase(String text, java.util.function.BiPredicate<String, Mention> isName) {
    List<Mention> out = new ArrayList<>();
    Matcher m = anyCase.matcher(text);
    while (m.find()) {
      int before = out.size();
      add(out, m);
      if (out.size() > before) {
        Mention found = out.getLast();
        boolean written = pattern.matcher(found.text()).matches();
        if (!written && !isName.test(text, found)) {
          out.removeLast();
        }
      }
    }
    return out;
  }

  /** {@link #find} with the one pattern of every name: what it must give. */
  List<Mention> findByPattern(String text, int from, int to) {
    List<Mention> out = new ArrayList<>();
    Matcher m = pattern.matcher(text).region(from, to);
    while (m.find()) {
      add(out, m);
    }
    return out;
  }

  private void add(List<Mention> out, Matcher m) {
    String iso = isoByName.get(BLANKS.matcher(m.group()).replaceAll(" ").toLowerCase(Locale.ROOT));
    if (iso != null) {
      out.add(new Mention(iso, m.group(), m.start(), m.end()));
    }
  }

  /**
   * Whether the character right before {@code at} (in the region from {@code from}) is a letter,
   * digit or period, as the pattern's one-character look-behind reads it: half of a character
   * beyond the BMP is neither.
   */
  private static boolean joinsBefore(String text, int from, int at) {
    if (at == from) {
      return false; // the region hides what is before it
    }
    char c = text.charAt(at - 1);
    if (c == '.' || Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
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
