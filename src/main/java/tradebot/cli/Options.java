package tradebot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import tradebot.config.ConfigLoader;
import tradebot.config.TradebotConfig;

/** Options every command takes: where the config, the articles and the index are. */
public final class Options {
  @Option(
      names = "--config",
      paramLabel = "DIR",
      description = "Config directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "config")
  Path configDir;

  @Option(
      names = "--knowledge",
      paramLabel = "DIR",
      description = "Knowledge directory (default: from config, else ./knowledge).")
  Path knowledgeDir;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Index data directory (default: from config, else ./data).")
  Path dataDir;

  /** The config file's settings with these flags over them. */
  public TradebotConfig config() {
    TradebotConfig c = ConfigLoader.load(configDir);
    if (knowledgeDir != null) {
      c = c.withKnowledgeDir(knowledgeDir);
    }
    if (dataDir != null) {
      c = c.withDataDir(dataDir);
    }
    return c;
  }
}
