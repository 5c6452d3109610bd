package tradebot.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.chat.discord.DiscordBot;
import tradebot.config.TradebotConfig;

/**
 * {@code tradebot discord}: the Discord bot, with the HTTP server beside it. The token comes from
 * the DISCORD_TOKEN environment variable only (never a flag or the config file, never logged). Runs
 * until the process is stopped.
 */
@Command(
    name = "discord",
    mixinStandardHelpOptions = true,
    description = "Run the Discord bot (token from DISCORD_TOKEN) and the HTTP server.")
final class DiscordCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "DISCORD_TOKEN";
  private static final Logger log = LoggerFactory.getLogger(DiscordCommand.class);

  @Mixin Options options;
  @Mixin ServerOptions server;

  private final Map<String, String> env;

  DiscordCommand(Map<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  @Override
  public Integer call() throws Exception {
    String token = env.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE
              + " is not set: export DISCORD_TOKEN=<your bot token> (see README, \"Discord\")");
    }
    TradebotConfig config = serverOptions().resolve(options);
    try (App app = App.open(config);
        ServerRunner runner = ServerRunner.start(app, s -> {})) {
      app.startup().errors().forEach(e -> log.warn("skipped {}", e));
      runBot(app, runner, token);
    }
    return 0;
  }

  /** The config file's settings with --port, --bind and --log-format over them. */
  TradebotConfig config() {
    return serverOptions().apply(options.config());
  }

  /** The server flags; none when the command runs as the default mode, without its own flags. */
  private ServerOptions serverOptions() {
    return server == null ? new ServerOptions() : server;
  }

  /**
   * Runs the bot until the process is stopped (SIGTERM: the server drains, then the bot logs out);
   * throws when Discord ends the session instead.
   */
  private static void runBot(App app, ServerRunner runner, String token)
      throws InterruptedException {
    TradebotConfig.Shards shards = app.config().discord().shards();
    if (!shards.auto()
        && shards.ids().size() < shards.total()
        && !app.state().buckets().isPresent()) {
      log.warn(
          "discord.shards runs {} without state.redis_url: the other shard processes keep their"
              + " own rate limits, and a reload here does not reach them (docs/SCALING.md)",
          shards.label());
    }
    DiscordBot bot =
        DiscordBot.start(
            token,
            app.config().discord(),
            app.bot(),
            app.clock(),
            app.state(),
            Duration.ofSeconds(60),
            () -> app.metrics().rateLimited("discord"));
    AtomicBoolean stopping = new AtomicBoolean();
    runner.alsoClose(
        () -> {
          stopping.set(true);
          bot.close();
        });
    bot.awaitShutdown();
    if (!stopping.get()) {
      throw new IllegalStateException("the Discord session ended; see the log above for why");
    }
    runner.awaitShutdown(); // the rest of the graceful stop: the index closes
  }
}
