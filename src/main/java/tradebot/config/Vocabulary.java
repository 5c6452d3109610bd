package tradebot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
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
public final class Vocabulary {
  private final List<List<String>> synonyms;
  private final List<List<String>> aliases;
  private final Map<String, String> misspellings;
  private final Map<String, List<String>> countries;
  private final Set<String> questionWords;
  private final Set<String> offTopic;
  private final Index index;

  public Vocabulary(
      List<List<String>> synonyms,
      List<List<String>> aliases,
      Map<String, String> misspellings,
      Map<String, List<String>> countries,
      Set<String> questionWords,
      Set<String> offTopic) {
    this.synonyms = deepCopy(synonyms, "synonyms");
    this.aliases = deepCopy(aliases, "aliases");
    this.misspellings = lowerKeys(misspellings);
    this.countries = Map.copyOf(new LinkedHashMap<>(countries));
    this.questionWords = lower(questionWords);
    this.offTopic = lower(offTopic);
    this.index = buildIndex();
  }

  public List<List<String>> synonyms() {
    return synonyms;
  }

  public List<List<String>> aliases() {
    return aliases;
  }

  public Map<String, String> misspellings() {
    return misspellings;
  }

  public Map<String, List<String>> countries() {
    return countries;
  }

  public Set<String> questionWords() {
    return questionWords;
  }

  public Set<String> offTopic() {
    return offTopic;
  }

  /**
   * Lookups derived from the lists, computed once per vocabulary: questions are read thousands of
   * times a second and the lists are walked for every word otherwise.
   */
  private record Index(
      Map<String, List<String>> expansions,
      Map<String, String> countries,
      Map<String, List<List<String>>> phrasesByFirstWord,
      Set<String> aliases) {}

  private Index index() {
    return index;
  }

  private Index buildIndex() {
    {
      Map<String, List<String>> expansions = new HashMap<>();
      Map<String, List<List<String>>> phrases = new HashMap<>();
      for (List<List<String>> lists : List.of(synonyms, aliases)) {
        for (List<String> set : lists) {
          for (String word : set) {
            List<String> out = expansions.computeIfAbsent(fold(word), k -> new ArrayList<>());
            for (String s : set) {
              if (!out.contains(s)) {
                out.add(s);
              }
            }
            String[] words = word.toLowerCase(Locale.ROOT).split(" ");
            if (words.length > 1) {
              phrases.computeIfAbsent(words[0], k -> new ArrayList<>()).add(List.of(words));
            }
          }
        }
      }
      Map<String, String> byName = new HashMap<>();
      countries.forEach((code, names) -> names.forEach(n -> byName.putIfAbsent(fold(n), code)));
      Set<String> aliasNames = new java.util.HashSet<>();
      aliases.forEach(set -> set.forEach(a -> aliasNames.add(fold(a))));
      return new Index(
          Map.copyOf(expansions), Map.copyOf(byName), Map.copyOf(phrases), Set.copyOf(aliasNames));
    }
  }

  /**
   * The phrases of several words (from synonyms and aliases) that start with {@code firstWord},
   * lower case, split in words.
   */
  public List<List<String>> phrasesStartingWith(String firstWord) {
    return index().phrasesByFirstWord().getOrDefault(firstWord.toLowerCase(Locale.ROOT), List.of());
  }

  /** Whether {@code name} is one of the aliases (a person's or body's name). */
  public boolean isAlias(String name) {
    return index().aliases().contains(fold(name));
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
    try {
      return parse(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code yaml}, the contents of {@code file}.
   *
   * @throws ConfigException naming the file, line and key of what is wrong
   */
  public static Vocabulary parse(byte[] yaml, Path file) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      File raw = mapper.readValue(yaml, File.class);
      return new Vocabulary(
          orEmpty(raw.synonyms()),
          orEmpty(raw.aliases()),
          raw.misspellings() == null ? Map.of() : raw.misspellings(),
          raw.countries() == null ? Map.of() : raw.countries(),
          raw.questionWords() == null ? Set.of() : raw.questionWords(),
          raw.offTopic() == null ? Set.of() : raw.offTopic());
    } catch (JsonProcessingException e) {
      throw ConfigFiles.yamlError(file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vocabulary " + file + ": " + e.getMessage(), e);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(file, e.getMessage());
    }
  }

  /**
   * Every word or phrase of the synonym and alias sets that contain {@code word}, in file order.
   */
  public List<String> expansions(String word) {
    return index().expansions().getOrDefault(fold(word), List.of());
  }

  /** The ISO code of the country {@code name} stands for ("Beijing" gives "CN"), or null. */
  public String countryOf(String name) {
    return index().countries().get(fold(name));
  }

  /** Case and periods do not tell words apart here: "U.S" is "U.S." is "us". */
  private static String fold(String word) {
    return word.toLowerCase(Locale.ROOT).replace(".", "");
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
