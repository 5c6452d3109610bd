package tradebot.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tradebot.config.ConfigFiles;
import tradebot.embed.Embedder;
import tradebot.embed.Embedders;
import tradebot.index.IndexStore;
import tradebot.knowledge.Document;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadError;
import tradebot.knowledge.LoadResult;

/**
 * Holds the corpus that serves and replaces it on reload: a new corpus is built in the background
 * from the knowledge files and the config, validated, and swapped in atomically; questions in
 * flight finish on the corpus they started with, and its index directory is removed once the last
 * of them is done. Concurrent reload requests coalesce into one build. A failed or refused build
 * (no articles, or an article that serves now would be lost to a broken file) leaves the old corpus
 * serving. Every load writes one audit line per requester. Thread-safe.
 */
public final class CorpusManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CorpusManager.class);
  private static final Logger audit = LoggerFactory.getLogger("tradebot.audit");

  private final Path knowledgeDir;
  private final Path configDir;
  private final Clock clock;
  private final IndexStore store;
  private final CorpusBuilder files;
  private final AtomicReference<Corpus> current = new AtomicReference<>();
  private final List<BiConsumer<ReloadReport, List<Requester>>> listeners =
      new CopyOnWriteArrayList<>();
  private final List<Consumer<ConfigFiles>> checks = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> openVersions = new HashMap<>(); // guarded by itself
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "corpus-builder");
            t.setDaemon(true);
            return t;
          });
  private final Object lock = new Object();
  private Pending pending; // guarded by lock: queued, not started; joins new requests
  private KnowledgeWatcher watcher; // guarded by lock
  private volatile Set<Path> servingFiles = Set.of(); // written by the builder thread only

  /** A manager whose passages are embedded by the process's model, cached in memory. */
  public CorpusManager(Path knowledgeDir, Path configDir, IndexStore store, Clock clock) {
    this(knowledgeDir, configDir, store, clock, Embedders.inMemory());
  }

  public CorpusManager(
      Path knowledgeDir, Path configDir, IndexStore store, Clock clock, Embedder embedder) {
    this.knowledgeDir = Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    this.configDir = Objects.requireNonNull(configDir, "configDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.store = Objects.requireNonNull(store, "store");
    this.files =
        new CorpusBuilder(
            knowledgeDir,
            configDir,
            store,
            clock,
            Objects.requireNonNull(embedder, "embedder"),
            checks);
  }

  /**
   * Runs {@code check} on the config files of every later build before anything is ingested: when
   * it throws, the build fails with its message and the corpus serving now keeps serving. For the
   * rules that other packages parse from {@link Corpus#config()} (the answer rules and weights).
   */
  public void checkConfigWith(Consumer<ConfigFiles> check) {
    checks.add(Objects.requireNonNull(check, "check"));
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

  /** Who asked for a load ("startup" and "watcher" for the manager's own), and through what. */
  public record Requester(String who, String via) {}

  /** Who the first load is requested by, in the audit. */
  public static final Requester STARTUP = new Requester("startup", "start");

  private static final class Pending {
    final CompletableFuture<ReloadReport> future = new CompletableFuture<>();
    final List<Requester> requesters = new ArrayList<>();
    final Map<String, String> context =
        MDC.getCopyOfContextMap(); // the first requester's request id
  }

  /**
   * Calls {@code listener} with the report of every load, start-up included, on the builder thread.
   * Register before {@link #start()} to see the first load.
   */
  public void onReload(Consumer<ReloadReport> listener) {
    Objects.requireNonNull(listener, "listener");
    onReloadBy((report, by) -> listener.accept(report));
  }

  /**
   * Calls {@code listener} with the report of every load and the requests it served, start-up
   * included, on the builder thread. Register before {@link #start()} to see the first load.
   */
  public void onReloadBy(BiConsumer<ReloadReport, List<Requester>> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Loads the knowledge base the first time: opens the last good index when it matches the files,
   * builds it otherwise. An empty knowledge directory gives an empty corpus and a warning.
   *
   * @throws IllegalStateException when the config files are broken or the index cannot be built
   */
  public ReloadReport start() {
    ReloadReport report;
    try {
      report = builder.submit(() -> build(List.of(STARTUP), true)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the knowledge base", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot load the knowledge base: " + e.getCause().getMessage(), e.getCause());
    }
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
   * one is queued share it; each requester gets its own audit line.
   *
   * @param who the user asking, for the audit line
   * @param via the channel it came through ("discord", "api", "watch", ...)
   */
  public CompletableFuture<ReloadReport> reload(String who, String via) {
    synchronized (lock) {
      if (pending != null) {
        pending.requesters.add(new Requester(who, via));
        return pending.future;
      }
      Pending next = new Pending();
      next.requesters.add(new Requester(who, via));
      try {
        builder.execute(() -> run(next));
      } catch (RejectedExecutionException e) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("the knowledge base is shutting down"));
      }
      pending = next;
      return next.future;
    }
  }

  /** What {@link #add} did. */
  public sealed interface Added {
    /** The file was not written: {@code error} names the line and what is wrong. */
    record Refused(LoadError error) implements Added {}

    /**
     * The file was written and the knowledge base reloaded. When the reload did not serve the new
     * corpus ({@code report.ok()} is false, or nothing changed), the file was taken out again and
     * the knowledge directory is as it was.
     */
    record Loaded(Path file, boolean kept, ReloadReport report) implements Added {}
  }

  /**
   * Adds an article file to the knowledge directory and reloads, on the builder thread (after any
   * build under way). The file is checked first with the loader's own errors and against the ids
   * that serve; it is written atomically (a hidden temporary file renamed into place), so that no
   * load ever sees half of it; when the reload does not swap, it is removed again.
   *
   * @param fileName the file's name in the knowledge directory: no directory part
   */
  public CompletableFuture<Added> add(String fileName, byte[] content, String who, String via) {
    Objects.requireNonNull(content, "content");
    Requester requester = new Requester(who, via);
    Map<String, String> context = MDC.getCopyOfContextMap();
    try {
      return CompletableFuture.supplyAsync(
          () -> {
            if (context != null) {
              MDC.setContextMap(context);
            }
            try {
              return addNow(fileName, content, requester);
            } finally {
              MDC.clear();
            }
          },
          builder);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the knowledge base is shutting down"));
    }
  }

  private Added addNow(String fileName, byte[] content, Requester requester) {
    Path name = Path.of(fileName);
    if (name.getNameCount() != 1
        || fileName.startsWith(".")
        || !KnowledgeLoader.isArticleFileName(fileName)) {
      return refused(
          name,
          0,
          "not a knowledge file name (a .md or .txt name without a directory): " + fileName);
    }
    Path target = knowledgeDir.resolve(name);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return refused(
          name,
          0,
          "a file of that name is already in the knowledge directory; remove it or rename the"
              + " upload to replace it");
    }
    Document doc;
    try {
      doc = new KnowledgeLoader(Ingester.fromConfig(configDir)).check(target, content);
    } catch (KnowledgeLoader.FileProblem p) {
      return refused(name, p.line(), p.getMessage());
    } catch (RuntimeException e) {
      return refused(name, 0, "the config does not load: " + e.getMessage());
    }
    Corpus serving = current.get();
    String id = doc.article().id();
    if (serving != null && serving.articles().stream().anyMatch(a -> a.source().id().equals(id))) {
      return refused(name, 0, "duplicate id '" + id + "': an article of that id already serves");
    }
    Path tmp = knowledgeDir.resolve("." + fileName + "." + System.nanoTime() + ".tmp");
    try {
      Files.createDirectories(knowledgeDir);
      try (FileChannel out =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // The temporary file is hidden: no load reads it.
      }
      return refused(name, 0, "cannot write to " + knowledgeDir + ": " + e.getMessage());
    }
    log.info("{} added {} ({} bytes)", requester.who(), target, content.length);
    ReloadReport report = build(List.of(requester), false);
    boolean kept = report.outcome() == ReloadReport.Outcome.SWAPPED;
    if (!kept) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException e) {
        log.warn("cannot remove {} after a reload that did not take it", target, e);
      }
    }
    return new Added.Loaded(target, kept, report);
  }

  private static Added refused(Path file, int line, String message) {
    return new Added.Refused(new LoadError(file, line, message));
  }

  /**
   * Reloads whenever a knowledge file or a config data file changes, once changes have been quiet
   * for {@code debounce}. Stops on {@link #close()}. Calling it again does nothing.
   */
  public void watch(Duration debounce) {
    synchronized (lock) {
      if (watcher == null && !builder.isShutdown()) {
        watcher =
            KnowledgeWatcher.start(
                knowledgeDir,
                configDir,
                ConfigFiles.RULE_BOOK,
                debounce,
                () -> reload("watcher", "watch"));
      }
    }
  }

  private void run(Pending job) {
    List<Requester> requesters;
    synchronized (lock) {
      pending = null; // from now on, a new request needs a new build
      requesters = List.copyOf(job.requesters);
    }
    if (job.context != null) {
      MDC.setContextMap(job.context);
    }
    try {
      job.future.complete(build(requesters, false));
    } catch (RuntimeException | Error e) {
      job.future.completeExceptionally(e);
    } finally {
      MDC.clear();
    }
  }

  private ReloadReport build(List<Requester> requesters, boolean startup) {
    long t0 = System.nanoTime();
    Corpus old = current.get();
    ReloadReport report;
    try {
      report = buildAndSwap(old, startup, t0);
    } catch (IOException | RuntimeException e) {
      log.error("knowledge base build failed; the old index keeps serving", e);
      report =
          ReloadReports.failure(
              old, ReloadReport.Outcome.FAILED, "build failed: " + e.getMessage(), List.of(), t0);
    }
    log.info("{}", report.message());
    for (Requester r : requesters) {
      audit.info(
          "reload by={} via={} outcome={} version={} articles={} errors={} took_ms={}",
          r.who(),
          r.via(),
          report.outcome(),
          report.version(),
          report.articles(),
          report.errors().size(),
          report.took().toMillis());
    }
    for (BiConsumer<ReloadReport, List<Requester>> listener : listeners) {
      try {
        listener.accept(report, requesters);
      } catch (RuntimeException e) {
        log.warn("reload listener failed", e);
      }
    }
    return report;
  }

  private ReloadReport buildAndSwap(Corpus old, boolean startup, long t0) throws IOException {
    // The files name the version before anything is ingested: nothing changed, nothing to do.
    String version = files.version();
    if (old != null && old.version().equals(version)) {
      return ReloadReports.of(
          ReloadReport.Outcome.UNCHANGED, old, old, old.errors(), "nothing changed", t0, clock);
    }
    // Closing what was loaded throws away an index build that was refused and not committed.
    try (CorpusBuilder.Loaded loaded = files.load(version)) {
      LoadResult result = loaded.result();
      if (!startup) {
        if (loaded.articles().isEmpty()) {
          return ReloadReports.failure(
              old,
              ReloadReport.Outcome.REFUSED,
              "no articles could be loaded from " + knowledgeDir + "; the old index keeps serving",
              result.errors(),
              t0);
        }
        // A file that serves now and fails to load would silently drop its article: refuse.
        Set<Path> serving = servingFiles;
        List<LoadError> lost =
            result.errors().stream().filter(e -> serving.contains(key(e.file()))).toList();
        if (!lost.isEmpty()) {
          return ReloadReports.failure(
              old,
              ReloadReport.Outcome.REFUSED,
              lost.size()
                  + " file(s) that serve now no longer load ("
                  + lost.getFirst()
                  + "); fix or remove them; the old index keeps serving",
              result.errors(),
              t0);
        }
      }
      if (old != null && old.version().equals(loaded.version())) {
        // The files changed back while they were read.
        return ReloadReports.of(
            ReloadReport.Outcome.UNCHANGED,
            old,
            old,
            result.errors(),
            "nothing changed",
            t0,
            clock);
      }
      Corpus next = files.open(loaded);
      track(next);
      Corpus replaced = current.getAndSet(next);
      servingFiles = Set.copyOf(loaded.files().stream().map(CorpusManager::key).toList());
      if (replaced != null) {
        replaced.release(); // closes once the last question on it is done, then its directory goes
      }
      prune();
      return ReloadReports.of(
          ReloadReport.Outcome.SWAPPED, old, next, result.errors(), "loaded", t0, clock);
    }
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /** Counts {@code corpus}'s index as open until its last reader is done, then prunes it. */
  private void track(Corpus corpus) {
    synchronized (openVersions) {
      openVersions.merge(corpus.version(), 1, Integer::sum);
    }
    corpus.onClose(
        () -> {
          synchronized (openVersions) {
            openVersions.computeIfPresent(corpus.version(), (v, n) -> n == 1 ? null : n - 1);
          }
          try {
            builder.execute(this::prune); // on the builder thread: never while a build writes
          } catch (RejectedExecutionException e) {
            // Shutting down: the next start prunes.
          }
        });
  }

  private void prune() {
    Set<String> keep;
    synchronized (openVersions) {
      keep = Set.copyOf(openVersions.keySet());
    }
    store.prune(keep);
  }

  /**
   * Stops watching, lets a build under way finish, and closes the serving corpus once its questions
   * are done. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (watcher != null) {
        watcher.close();
        watcher = null;
      }
      builder.shutdown();
    }
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
