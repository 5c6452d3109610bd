package tradebot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The editable data files of the config directory as read once, byte for byte: what a corpus
 * version is hashed from is exactly what its rules are parsed from, however the files change
 * afterwards. A file that is not there is absent. Immutable.
 */
public final class ConfigFiles {
  /** Page furniture the ingestion pipeline cuts from articles. */
  public static final String BOILERPLATE = "boilerplate.yaml";

  /** Abbreviations after which a full stop does not end a sentence. */
  public static final String ABBREVIATIONS = "abbreviations.txt";

  /** Synonym groups and aliases of the question analyzer. */
  public static final String VOCABULARY = "vocabulary.yaml";

  /** Answer types, cue words and the answer builder's rules. */
  public static final String ANSWERS = "answers.yaml";

  /** The tariff reader's cue words. */
  public static final String TARIFFS = "tariffs.yaml";

  /** The ranker's and the decline decision's weights, written by {@code tradebot fit}. */
  public static final String RANKING = "ranking.yaml";

  /**
   * The rule book: every editable file of the config directory that shapes ingestion and answers,
   * hashed into the corpus version and read once per build.
   */
  public static final List<String> RULE_BOOK =
      List.of(BOILERPLATE, ABBREVIATIONS, VOCABULARY, ANSWERS, TARIFFS, RANKING);

  private final Path dir;
  private final Map<String, byte[]> contents;

  private ConfigFiles(Path dir, Map<String, byte[]> contents) {
    this.dir = dir;
    this.contents = contents;
  }

  /** Reads the regular files {@code names} of {@code dir}, in that order. */
  public static ConfigFiles read(Path dir, List<String> names) {
    Objects.requireNonNull(dir, "dir");
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String name : names) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          out.put(name, Files.readAllBytes(file));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return new ConfigFiles(dir, out);
  }

  /** The directory the files were read from. */
  public Path dir() {
    return dir;
  }

  /** The path of file {@code name} (whether or not it was there). */
  public Path path(String name) {
    return dir.resolve(name);
  }

  /** The names of the files that were there, in the order asked for. */
  public List<String> names() {
    return List.copyOf(contents.keySet());
  }

  /** The bytes of file {@code name} as read, or empty when it was not there. */
  public Optional<byte[]> bytes(String name) {
    byte[] b = contents.get(name);
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  /**
   * The bytes of file {@code name} as read.
   *
   * @throws ConfigException when it was not there
   */
  public byte[] required(String name) {
    return bytes(name)
        .orElseThrow(
            () -> new ConfigException(path(name).toString(), 0, "", "the file is missing"));
  }

  /**
   * A YAML file that Jackson could not read or map, as a {@link ConfigException} at the line
   * Jackson names, with the key path it was in ("messages.bogus") and Jackson's message on one
   * line, without the echo of the file Jackson appends.
   */
  public static ConfigException yamlError(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String key = "";
    if (e instanceof JsonMappingException m) {
      key =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String message = e.getOriginalMessage().lines().findFirst().orElse("").strip();
    return new ConfigException(
        file.toString(),
        at == null ? 0 : at.getLineNr(),
        key,
        (key.isEmpty() ? "" : key + ": ") + message);
  }
}
