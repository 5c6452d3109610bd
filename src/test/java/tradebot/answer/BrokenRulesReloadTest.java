package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.index.IndexStore;

/**
 * The answer rules and weights are part of the corpus they were hashed into: a reload whose
 * answers.yaml or ranking.yaml does not parse is refused with the file and line, and the corpus
 * serving keeps answering with the rules it was built with.
 */
class BrokenRulesReloadTest {
  @TempDir Path tmp;

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** A corpus manager over copies of the seeds and the shipped config, in {@link #config}. */
  private CorpusManager corpora() throws IOException {
    Path knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    config = copy(Path.of("config"), tmp.resolve("config"));
    return new CorpusManager(knowledge, config, IndexStore.inMemory(), Clock.systemUTC());
  }

  private Path config;

  @Test
  void aReloadWithBrokenAnswerRulesFailsNamingTheLineAndTheOldCorpusKeepsAnswering()
      throws Exception {
    try (CorpusManager corpora = corpora()) {
      AnswerService answers = new AnswerService(corpora, TradebotConfig.Answer.DEFAULTS);
      ReloadReport first = corpora.start();
      long lines = Files.readAllLines(config.resolve("answers.yaml")).size();
      append(config.resolve("answers.yaml"), "  bogus: [unclosed\n");

      ReloadReport r = corpora.reload("mod", "test").get(60, TimeUnit.SECONDS);

      assertEquals(ReloadReport.Outcome.FAILED, r.outcome());
      assertEquals(first.version(), r.version());
      assertTrue(
          r.message().contains(config.resolve("answers.yaml") + ":" + (lines + 1) + ": "),
          r.message());
      assertTrue(r.message().contains("messages.bogus"), r.message());
      assertTrue(r.message().lines().count() == 1, r.message());
      assertInstanceOf(Answer.Answered.class, answers.ask("Who led the US delegation?"));
    }
  }

  @Test
  void aReloadWithAnUnknownWeightFailsNamingTheFileAndTheOldCorpusKeepsAnswering()
      throws Exception {
    try (CorpusManager corpora = corpora()) {
      AnswerService answers = new AnswerService(corpora, TradebotConfig.Answer.DEFAULTS);
      ReloadReport first = corpora.start();
      Path ranking = config.resolve("ranking.yaml");
      Files.writeString(ranking, Files.readString(ranking).replace("  cosine: ", "  cosinus: "));

      ReloadReport r = corpora.reload("mod", "test").get(60, TimeUnit.SECONDS);

      assertEquals(ReloadReport.Outcome.FAILED, r.outcome());
      assertEquals(first.version(), r.version());
      assertTrue(r.message().contains(ranking + ": unknown feature 'rank.cosinus'"), r.message());
      assertInstanceOf(Answer.Answered.class, answers.ask("Who led the US delegation?"));
    }
  }
}
