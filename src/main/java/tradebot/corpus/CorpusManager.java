package tradebot.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.config.Vocabulary;
import tradebot.facts.TariffTimeline;
import tradebot.index.IndexBuild;
import tradebot.index.IndexStore;
import tradebot.index.PassageIndex;
import tradebot.knowledge.BoilerplateCleaner;
import tradebot.knowledge.Document;
import tradebot.knowledge.FigureExtractor;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadResult;
import tradebot.knowledge.SentenceSplitter;

/**
 * Holds the corpus that serves and replaces it on reload: a new corpus is built in the background
 * from the knowledge files and the config, validated, and swapped in atomically; questions in
 * flight finish on the corpus they started with. Concurrent reload requests coalesce into one
 * build. A failed or refused build leaves the old corpus serving. Thread-safe.
 */
public final class CorpusManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CorpusManager.class);
  private static final Logger audit = LoggerFactory.getLogger("tradebot.audit");

  /** The editable files under the config directory that shape ingestion and answers. */
  public static final List<String> DATA_FILES =
      List.of("boilerplate.yaml", "abbreviations.txt", "vocabulary.yaml", "answers.yaml");

  private final Path knowledgeDir;
  private final Path configDir;
  private final IndexStore store;
  private final Clock clock;
  private final AtomicReference<Corpus> current = new AtomicReference<>();
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "corpus-builder");
            t.setDaemon(true);
            return t;
          });
  private final Object lock = new Object();
  private CompletableFuture<ReloadReport> pending; // queued, not started: joins new requests

  public CorpusManager(Path knowledgeDir, Path configDir, IndexStore store, Clock clock) {
    this.knowledgeDir = Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    this.configDir = Objects.requireNonNull(configDir, "configDir");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A corpus held for the length of one question: close it when done. */
  public static final class Lease implements AutoCloseable {
    private final Corpus corpus;
    private boolean closed;

    private Lease(Corpus corpus) {
      this.corpus = corpus;
    }

    public Corpus corpus() {
      return corpus;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        corpus.release();
      }
    }
  }

  /**
   * Loads the knowledge base the first time: opens the last good index when it matches the files,
   * builds it otherwise. An empty knowledge directory gives an empty corpus and a warning.
   *
   * @throws IllegalStateException when the config files are broken or the index cannot be built
   */
  public ReloadReport start() {
    ReloadReport report = build("startup", "start", true);
    if (!report.ok()) {
      throw new IllegalStateException("cannot load the knowledge base: " + report.message());
    }
    return report;
  }

  /** Whether a corpus is serving. */
  public boolean ready() {
    return current.get() != null;
  }

  /**
   * Holds the serving corpus for one question.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public Lease acquire() {
    while (true) {
      Corpus c = current.get();
      if (c == null) {
        throw new IllegalStateException("the knowledge base is not loaded yet");
      }
      if (c.retain()) {
        return new Lease(c);
      }
      // Replaced and closed between get() and retain(): read the new one.
    }
  }

  /**
   * Rebuilds from the files in the background and swaps the result in. Requests that arrive while
   * one is queued share it.
   *
   * @param who the user asking, for the audit line
   * @param via the channel it came through ("discord", "api", "watch", ...)
   */
  public CompletableFuture<ReloadReport> reload(String who, String via) {
    synchronized (lock) {
      if (pending != null) {
        return pending;
      }
      CompletableFuture<ReloadReport> next = new CompletableFuture<>();
      pending = next;
      builder.execute(
          () -> {
            synchronized (lock) {
              pending = null; // from now on, a new request needs a new build
            }
            try {
              next.complete(build(who, via, false));
            } catch (RuntimeException | Error e) {
              next.completeExceptionally(e);
            }
          });
      return next;
    }
  }

  private ReloadReport build(String who, String via, boolean startup) {
    long t0 = System.nanoTime();
    Corpus old = current.get();
    ReloadReport report;
    try {
      report = buildAndSwap(old, startup, t0);
    } catch (IOException | RuntimeException e) {
      log.error("knowledge base build failed; the old index keeps serving", e);
      report = failure(old, ReloadReport.Outcome.FAILED, "build failed: " + e.getMessage(), List.of(), t0);
    }
    audit.info(
        "reload by={} via={} outcome={} version={} articles={} errors={} took_ms={}",
        who,
        via,
        report.outcome(),
        report.version(),
        report.articles(),
        report.errors().size(),
        report.took().toMillis());
    return report;
  }

  private ReloadReport buildAndSwap(Corpus old, boolean startup, long t0) throws IOException {
    Vocabulary vocabulary = Vocabulary.load(configDir.resolve("vocabulary.yaml"));
    Ingester ingester =
        new Ingester(
            BoilerplateCleaner.fromFile(configDir.resolve("boilerplate.yaml")),
            SentenceSplitter.fromFile(configDir.resolve("abbreviations.txt")),
            new FigureExtractor());
    // The files name the version before anything is ingested: nothing changed, nothing to do.
    String version = version(KnowledgeLoader.fingerprint(knowledgeDir));
    if (old != null && old.version().equals(version)) {
      LoadResult same = new LoadResult(List.of(), old.errors(), old.warnings(), version);
      return report(ReloadReport.Outcome.UNCHANGED, old, old, same, "nothing changed", t0);
    }
    // Documents stream through: each one's passages go to the index build, its summary and
    // tariff events are kept, the rest is dropped, so a large knowledge base fits a small heap.
    List<Corpus.ArticleInfo> infos = new ArrayList<>();
    TariffTimeline.Builder tariffs = TariffTimeline.builder(vocabulary);
    Consumer<Document> keep =
        d -> {
          infos.add(new Corpus.ArticleInfo(d.source(), d.passages().size(), d.figureCount(), d.article().hash()));
          tariffs.add(d);
        };
    KnowledgeLoader loader = new KnowledgeLoader(ingester);
    PassageIndex index = openCurrent(version);
    LoadResult loaded;
    if (index != null) {
      loaded = loader.load(knowledgeDir, keep);
    } else {
      try (IndexBuild build = store.begin()) {
        try {
          loaded = loader.load(knowledgeDir, keep.andThen(d -> add(build, d)));
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        if (!infos.isEmpty() || startup) {
          index = build.commit(version);
        }
      }
    }
    loaded.errors().forEach(e -> log.warn("skipped {}", e));
    loaded.warnings().forEach(w -> log.warn("{}", w));
    if (infos.isEmpty() && !startup) {
      if (index != null) {
        index.close();
      }
      return failure(
          old,
          ReloadReport.Outcome.REFUSED,
          "no articles could be loaded from " + knowledgeDir + "; the old index keeps serving",
          loaded.errors(),
          t0);
    }
    infos.sort(Comparator.comparing(a -> a.source().id()));
    Corpus next =
        new Corpus(version, clock.instant(), infos, index, tariffs.build(), vocabulary, loaded.errors(), loaded.warnings());
    Corpus replaced = current.getAndSet(next);
    if (replaced != null) {
      replaced.release(); // closes once the last question on it is done
    }
    store.prune(version);
    return report(ReloadReport.Outcome.SWAPPED, old, next, loaded, "loaded", t0);
  }

  private static void add(IndexBuild build, Document d) {
    try {
      build.addAll(d.passages());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last good index when it is of {@code version} and opens; else null (build it). */
  private PassageIndex openCurrent(String version) {
    if (store.currentVersion().filter(version::equals).isPresent()) {
      try {
        return store.openCurrent();
      } catch (IOException e) {
        log.warn("index {} is unreadable ({}); rebuilding it from the knowledge files", version, e.getMessage());
      }
    }
    return null;
  }

  /** The corpus version: the knowledge files' digest and the config data files' content. */
  private String version(String knowledgeVersion) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(knowledgeVersion.getBytes(StandardCharsets.UTF_8));
      for (String name : DATA_FILES) {
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

  private ReloadReport report(
      ReloadReport.Outcome outcome, Corpus old, Corpus now, LoadResult loaded, String message, long t0) {
    Map<String, String> before = new HashMap<>();
    if (old != null) {
      old.articles().forEach(a -> before.put(a.source().id(), a.hash()));
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    Map<String, String> after = new HashMap<>();
    for (Corpus.ArticleInfo a : now.articles()) {
      after.put(a.source().id(), a.hash());
      String was = before.get(a.source().id());
      if (was == null) {
        added.add(a.source().id());
      } else if (!was.equals(a.hash())) {
        changed.add(a.source().id());
      }
    }
    List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().toList();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    String line =
        String.format(
            "%s: %d articles, %d passages, %d figures (%d added, %d changed, %d removed), %d files skipped, %d ms",
            message,
            now.articles().size(),
            now.passageCount(),
            now.figureCount(),
            added.size(),
            changed.size(),
            removed.size(),
            loaded.errors().size(),
            took.toMillis());
    log.info("{}", line);
    return new ReloadReport(
        outcome, now.version(), added, changed, removed, now.articles().size(), now.passageCount(), now.figureCount(),
        loaded.errors(), line, took);
  }

  private static ReloadReport failure(
      Corpus old, ReloadReport.Outcome outcome, String message, List<tradebot.knowledge.LoadError> errors, long t0) {
    return new ReloadReport(
        outcome,
        old == null ? "" : old.version(),
        List.of(),
        List.of(),
        List.of(),
        old == null ? 0 : old.articles().size(),
        old == null ? 0 : old.passageCount(),
        old == null ? 0 : old.figureCount(),
        errors,
        message,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Stops the builder and closes the serving corpus once its questions are done. */
  @Override
  public void close() {
    builder.shutdown();
    try {
      builder.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Corpus c = current.getAndSet(null);
    if (c != null) {
      c.release();
    }
  }
}
