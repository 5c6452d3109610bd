package tradebot.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What the corpus generator writes with: outlets, people, goods and sentence templates, read from
 * {@code tradebot/bench/newsroom.yaml} on the class path. Immutable.
 */
record Phrasebook(
    int edition,
    List<Outlet> outlets,
    List<String> furniture,
    List<String> agencies,
    List<String> photographers,
    List<String> reporters,
    List<String> editors,
    List<City> cities,
    List<String> ports,
    List<String> venues,
    List<String> summits,
    List<Official> usOfficials,
    List<Official> cnOfficials,
    List<Analyst> analysts,
    List<String> usGoods,
    List<String> cnGoods,
    List<Market> markets,
    List<String> agenciesUs,
    List<String> agenciesCn,
    List<String> topics,
    List<String> titles,
    List<String> leads,
    Map<String, List<String>> pools,
    List<String> questions) {

  /** A publication: its dateline, how it writes "percent", and its own page furniture. */
  record Outlet(
      String name, String host, String dateline, String percent, List<String> furniture) {}

  record City(String name, String country) {}

  /** An official who spoke for their side from {@code from} to {@code to} (years). */
  record Official(String name, String role, int from, int to) {
    boolean servedIn(int year) {
      return from <= year && year <= to;
    }
  }

  record Analyst(String name, String role) {}

  record Market(String name, String kind) {}

  static final String RESOURCE = "/tradebot/bench/newsroom.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The phrasebook shipped with the jar. */
  static Phrasebook standard() {
    try (InputStream in = Phrasebook.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      Phrasebook book = YAML.readValue(in, Phrasebook.class);
      book.check();
      return book;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private void check() {
    Map<String, List<?>> lists =
        Map.of(
            "outlets",
            outlets,
            "us_officials",
            usOfficials,
            "cn_officials",
            cnOfficials,
            "analysts",
            analysts,
            "titles",
            titles,
            "leads",
            leads,
            "questions",
            questions);
    lists.forEach(
        (name, list) -> {
          if (list == null || list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": '" + name + "' must not be empty");
          }
        });
    if (pools == null || pools.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": 'pools' must not be empty");
    }
    for (int year = CorpusGenerator.FIRST_YEAR; year <= CorpusGenerator.LAST_YEAR; year++) {
      int y = year;
      if (usOfficials.stream().noneMatch(o -> o.servedIn(y))
          || cnOfficials.stream().noneMatch(o -> o.servedIn(y))) {
        throw new IllegalStateException(RESOURCE + ": no US or Chinese official serves in " + year);
      }
    }
  }
}
