package tradebot.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.config.ConfigFiles;
import tradebot.config.Vocabulary;
import tradebot.embed.Embedder;
import tradebot.facts.TariffCues;
import tradebot.facts.TariffTimeline;
import tradebot.index.IndexBuild;
import tradebot.index.IndexStore;
import tradebot.index.PassageIndex;
import tradebot.knowledge.Document;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadResult;

/**
 * Makes one corpus from the files: names their version before anything is ingested, then streams
 * the documents one by one into a new index (or, when the last good index on disk is of that
 * version, only collects what the corpus keeps of them: article summaries and tariff events), so
 * that no more than a window of documents is ever held. Used by {@link CorpusManager} on its
 * builder thread only.
 */
final class CorpusBuilder {
  private static final Logger log = LoggerFactory.getLogger(CorpusBuilder.class);

  private final Path knowledgeDir;
  private final Path configDir;
  private final IndexStore store;
  private final Clock clock;
  private final Embedder embedder;
  private final List<Consumer<ConfigFiles>> checks;

  /**
   * @param checks run on the config files before anything is ingested: one that throws refuses the
   *     build with its message (the rules other packages parse, such as the answer rules)
   */
  CorpusBuilder(
      Path knowledgeDir,
      Path configDir,
      IndexStore store,
      Clock clock,
      Embedder embedder,
      List<Consumer<ConfigFiles>> checks) {
    this.knowledgeDir = knowledgeDir;
    this.configDir = configDir;
    this.store = store;
    this.clock = clock;
    this.embedder = embedder;
    this.checks = checks;
  }

  /**
   * What the files held when they were read, and its index: the last good one reopened, or a new
   * one written but not yet committed. Close it to throw away what {@link #open} did not take.
   */
  static final class Loaded implements AutoCloseable {
    private final ConfigFiles config;
    private final Vocabulary vocabulary;
    private final LoadResult result;
    private final String version;
    private final List<Corpus.ArticleInfo> articles;
    private final List<Path> files;
    private final TariffTimeline tariffs;
    private PassageIndex index; // the reopened index, until taken
    private IndexBuild build; // the new index, until committed

    private Loaded(
        ConfigFiles config,
        Vocabulary vocabulary,
        LoadResult result,
        String version,
        List<Corpus.ArticleInfo> articles,
        List<Path> files,
        TariffTimeline tariffs,
        PassageIndex index,
        IndexBuild build) {
      this.config = config;
      this.vocabulary = vocabulary;
      this.result = result;
      this.version = version;
      this.articles = articles;
      this.files = files;
      this.tariffs = tariffs;
      this.index = index;
      this.build = build;
    }

    /** Errors, warnings; no documents (they streamed through). */
    LoadResult result() {
      return result;
    }

    /** The corpus version of what was read. */
    String version() {
      return version;
    }

    /** The articles that loaded, sorted by id. */
    List<Corpus.ArticleInfo> articles() {
      return articles;
    }

    /** The files the articles were read from. */
    List<Path> files() {
      return files;
    }

    private PassageIndex take() throws IOException {
      if (build != null) {
        IndexBuild b = build;
        build = null;
        return b.commit(version);
      }
      PassageIndex i = index;
      index = null;
      if (i == null) {
        throw new IllegalStateException("the index of " + version + " was already taken");
      }
      return i;
    }

    @Override
    public void close() throws IOException {
      try {
        if (index != null) {
          index.close();
          index = null;
        }
      } finally {
        if (build != null) {
          build.close();
          build = null;
        }
      }
    }
  }

  /** What the ingesting threads make of one document: all that the corpus and index keep. */
  private record Prepared(
      Corpus.ArticleInfo info,
      Path file,
      TariffTimeline.Extracted tariffs,
      IndexBuild.Prepared passages) {}

  /**
   * The version the files have now, from their paths and contents (not parsed), the config data
   * files and the index schema.
   */
  String version() throws IOException {
    return version(KnowledgeLoader.fingerprint(knowledgeDir), readConfig());
  }

  private ConfigFiles readConfig() {
    return ConfigFiles.read(configDir, ConfigFiles.RULE_BOOK);
  }

  /**
   * Reads and ingests the files, streaming their passages into a new index unless the last good
   * index is of {@code expected} (the {@link #version()} just computed) and opens: then it is
   * reused. When the files change while they are read, what was read is indexed under its own
   * version. A bad knowledge file is reported in the result, not thrown.
   *
   * @throws IllegalArgumentException when a config data file is broken
   */
  Loaded load(String expected) throws IOException {
    ConfigFiles config = readConfig();
    checks.forEach(check -> check.accept(config));
    Vocabulary vocabulary =
        Vocabulary.parse(
            config.required(ConfigFiles.VOCABULARY), config.path(ConfigFiles.VOCABULARY));
    Ingester ingester = Ingester.fromConfig(config);
    TariffCues cues = tariffCues(config);
    KnowledgeLoader loader = new KnowledgeLoader(ingester);
    PassageIndex reused = openCurrent(expected);
    while (true) {
      IndexBuild build = reused == null ? store.begin() : null;
      try {
        List<Corpus.ArticleInfo> infos = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        TariffTimeline.Builder tariffs = TariffTimeline.builder(vocabulary, cues);
        LoadResult result =
            loader.load(
                knowledgeDir,
                (Document d) ->
                    new Prepared(
                        new Corpus.ArticleInfo(
                            d.source(), d.passages().size(), d.figureCount(), d.article().hash()),
                        d.article().file(),
                        tariffs.extract(d),
                        build == null ? null : build.prepare(d.passages(), vectors(d))),
                p -> {
                  infos.add(p.info());
                  files.add(p.file());
                  tariffs.add(p.tariffs());
                  if (build != null) {
                    build.add(p.passages());
                  }
                });
        String version = version(result.version(), config);
        if (reused != null && !version.equals(expected)) {
          // A file changed while it was read: the reopened index is not of what was read.
          reused.close();
          reused = null;
          continue;
        }
        result.errors().forEach(e -> log.warn("skipped {}", e));
        result.warnings().forEach(w -> log.warn("{}", w));
        infos.sort(Comparator.comparing(a -> a.source().id()));
        return new Loaded(
            config, vocabulary, result, version, infos, files, tariffs.build(), reused, build);
      } catch (IOException | RuntimeException | Error e) {
        if (build != null) {
          build.close();
        }
        if (reused != null) {
          reused.close();
        }
        throw e;
      }
    }
  }

  /** The embeddings of a document's anchor sentences, one per passage. */
  private List<float[]> vectors(Document d) {
    return embedder.passages(d.passages().stream().map(p -> p.anchorSentence().text()).toList());
  }

  /** The corpus of {@code loaded}, its new index committed (and then made current). */
  Corpus open(Loaded loaded) throws IOException {
    PassageIndex index = loaded.take();
    return new Corpus(
        loaded.version(),
        clock.instant(),
        loaded.articles(),
        index,
        loaded.tariffs,
        loaded.vocabulary,
        loaded.config,
        loaded.result().errors(),
        loaded.result().warnings(),
        embedder);
  }

  /** The last good index when it is of {@code version} and opens; else null (build it). */
  private PassageIndex openCurrent(String version) {
    if (store.currentVersion().filter(version::equals).isPresent()) {
      try {
        PassageIndex index = store.openCurrent();
        log.info("index {} is built already: opening it", version);
        return index;
      } catch (IOException e) {
        log.warn(
            "index {} is unreadable ({}); rebuilding it from the knowledge files",
            version,
            e.getMessage());
      }
    }
    return null;
  }

  /** The tariff cues; without the file the tracker finds nothing, which is logged, not fatal. */
  private static TariffCues tariffCues(ConfigFiles config) {
    return config
        .bytes(ConfigFiles.TARIFFS)
        .map(bytes -> TariffCues.parse(bytes, config.path(ConfigFiles.TARIFFS)))
        .orElseGet(
            () -> {
              log.warn(
                  "{} is missing: the tariff tracker will find no tariff events",
                  config.path(ConfigFiles.TARIFFS));
              return TariffCues.empty();
            });
  }

  /** The corpus version: the knowledge files' digest and the config data files' content. */
  private String version(String knowledgeVersion, ConfigFiles config) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(knowledgeVersion.getBytes(StandardCharsets.UTF_8));
      for (String name : config.names()) {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update(config.required(name));
      }
      // Vectors of another model do not compare with this one's questions.
      md.update(embedder.model().getBytes(StandardCharsets.UTF_8));
      // The index layout itself: bump when the schema changes.
      md.update(IndexStore.SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
