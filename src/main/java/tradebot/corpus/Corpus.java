package tradebot.corpus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import tradebot.config.ConfigFiles;
import tradebot.config.Vocabulary;
import tradebot.embed.Embedder;
import tradebot.facts.TariffTimeline;
import tradebot.index.PassageIndex;
import tradebot.knowledge.LoadError;
import tradebot.knowledge.Source;

/**
 * One consistent generation of the knowledge base: the articles, their passage index, the tariff
 * timeline and the vocabulary that were loaded together. A question is answered wholly from one
 * corpus. Thread-safe; reference counted by {@link CorpusManager}, which closes the index when the
 * corpus has been replaced and the last reader has let go.
 */
public final class Corpus {
  /** What the bot knows about one loaded article. */
  public record ArticleInfo(Source source, int passages, int figures, String hash) {}

  private final String version;
  private final Instant loadedAt;
  private final List<ArticleInfo> articles;
  private final PassageIndex index;
  private final TariffTimeline tariffs;
  private final Vocabulary vocabulary;
  private final ConfigFiles config;
  private final List<LoadError> errors;
  private final List<String> warnings;
  private final Embedder embedder;
  private final AtomicInteger refs = new AtomicInteger(1); // the manager's own reference
  private volatile Runnable onClose = () -> {};

  Corpus(
      String version,
      Instant loadedAt,
      List<ArticleInfo> articles,
      PassageIndex index,
      TariffTimeline tariffs,
      Vocabulary vocabulary,
      ConfigFiles config,
      List<LoadError> errors,
      List<String> warnings,
      Embedder embedder) {
    this.version = Objects.requireNonNull(version, "version");
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.articles = List.copyOf(articles);
    this.index = Objects.requireNonNull(index, "index");
    this.tariffs = Objects.requireNonNull(tariffs, "tariffs");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.config = Objects.requireNonNull(config, "config");
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
    this.embedder = Objects.requireNonNull(embedder, "embedder");
  }

  /**
   * The config data files as this corpus was built from them and its version hashed: the one rule
   * book every stage of this generation reads, whatever the files on disk say since.
   */
  public ConfigFiles config() {
    return config;
  }

  /** The model that embedded this corpus's sentences: questions must be embedded by it too. */
  public Embedder embedder() {
    return embedder;
  }

  /** A short hash of the knowledge files and the config that shaped this corpus. */
  public String version() {
    return version;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /** Loaded articles, sorted by id. */
  public List<ArticleInfo> articles() {
    return articles;
  }

  public PassageIndex index() {
    return index;
  }

  public TariffTimeline tariffs() {
    return tariffs;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Files skipped at load, each with why. */
  public List<LoadError> errors() {
    return errors;
  }

  public List<String> warnings() {
    return warnings;
  }

  public boolean isEmpty() {
    return articles.isEmpty();
  }

  /** Number of passages over all articles. */
  public int passageCount() {
    return articles.stream().mapToInt(ArticleInfo::passages).sum();
  }

  /** Number of figures over all articles. */
  public int figureCount() {
    return articles.stream().mapToInt(ArticleInfo::figures).sum();
  }

  boolean retain() {
    while (true) {
      int n = refs.get();
      if (n <= 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      try {
        index.close();
      } finally {
        onClose.run();
      }
    }
  }

  /** Runs {@code action} once the index is closed (after the last reader let go). */
  void onClose(Runnable action) {
    this.onClose = action;
  }

  /** Reference count, for tests that check nothing leaks. */
  int references() {
    return refs.get();
  }
}
