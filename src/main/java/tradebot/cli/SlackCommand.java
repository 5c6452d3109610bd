package tradebot.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.chat.RateLimiter;
import tradebot.chat.slack.SlackAdapter;
import tradebot.config.TradebotConfig;
import tradebot.metrics.Metrics;
import tradebot.state.SharedState;

/**
 * {@code tradebot slack}: the Slack app, with the HTTP server beside it (health, metrics, the API).
 * With SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET it serves Slack's events and commands at {@code
 * POST /slack/events} on that server; with SLACK_APP_TOKEN it connects over Socket Mode instead.
 * Runs until the process is stopped (SIGTERM: the server drains, then the app disconnects).
 */
@Command(
    name = "slack",
    mixinStandardHelpOptions = true,
    description =
        "Run the Slack app (HTTP at /slack/events, or Socket Mode when SLACK_APP_TOKEN is set)"
            + " and the HTTP server.")
final class SlackCommand implements Callable<Integer> {
  /** The route Slack posts events and commands to in HTTP mode. */
  static final String EVENTS_PATH = "/slack/events";

  @Mixin Options options;
  @Mixin ServerOptions server;

  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws Exception {
    // Checked first, so that a missing variable costs one line and no start-up.
    SlackAdapter.Credentials credentials = SlackAdapter.Credentials.fromEnv(env);
    TradebotConfig config = (server == null ? new ServerOptions() : server).resolve(options);
    try (App app = App.open(config);
        SlackAdapter slack =
            SlackAdapter.start(
                app.bot(),
                config.slack(),
                credentials,
                app.clock(),
                admitUsers(config.slack().userRate(), app.metrics(), app.clock(), app.state()),
                app.state());
        ServerRunner runner =
            ServerRunner.start(
                app,
                s -> {
                  if (!slack.socketMode()) {
                    s.mount("POST", EVENTS_PATH, slack.handler());
                  }
                })) {
      runner.alsoClose(slack);
      if (slack.socketMode()) {
        slack.startSocketMode();
      }
      runner.awaitShutdown();
    }
    return 0;
  }

  /** Whether a Slack user may ask again now: {@code slack.user_rate}, refusals counted. */
  static Function<String, RateLimiter.Verdict> admitUsers(
      TradebotConfig.RateLimit userRate, Metrics metrics, Clock clock, SharedState state) {
    RateLimiter limiter = RateLimiter.of(userRate, null, clock, state, "slack");
    return user -> {
      RateLimiter.Verdict v = limiter.check(user == null ? "" : user, null);
      if (v instanceof RateLimiter.Limited) {
        metrics.rateLimited("slack");
      }
      return v;
    };
  }
}
