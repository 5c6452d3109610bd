package tradebot.bench;

import java.nio.file.Path;
import java.time.Clock;
import tradebot.answer.AnswerService;
import tradebot.config.ConfigLoader;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.index.IndexStore;

/**
 * The answering part of the bot wired as {@code tradebot.cli.App} wires it (config, corpus manager
 * with its index on disk, answer service), for benchmarks that run inside one JVM. Thread-safe as
 * its parts are; closing it closes the index.
 */
public final class BenchApp implements AutoCloseable {
  private final CorpusManager corpora;
  private final AnswerService answers;
  private final ReloadReport startup;

  private BenchApp(CorpusManager corpora, AnswerService answers, ReloadReport startup) {
    this.corpora = corpora;
    this.answers = answers;
    this.startup = startup;
  }

  /**
   * Starts on {@code knowledge} with the settings and data files of {@code configDir} and the index
   * under {@code dataDir} (reused when current, built otherwise).
   */
  public static BenchApp start(Path configDir, Path knowledge, Path dataDir) {
    TradebotConfig config = ConfigLoader.load(configDir);
    CorpusManager corpora =
        new CorpusManager(knowledge, configDir, IndexStore.onDisk(dataDir), Clock.systemUTC());
    ReloadReport startup = corpora.start();
    return new BenchApp(corpora, new AnswerService(corpora, config.answer()), startup);
  }

  public CorpusManager corpora() {
    return corpora;
  }

  public AnswerService answers() {
    return answers;
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
