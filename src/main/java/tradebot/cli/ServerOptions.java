package tradebot.cli;

import picocli.CommandLine.Option;
import tradebot.config.TradebotConfig;

/**
 * The flags of every mode that runs the HTTP server ({@code serve}, {@code discord}, {@code
 * slack}): they override {@code server.port}, {@code server.bind} and {@code log_format}. Use as a
 * picocli {@code @Mixin} next to {@link Options}.
 */
public final class ServerOptions {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: from config, else 8080); 0 picks a free one.")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: from config, else 127.0.0.1).")
  String bind;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description = "Log lines as text or json (default: from config, else text).")
  String logFormat;

  /**
   * Loads the config with {@code options}, puts these flags over it and switches the log format:
   * call it first, so that every line of the start-up is in the chosen format.
   *
   * @throws IllegalArgumentException for a bad flag value, naming it
   */
  public TradebotConfig resolve(Options options) {
    TradebotConfig c = apply(options.config());
    LogSetup.apply(c.logFormat());
    return c;
  }

  /** {@code config} with these flags over it. */
  TradebotConfig apply(TradebotConfig config) {
    TradebotConfig c = config;
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("--port must be 0 to 65535: " + port);
    }
    if (bind != null && bind.isBlank()) {
      throw new IllegalArgumentException("--bind must not be blank");
    }
    if (logFormat != null && !logFormat.strip().matches("(?i)text|json")) {
      throw new IllegalArgumentException("--log-format must be text or json: " + logFormat);
    }
    if (port != null || bind != null) {
      c =
          c.withServer(
              new TradebotConfig.Server(
                  port == null ? c.server().port() : port,
                  bind == null ? c.server().bind() : bind.strip()));
    }
    if (logFormat != null) {
      c = c.withLogFormat(TradebotConfig.LogFormat.of(logFormat));
    }
    return c;
  }
}
