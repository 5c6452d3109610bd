package tradebot.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The domain vocabulary moderators edit in {@code config/vocabulary.yaml}: synonym sets, name
 * aliases, common misspellings, countries and the words a question is made of but which say nothing
 * about its topic. Immutable and thread-safe; a reload makes a new one.
 *
 * @param synonyms sets of interchangeable words or phrases ("tariff", "duty", "levy")
 * @param aliases sets of names for one person or body ("Xi", "Xi Jinping", "President Xi")
 * @param misspellings wrong spelling to right one, lower case
 * @param countries ISO code ("US", "CN", or another) to the names that stand for that country
 * @param questionWords words that frame a question and carry no topic ("what", "tell", "now")
 * @param offTopic words that mark a question as outside trade policy even when it shares words with
 *     the articles ("weather", "recipe")
 */
public record Vocabulary(
    List<List<String>> synonyms,
    List<List<String>> aliases,
    Map<String, String> misspellings,
    Map<String, List<String>> countries,
    Set<String> questionWords,
    Set<String> offTopic) {

  public Vocabulary {
    synonyms = deepCopy(synonyms, "synonyms");
    aliases = deepCopy(aliases, "aliases");
    misspellings = lowerKeys(misspellings);
    countries = Map.copyOf(new LinkedHashMap<>(countries));
    questionWords = lower(questionWords);
    offTopic = lower(offTopic);
  }

  /** An empty vocabulary: no synonyms, no aliases. */
  public static Vocabulary empty() {
    return new Vocabulary(List.of(), List.of(), Map.of(), Map.of(), Set.of(), Set.of());
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static Vocabulary load(Path file) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      File raw = yaml.readValue(Files.readAllBytes(file), File.class);
      return new Vocabulary(
          orEmpty(raw.synonyms()),
          orEmpty(raw.aliases()),
          raw.misspellings() == null ? Map.of() : raw.misspellings(),
          raw.countries() == null ? Map.of() : raw.countries(),
          raw.questionWords() == null ? Set.of() : raw.questionWords(),
          raw.offTopic() == null ? Set.of() : raw.offTopic());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every word or phrase of {@code group} lists (synonyms then aliases) that contain {@code word}.
   */
  public List<String> expansions(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (List<List<String>> lists : List.of(synonyms, aliases)) {
      for (List<String> set : lists) {
        if (set.stream().anyMatch(s -> s.equalsIgnoreCase(w))) {
          for (String s : set) {
            if (!out.contains(s)) {
              out.add(s);
            }
          }
        }
      }
    }
    return out;
  }

  /** The ISO code of the country {@code name} stands for ("Beijing" gives "CN"), or null. */
  public String countryOf(String name) {
    for (Map.Entry<String, List<String>> e : countries.entrySet()) {
      for (String n : e.getValue()) {
        if (n.equalsIgnoreCase(name)) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  private record File(
      List<List<String>> synonyms,
      List<List<String>> aliases,
      Map<String, String> misspellings,
      Map<String, List<String>> countries,
      Set<String> questionWords,
      Set<String> offTopic) {}

  private static List<List<String>> orEmpty(List<List<String>> lists) {
    return lists == null ? List.of() : lists;
  }

  private static List<List<String>> deepCopy(List<List<String>> lists, String what) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> set : lists) {
      if (set == null || set.size() < 2) {
        throw new IllegalArgumentException(what + " entry needs at least two words: " + set);
      }
      out.add(List.copyOf(set));
    }
    return List.copyOf(out);
  }

  private static Map<String, String> lowerKeys(Map<String, String> map) {
    Map<String, String> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT)));
    return Map.copyOf(out);
  }

  private static Set<String> lower(Set<String> words) {
    return Set.copyOf(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
  }
}
