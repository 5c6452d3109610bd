package tradebot.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.chat.slack.SlackAdapter;
import tradebot.config.TradebotConfig;

/**
 * {@code tradebot slack}: the Slack app. With SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET it serves
 * Slack's events and commands at {@code POST /slack/events} on the HTTP server; with
 * SLACK_APP_TOKEN it connects over Socket Mode instead.
 */
@Command(
    name = "slack",
    description =
        "Run the Slack app (HTTP at /slack/events, or Socket Mode when SLACK_APP_TOKEN is set).")
final class SlackCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: server.port from config).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: server.bind from config).")
  String bind;

  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws Exception {
    // Checked first, so that a missing variable costs one line and no start-up.
    SlackAdapter.Credentials credentials = SlackAdapter.Credentials.fromEnv(env);
    TradebotConfig config = options.config();
    if (port != null || bind != null) {
      config =
          config.withServer(
              new TradebotConfig.Server(
                  port != null ? port : config.server().port(),
                  bind != null ? bind : config.server().bind()));
    }
    if (!credentials.socketMode()) {
      // MERGE HOOK (lead): drop this check once the HTTP server is started below.
      throw new IllegalStateException(
          "serving Slack over HTTP needs the HTTP server, which is not wired yet; set SLACK_APP_TOKEN for Socket Mode");
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> awaitClose(stop, done), "slack-shutdown"));
    try (App app = App.start(config);
        // No rate limit yet: tradebot.chat.RateLimiter is not on this branch.
        SlackAdapter slack =
            SlackAdapter.start(
                app.bot(), config.slack(), credentials, Clock.systemUTC(), user -> true)) {
      if (slack.socketMode()) {
        slack.startSocketMode();
      } else {
        // MERGE HOOK (lead): start the HTTP server on config.server() with the API and the route
        //   POST /slack/events -> slack.handler()   (a tradebot.server.RawHandler)
      }
      stop.await();
    } finally {
      done.countDown();
    }
    return 0;
  }

  /** On shutdown: lets {@link #call()} close the app, and waits a while for it. */
  private static void awaitClose(CountDownLatch stop, CountDownLatch done) {
    stop.countDown();
    try {
      done.await(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
