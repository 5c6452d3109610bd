package tradebot.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import tradebot.answer.AnswerService;
import tradebot.chat.Bot;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.embed.Embedder;
import tradebot.embed.Embedders;
import tradebot.feedback.FeedbackStore;
import tradebot.index.IndexStore;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;
import tradebot.state.LocalState;
import tradebot.state.SharedState;

/**
 * The objects of one running bot, wired by hand: config, metrics, corpus manager, answer service,
 * the application service every front door renders and the chat service every adapter shares.
 * {@link #start} gives it loaded; a server opens it ({@link #open}), starts listening (answering
 * 503 on {@code /readyz}) and then {@link #load}s it. Closing it closes the index and the feedback
 * database. Thread-safe.
 */
public final class App implements AutoCloseable {
  /** The audit's "via" of a reload another replica announced. */
  static final String VIA_REPLICA = "replica";

  /** How long the knowledge files must be quiet before the watcher reloads. */
  private static final Duration WATCH_DEBOUNCE = Duration.ofSeconds(1);

  private final TradebotConfig config;
  private final Metrics metrics;
  private final CorpusManager corpora;
  private final AnswerService answers;
  private final FeedbackStore feedback;
  private final TradeService service;
  private final Bot bot;
  private volatile ReloadReport startup; // null until loaded
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Clock clock;
  private final SharedState state;

  private App(
      TradebotConfig config,
      IndexStore store,
      Clock clock,
      Embedder embedder,
      FeedbackStore feedback,
      SharedState state) {
    this.config = config;
    this.feedback = feedback;
    this.clock = clock;
    this.state = state;
    this.metrics = new Metrics();
    this.corpora =
        new CorpusManager(config.knowledge().dir(), config.configDir(), store, clock, embedder);
    corpora.onReload(metrics::recordReload);
    this.answers = new AnswerService(corpora, config.answer(), clock);
    this.service = new TradeService(answers, corpora, clock, metrics::recordAnswer, feedback);
    corpora.onReloadBy(service::audit);
    // A reload here reaches the other replicas: each reloads its files, which (sharing the index
    // directory) opens the index this one built instead of building it again. The first load is
    // not announced: a replica starting up must not send the others to its (maybe older) files.
    corpora.onReloadBy(
        (report, requesters) -> {
          // Any swap but the first load's: one a replica's notice caused is announced too when
          // it swapped to another version than announced (the shared state skips a version the
          // replicas know), so that replicas never stay apart silently and never loop.
          boolean startup =
              requesters.stream().anyMatch(r -> r.via().equals(CorpusManager.STARTUP.via()));
          if (report.outcome() == ReloadReport.Outcome.SWAPPED && !startup) {
            state.announceReload(report.version(), requesters.getFirst().who());
          }
        });
    state.onReloadAnnounced(notice -> corpora.reload("replica " + notice.replica(), VIA_REPLICA));
    this.bot = new Bot(service);
  }

  /** Starts with the index on disk under the configured data directory, loaded. */
  public static App start(TradebotConfig config) {
    return open(config).load();
  }

  /**
   * The app with the index on disk, not loaded yet: nothing answers until {@link #load()} (a server
   * started meanwhile says it is not ready).
   */
  public static App open(TradebotConfig config) {
    return onDisk(
        config,
        feedbackIn(config),
        clock -> SharedState.open(config.state(), clock, System.getenv("REDIS_PASSWORD")));
  }

  /**
   * As {@link #open}, sharing nothing with replicas (no Redis): for a command that reads the
   * feedback database and ends ({@code report}), which must neither need Redis nor follow a reload
   * another replica announces.
   */
  static App openAlone(TradebotConfig config) {
    return onDisk(config, feedbackIn(config), LocalState::new);
  }

  /** The feedback database in the data directory. */
  private static Function<Clock, FeedbackStore> feedbackIn(TradebotConfig config) {
    return clock ->
        FeedbackStore.open(config.dataDir().resolve(FeedbackStore.FILE), clock, config.privacy());
  }

  /**
   * Starts for a one-shot command ({@code ask}, {@code sources}, {@code tariff}, {@code index},
   * {@code eval}) with the index on disk under the configured data directory, loaded, and the
   * feedback database in a temporary file: what such a command does is neither kept nor audited,
   * and it can run while a server holds the real database.
   */
  public static App startOneShot(TradebotConfig config) {
    return onDisk(
            config, clock -> FeedbackStore.temporary(clock, config.privacy()), LocalState::new)
        .load();
  }

  /** The index and embeddings on disk in the index directory, with {@code feedback}'s store. */
  private static App onDisk(
      TradebotConfig config,
      Function<Clock, FeedbackStore> feedback,
      Function<Clock, SharedState> state) {
    Clock clock = Clock.systemUTC();
    SharedState shared = state.apply(clock);
    try {
      return new App(
          config,
          IndexStore.onDisk(config.indexDir()),
          clock,
          Embedders.onDisk(config.indexDir()),
          feedback.apply(clock),
          shared);
    } catch (RuntimeException e) {
      shared.close();
      throw e;
    }
  }

  /**
   * Starts with the index in memory and the feedback database in a temporary file (tests,
   * benchmarks), loaded.
   */
  public static App inMemory(TradebotConfig config, Clock clock) {
    return new App(
            config,
            IndexStore.inMemory(),
            clock,
            Embedders.inMemory(),
            FeedbackStore.temporary(clock, config.privacy()),
            new LocalState(clock))
        .load();
  }

  /**
   * Loads the knowledge base (opens the last good index or builds it); returns this. Closes the app
   * when that fails.
   *
   * @throws IllegalStateException when the config files are broken or the index cannot be built
   */
  public synchronized App load() {
    if (startup == null) {
      try {
        startup = corpora.start();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    return this;
  }

  public TradebotConfig config() {
    return config;
  }

  public CorpusManager corpora() {
    return corpora;
  }

  public AnswerService answers() {
    return answers;
  }

  /** The application service every front door (chat, HTTP, command line) renders. */
  public TradeService service() {
    return service;
  }

  public Bot bot() {
    return bot;
  }

  /** The metrics every adapter reports into (e.g. {@link Metrics#rateLimited}). */
  public Metrics metrics() {
    return metrics;
  }

  /** What the replicas share: Redis with state.redis_url, else this process alone. */
  public SharedState state() {
    return state;
  }

  /** What "now" is for this bot (the latest tariff levels). */
  public Clock clock() {
    return clock;
  }

  /**
   * The report of the first load.
   *
   * @throws IllegalStateException before {@link #load()}
   */
  public ReloadReport startup() {
    ReloadReport r = startup;
    if (r == null) {
      throw new IllegalStateException("the knowledge base is not loaded yet");
    }
    return r;
  }

  /**
   * Reloads on changes to the knowledge files when {@code knowledge.watch} is true; else nothing.
   */
  public void watchIfConfigured() {
    if (config.knowledge().watch()) {
      corpora.watch(WATCH_DEBOUNCE);
    }
  }

  /** Closes the index once the questions in flight are done. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      corpora.close();
      metrics.close();
      feedback.close();
      state.close();
    }
  }
}
