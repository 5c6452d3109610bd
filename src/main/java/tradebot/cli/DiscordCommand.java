package tradebot.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.chat.discord.DiscordBot;
import tradebot.config.TradebotConfig;

/**
 * {@code tradebot discord}: the Discord bot, with the HTTP server beside it. The token comes from
 * the DISCORD_TOKEN environment variable only (never a flag or the config file, never logged). Runs
 * until the process is stopped.
 */
@Command(
    name = "discord",
    description = "Run the Discord bot (token from DISCORD_TOKEN) and the HTTP server.")
final class DiscordCommand implements Callable<Integer> {
  static final String TOKEN_VARIABLE = "DISCORD_TOKEN";
  private static final Logger log = LoggerFactory.getLogger(DiscordCommand.class);

  @Mixin Options options;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: server.port from config; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "HTTP bind address (default: server.bind from config).")
  String bind;

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
    TradebotConfig config = config();
    try (App app = App.start(config)) {
      app.startup().errors().forEach(e -> log.warn("skipped {}", e));
      // HOOK(server): start the HTTP server beside the bot here, on config.server() (which
      // already carries --port/--bind), and stop it after runBot returns. Wired by the lead at
      // merge; until then `discord` runs the bot alone.
      runBot(app, token);
    }
    return 0;
  }

  /** The config file's settings with --port and --bind over them. */
  TradebotConfig config() {
    TradebotConfig c = options.config();
    if (port != null || bind != null) {
      c =
          c.withServer(
              new TradebotConfig.Server(
                  port == null ? c.server().port() : port,
                  bind == null ? c.server().bind() : bind));
    }
    return c;
  }

  /** Runs the bot until the process is stopped; throws when Discord ends the session instead. */
  private static void runBot(App app, String token) throws InterruptedException {
    DiscordBot bot =
        DiscordBot.start(
            token, app.config().discord(), app.bot(), Clock.systemUTC(), Duration.ofSeconds(60));
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  bot.close();
                },
                "discord-shutdown"));
    bot.awaitShutdown();
    if (!stopping.get()) {
      throw new IllegalStateException("the Discord session ended; see the log above for why");
    }
  }
}
