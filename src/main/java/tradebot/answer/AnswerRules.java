package tradebot.answer;

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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tradebot.config.ConfigException;
import tradebot.config.ConfigFiles;
import tradebot.knowledge.Figure;

/**
 * How questions are read and answers worded, from {@code config/answers.yaml}: question-type
 * patterns, figure cue words, recency words, lead templates and messages. Immutable and
 * thread-safe.
 */
record AnswerRules(
    List<TypeRule> types,
    Set<String> howFrames,
    Set<String> quoteFrames,
    Map<Figure.Kind, Set<String>> figureCues,
    List<String> recency,
    Map<QuestionType, String> leads,
    Map<String, String> messages,
    boolean englishSynonyms) {

  /** A question type and the patterns that mark it; the first rule that matches wins. */
  record TypeRule(QuestionType type, List<Pattern> patterns) {}

  AnswerRules {
    types = List.copyOf(types);
    howFrames = Set.copyOf(howFrames);
    quoteFrames = Set.copyOf(quoteFrames);
    figureCues = Map.copyOf(figureCues);
    recency = List.copyOf(recency);
    leads = Map.copyOf(leads);
    messages = Map.copyOf(messages);
    for (String key : List.of("decline", "empty", "no_sources", "shortened", "before_record")) {
      if (!messages.containsKey(key)) {
        throw new IllegalArgumentException("messages." + key + " is missing");
      }
    }
  }

  private record File(
      LinkedHashMap<String, List<String>> types,
      List<String> howFrames,
      List<String> quoteFrames,
      Map<String, List<String>> figureCues,
      List<String> recency,
      Map<String, String> leads,
      Map<String, String> messages,
      Boolean englishSynonyms) {}

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file and the bad entry
   */
  static AnswerRules load(Path file) {
    try {
      return parse(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code yaml}, the contents of {@code file}.
   *
   * @throws ConfigException naming the file, line and key of what is wrong
   */
  static AnswerRules parse(byte[] yaml, Path file) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    File raw;
    try {
      raw = mapper.readValue(yaml, File.class);
    } catch (IOException e) {
      throw e instanceof JsonProcessingException j
          ? ConfigFiles.yamlError(file, j)
          : new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (raw == null) {
      throw ConfigException.of(file, "the file is empty");
    }
    try {
      List<TypeRule> types = new ArrayList<>();
      raw.types()
          .forEach(
              (name, patterns) -> types.add(new TypeRule(type(name), compile(name, patterns))));
      Map<Figure.Kind, Set<String>> cues = new EnumMap<>(Figure.Kind.class);
      raw.figureCues()
          .forEach(
              (name, words) ->
                  cues.put(
                      Figure.Kind.valueOf(name.toUpperCase(Locale.ROOT)),
                      Set.copyOf(lower(words))));
      Map<QuestionType, String> leads = new EnumMap<>(QuestionType.class);
      raw.leads().forEach((name, template) -> leads.put(type(name), template));
      for (QuestionType t : QuestionType.values()) {
        if (!leads.containsKey(t)) {
          throw new IllegalArgumentException("leads." + t.label() + " is missing");
        }
      }
      return new AnswerRules(
          types,
          Set.copyOf(lower(raw.howFrames())),
          Set.copyOf(lower(raw.quoteFrames())),
          cues,
          lower(raw.recency()),
          leads,
          raw.messages(),
          raw.englishSynonyms() == null || raw.englishSynonyms());
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw ConfigException.of(file, e.getMessage());
    } catch (NullPointerException e) {
      throw ConfigException.of(file, "types, figure_cues, leads and messages are all required");
    }
  }

  String message(String key) {
    return messages.get(key);
  }

  private static QuestionType type(String name) {
    try {
      return QuestionType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown question type: " + name);
    }
  }

  private static List<Pattern> compile(String type, List<String> patterns) {
    List<Pattern> out = new ArrayList<>();
    for (String p : patterns) {
      try {
        out.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "types." + type + " has a bad pattern " + p + ": " + e.getDescription());
      }
    }
    return out;
  }

  private static List<String> lower(List<String> words) {
    return words == null ? List.of() : words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }
}
