package tradebot.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.config.Vocabulary;
import tradebot.facts.TariffCues;
import tradebot.facts.TariffTimeline;
import tradebot.index.IndexStore;
import tradebot.index.PassageIndex;
import tradebot.knowledge.BoilerplateCleaner;
import tradebot.knowledge.Document;
import tradebot.knowledge.FigureExtractor;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadResult;
import tradebot.knowledge.Passage;
import tradebot.knowledge.SentenceSplitter;

/**
 * Makes one corpus from the files: reads the config data files and the knowledge files, then opens
 * the index of that version when it is the last good one on disk, or builds it. Used by {@link
 * CorpusManager} on its builder thread only.
 */
final class CorpusBuilder {
  private static final Logger log = LoggerFactory.getLogger(CorpusBuilder.class);

  /** What the files hold now, before any index is touched. */
  record Loaded(Vocabulary vocabulary, LoadResult result, String version) {}

  private final Path knowledgeDir;
  private final Path configDir;
  private final IndexStore store;
  private final Clock clock;

  CorpusBuilder(Path knowledgeDir, Path configDir, IndexStore store, Clock clock) {
    this.knowledgeDir = knowledgeDir;
    this.configDir = configDir;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Reads the files; a bad knowledge file is reported in the result, not thrown.
   *
   * @throws IllegalArgumentException when a config data file is broken
   */
  Loaded load() throws IOException {
    Vocabulary vocabulary = Vocabulary.load(configDir.resolve("vocabulary.yaml"));
    Ingester ingester =
        new Ingester(
            BoilerplateCleaner.fromFile(configDir.resolve("boilerplate.yaml")),
            SentenceSplitter.fromFile(configDir.resolve("abbreviations.txt")),
            new FigureExtractor());
    LoadResult loaded = new KnowledgeLoader(ingester).load(knowledgeDir);
    loaded.errors().forEach(e -> log.warn("skipped {}", e));
    loaded.warnings().forEach(w -> log.warn("{}", w));
    return new Loaded(vocabulary, loaded, version(loaded.version()));
  }

  /** The corpus of {@code loaded}, its index opened or built (and then made current). */
  Corpus open(Loaded loaded) throws IOException {
    List<Document> documents = loaded.result().documents();
    PassageIndex index = openOrBuild(loaded.version(), documents);
    TariffTimeline tariffs =
        TariffTimeline.build(
            documents, loaded.vocabulary(), tariffCues(configDir.resolve("tariffs.yaml")));
    List<Corpus.ArticleInfo> infos = new ArrayList<>();
    for (Document d : documents) {
      infos.add(
          new Corpus.ArticleInfo(
              d.source(), d.passages().size(), d.figureCount(), d.article().hash()));
    }
    return new Corpus(
        loaded.version(),
        clock.instant(),
        infos,
        index,
        tariffs,
        loaded.vocabulary(),
        loaded.result().errors(),
        loaded.result().warnings());
  }

  private PassageIndex openOrBuild(String version, List<Document> documents) throws IOException {
    if (store.currentVersion().filter(version::equals).isPresent()) {
      try {
        return store.openCurrent();
      } catch (IOException e) {
        log.warn(
            "index {} is unreadable ({}); rebuilding it from the knowledge files",
            version,
            e.getMessage());
      }
    }
    List<Passage> passages = documents.stream().flatMap(d -> d.passages().stream()).toList();
    return store.build(version, passages);
  }

  /** The tariff cues; without the file the tracker finds nothing, which is logged, not fatal. */
  private static TariffCues tariffCues(Path file) {
    if (!Files.isRegularFile(file)) {
      log.warn("{} is missing: the tariff tracker will find no tariff events", file);
      return TariffCues.empty();
    }
    return TariffCues.load(file);
  }

  /** The corpus version: the knowledge files' digest and the config data files' content. */
  private String version(String knowledgeVersion) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(knowledgeVersion.getBytes(StandardCharsets.UTF_8));
      for (String name : CorpusManager.DATA_FILES) {
        Path file = configDir.resolve(name);
        if (Files.isRegularFile(file)) {
          md.update(name.getBytes(StandardCharsets.UTF_8));
          md.update(Files.readAllBytes(file));
        }
      }
      // The index layout itself: bump when the schema changes.
      md.update(IndexStore.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
