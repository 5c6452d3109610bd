package tradebot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tradebot.config.TradebotConfig;

/** {@code tradebot serve}: the HTTP API, health and metrics, until SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the HTTP API, health checks and metrics until stopped (SIGTERM).")
final class ServeCommand implements Callable<Integer> {
  @Mixin Options options;
  @Mixin ServerOptions server;

  @Override
  public Integer call() throws Exception {
    TradebotConfig config = server.resolve(options);
    try (App app = App.open(config);
        ServerRunner runner = ServerRunner.start(app, s -> {})) {
      runner.awaitShutdown();
    }
    return 0;
  }
}
