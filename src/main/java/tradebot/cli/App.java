package tradebot.cli;

import java.time.Clock;
import tradebot.answer.AnswerService;
import tradebot.chat.Bot;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.index.IndexStore;

/**
 * The objects of one running bot, wired by hand: config, corpus manager, answer service and the
 * chat service every adapter shares. Closing it closes the index.
 */
public final class App implements AutoCloseable {
  private final TradebotConfig config;
  private final CorpusManager corpora;
  private final AnswerService answers;
  private final Bot bot;
  private final ReloadReport startup;
  private final Clock clock;

  private App(TradebotConfig config, IndexStore store, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.corpora = new CorpusManager(config.knowledge().dir(), config.configDir(), store, clock);
    this.startup = corpora.start();
    this.answers = new AnswerService(corpora, config.answer());
    this.bot = new Bot(answers, corpora, clock);
  }

  /** Starts with the index on disk under the configured data directory. */
  public static App start(TradebotConfig config) {
    return new App(config, IndexStore.onDisk(config.dataDir()), Clock.systemUTC());
  }

  /** Starts with the index in memory (tests, benchmarks). */
  public static App inMemory(TradebotConfig config, Clock clock) {
    return new App(config, IndexStore.inMemory(), clock);
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

  public Bot bot() {
    return bot;
  }

  /** What "now" is for this bot (the latest tariff levels). */
  public Clock clock() {
    return clock;
  }

  /** The report of the first load. */
  public ReloadReport startup() {
    return startup;
  }

  @Override
  public void close() {
    corpora.close();
  }
}
