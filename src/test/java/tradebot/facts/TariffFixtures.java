package tradebot.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tradebot.config.Vocabulary;
import tradebot.knowledge.Document;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadResult;
import tradebot.knowledge.Source;

/** The project's own config files and small articles written for the tariff tests. */
final class TariffFixtures {
  static final Path CONFIG = Path.of("config");
  static final Vocabulary VOCABULARY = Vocabulary.load(CONFIG.resolve("vocabulary.yaml"));
  static final TariffCues CUES = TariffCues.load(CONFIG.resolve("tariffs.yaml"));

  private TariffFixtures() {}

  static Source source(String id, String outlet, LocalDate published) {
    return new Source(id, "Title of " + id, outlet, published, null, null);
  }

  static Clock clockAt(LocalDate day) {
    return Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  /** Loads a knowledge directory the way the corpus does. */
  static List<Document> load(Path dir) {
    try {
      Ingester ingester = Ingester.fromConfig(CONFIG);
      LoadResult r = new KnowledgeLoader(ingester).load(dir);
      if (!r.errors().isEmpty()) {
        throw new IllegalStateException("test articles did not load: " + r.errors());
      }
      return r.documents();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an article with front matter into {@code dir}. */
  static void article(Path dir, String id, String outlet, String published, String... paragraphs) {
    List<String> lines = new ArrayList<>();
    lines.add("---");
    lines.add("id: " + id);
    lines.add("title: \"Title of " + id + "\"");
    lines.add("outlet: \"" + outlet + "\"");
    lines.add("published: " + published);
    lines.add("---");
    for (String p : paragraphs) {
      lines.add(p);
      lines.add("");
    }
    try {
      Files.write(dir.resolve(id + ".txt"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the seed articles of {@code knowledge/} into {@code dir}. */
  static void copySeeds(Path dir) {
    try (var files = Files.list(Path.of("knowledge"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes two articles into {@code dir}: US on China 125% from April 2025, and an additional 100%
   * announced on 2025-10-10 for November 1.
   */
  static void guardian125ThenCnbcAnother100FromNovember1(Path dir) {
    article(
        dir,
        "a",
        "Guardian",
        "2025-04-09",
        "Donald Trump has raised tariffs on Chinese imports to 125%.");
    article(
        dir,
        "b",
        "CNBC",
        "2025-10-10",
        "President Donald Trump said Friday that the U.S. will impose an additional 100% tariff on"
            + " imports from China starting Nov. 1, on top of any tariff they are currently paying.");
  }
}
