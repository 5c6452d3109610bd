package tradebot.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import tradebot.config.ConfigLoader;
import tradebot.config.TradebotConfig;

/**
 * Options every command takes: where the config, the articles and the index are. They may come
 * before the subcommand or after it ({@code tradebot --config DIR config check} and {@code tradebot
 * config check --config DIR} are the same); after it wins. Not thread-safe: picocli fills it.
 */
public final class Options {
  /** The config directory when none is given. */
  static final Path DEFAULT_CONFIG = Path.of("config");

  @Option(
      names = "--config",
      paramLabel = "DIR",
      description = "Config directory (default: config).")
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

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "Index directory: the index versions and embedding cache (default: from config, else"
              + " the data directory). Replicas given one directory build each version once.")
  Path indexDir;

  /** The config directory given, else {@link #DEFAULT_CONFIG}. */
  Path configDir() {
    return configDir == null ? DEFAULT_CONFIG : configDir;
  }

  /** The config file's settings with these flags over them. */
  public TradebotConfig config() {
    TradebotConfig c = ConfigLoader.load(configDir());
    if (knowledgeDir != null) {
      c = c.withKnowledgeDir(knowledgeDir);
    }
    if (dataDir != null) {
      c = c.withDataDir(dataDir);
    }
    if (indexDir != null) {
      c = c.withIndexDir(indexDir);
    }
    return c;
  }

  /** Takes each option not given here from {@code outer} (the options before the subcommand). */
  void inheritFrom(Options outer) {
    if (configDir == null) {
      configDir = outer.configDir;
    }
    if (knowledgeDir == null) {
      knowledgeDir = outer.knowledgeDir;
    }
    if (dataDir == null) {
      dataDir = outer.dataDir;
    }
    if (indexDir == null) {
      indexDir = outer.indexDir;
    }
  }

  /**
   * Hands the options given before a subcommand down to it (and to its own subcommands), so that
   * none is silently dropped: run it on the parse result before executing.
   */
  public static void inherit(CommandLine.ParseResult parsed) {
    Options outer = null;
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      Options here = of(p.commandSpec());
      if (here != null) {
        if (outer != null) {
          here.inheritFrom(outer);
        }
        outer = here;
      }
    }
  }

  private static Options of(CommandLine.Model.CommandSpec spec) {
    for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof Options o) {
        return o;
      }
    }
    return null;
  }
}
