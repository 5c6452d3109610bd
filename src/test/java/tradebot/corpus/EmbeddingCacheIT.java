package tradebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.embed.Embedder;
import tradebot.embed.Embedders;
import tradebot.index.IndexStore;

/** Passage vectors are cached by text on disk: a reload or a restart embeds only new sentences. */
class EmbeddingCacheIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  private static void copySeeds(Path dir) throws Exception {
    for (Path seed : Files.list(Path.of("knowledge")).toList()) {
      Files.copy(seed, dir.resolve(seed.getFileName()));
    }
  }

  @Test
  void reloadingAfterOneChangedArticleEmbedsOnlyItsNewSentences(@TempDir Path tmp)
      throws Exception {
    Path kb = Files.createDirectories(tmp.resolve("knowledge"));
    copySeeds(kb);
    Embedder embedder = Embedders.onDisk(tmp.resolve("data"));
    try (CorpusManager corpora =
        new CorpusManager(
            kb, Path.of("config"), IndexStore.onDisk(tmp.resolve("data")), CLOCK, embedder)) {
      corpora.start();
      long first;
      int passages;
      try (CorpusManager.Lease lease = corpora.acquire()) {
        passages = lease.corpus().articles().stream().mapToInt(Corpus.ArticleInfo::passages).sum();
      }
      first = embedder.embedded();
      // Every anchor sentence once (a sentence said twice in the seeds is embedded once).
      org.junit.jupiter.api.Assertions.assertTrue(
          first > 0 && first <= passages, first + " of " + passages);

      Path cnn = kb.resolve("2019-05-10-cnn-talks-end-without-deal.txt");
      Files.writeString(
          cnn,
          Files.readString(cnn)
              + "\n\nA new paragraph about soybean shipments was added today. It has two"
              + " sentences.\n");
      corpora.reload("test", "test").get();
      assertEquals(2, embedder.embedded() - first);
    }
  }

  @Test
  void aRestartReadsTheVectorsBackAndEmbedsNothing(@TempDir Path tmp) throws Exception {
    Path kb = Files.createDirectories(tmp.resolve("knowledge"));
    copySeeds(kb);
    Path data = tmp.resolve("data");
    try (CorpusManager corpora =
        new CorpusManager(
            kb, Path.of("config"), IndexStore.inMemory(), CLOCK, Embedders.onDisk(data))) {
      corpora.start();
    }
    // A second process's cache over the same file: a fresh reader of what the first wrote.
    Embedder again = Embedders.reopen(data);
    try (CorpusManager corpora =
        new CorpusManager(kb, Path.of("config"), IndexStore.inMemory(), CLOCK, again)) {
      corpora.start();
      assertEquals(0, again.embedded());
    }
  }
}
