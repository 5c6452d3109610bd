package tradebot.server;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.config.TradebotConfig;
import tradebot.errors.ErrorIds;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;

/**
 * The embedded HTTP server: health, readiness and metrics for operations, the JSON API ({@code
 * /api/ask}, {@code /api/tariff}, {@code /api/sources}, {@code /api/reload}), and routes that
 * adapters mount for their platform's callbacks ({@link #mount}). Bodies over {@value
 * #MAX_BODY_BYTES} bytes get 413. {@link #stop} drains: no new requests, those in flight finish.
 * Thread-safe; mount before {@link #start()}.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  /** The largest request body accepted. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  /**
   * The environment variable holding the bearer token for {@code POST /api/reload} and {@code GET
   * /api/report}.
   */
  public static final String ADMIN_TOKEN_ENV = "TRADEBOT_ADMIN_TOKEN";

  /** How long {@link #close()} lets requests in flight finish. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  /** How long responses already produced get to reach the socket, even when the grace is over. */
  private static final long MIN_FLUSH_MILLIS = 1_000;

  /** How long a connection may sit idle once the server stops before it is closed. */
  private static final long SHUTDOWN_IDLE_MILLIS = 200;

  private static final List<String> ROUTES =
      List.of(
          "/healthz",
          "/readyz",
          "/metrics",
          "/api/ask",
          "/api/tariff",
          "/api/sources",
          "/api/reload",
          "/api/report");

  private record Mount(HandlerType method, String path, RawHandler handler) {}

  private final TradebotConfig.Server settings;
  private final TradeService service;
  private final Metrics metrics;
  private final String adminToken;
  private final List<Mount> mounts = new ArrayList<>();
  private Javalin app; // guarded by this
  private Server jetty;
  private RequestFilter filter;
  private boolean stopped;

  /**
   * @param settings port (0: any free one) and bind address
   * @param service what the routes render
   * @param adminToken the bearer token {@code POST /api/reload} wants; null or blank disables it
   */
  public ApiServer(
      TradebotConfig.Server settings, TradeService service, Metrics metrics, String adminToken) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.service = Objects.requireNonNull(service, "service");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.adminToken = adminToken;
  }

  /**
   * Serves {@code method path} with {@code handler} (e.g. Slack's {@code POST /slack/events}).
   *
   * @throws IllegalStateException after {@link #start()}, or when the route is taken
   */
  public synchronized ApiServer mount(String method, String path, RawHandler handler) {
    if (app != null) {
      throw new IllegalStateException(
          "mount routes before the server starts: " + method + " " + path);
    }
    HandlerType type = HandlerType.valueOf(method.toUpperCase(Locale.ROOT));
    if (!path.startsWith("/") || ROUTES.contains(path)) {
      throw new IllegalArgumentException(
          "path must start with '/' and not be one of the server's own: " + path);
    }
    for (Mount m : mounts) {
      if (m.method() == type && m.path().equals(path)) {
        throw new IllegalStateException("already mounted: " + method + " " + path);
      }
    }
    mounts.add(new Mount(type, path, Objects.requireNonNull(handler, "handler")));
    return this;
  }

  /**
   * Starts listening on the configured address and port.
   *
   * @throws IllegalStateException when the port is taken or the address cannot be bound
   */
  public synchronized ApiServer start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    Set<String> routes = new HashSet<>(ROUTES);
    mounts.forEach(m -> routes.add(m.path()));
    filter = new RequestFilter(metrics, routes, MAX_BODY_BYTES);
    ApiRoutes api = new ApiRoutes(service, metrics, adminToken, filter, MAX_BODY_BYTES);
    Javalin j =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.maxRequestSize = MAX_BODY_BYTES;
              config.http.prefer405over404 = true;
              config.jetty.modifyServer(s -> jetty = s);
              // Jetty caches header values per connection and by default matches the cache
              // ignoring case: on a kept-alive connection a token differing only in case from
              // one sent before would read as that one.
              config.jetty.modifyHttpConfiguration(h -> h.setHeaderCacheCaseSensitive(true));
              config.jetty.modifyServletContextHandler(
                  h ->
                      h.addFilter(
                          new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST)));
            });
    j.before("/api/*", api::requireLoaded);
    mounts.forEach(m -> j.before(m.path(), api::requireLoaded));
    j.get("/healthz", api::healthz);
    j.get("/readyz", api::readyz);
    j.get("/metrics", api::metrics);
    j.post("/api/ask", api::ask);
    j.get("/api/tariff", api::tariff);
    j.get("/api/sources", api::sources);
    j.post("/api/reload", api::reload);
    j.get("/api/report", api::report);
    for (Mount m : mounts) {
      j.addHttpHandler(m.method(), m.path(), api.raw(m.handler()));
    }
    j.exception(
        ApiRoutes.ApiError.class,
        (e, ctx) -> {
          e.headers.forEach(ctx::header);
          ctx.status(e.status).contentType(ApiRoutes.JSON).result(Json.error(e.getMessage()));
        });
    j.exception(
        Exception.class,
        (e, ctx) -> {
          String id = ErrorIds.logged(log, e, "serving {} {}", ctx.method(), ctx.path());
          ctx.status(500)
              .contentType(ApiRoutes.JSON)
              .result(Json.error("internal error (error id " + id + ")"));
        });
    j.error(
        404,
        ctx ->
            ctx.contentType(ApiRoutes.JSON).result(Json.error("no such endpoint: " + ctx.path())));
    j.error(
        405,
        ctx ->
            ctx.contentType(ApiRoutes.JSON)
                .result(Json.error("method not allowed: " + ctx.method())));
    j.error(
        413,
        ctx ->
            ctx.contentType(ApiRoutes.JSON)
                .result(Json.error("the request body is over " + MAX_BODY_BYTES + " bytes")));
    try {
      j.start(settings.bind(), settings.port());
    } catch (RuntimeException e) {
      j.stop();
      throw new IllegalStateException(
          "cannot listen on " + settings.bind() + ":" + settings.port() + ": " + rootMessage(e), e);
    }
    app = j;
    log.info("listening on {}", uri());
    return this;
  }

  /** The port listened on (the one picked, when configured as 0). */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  /** The server's base address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /**
   * Stops taking requests (the listening socket closes; requests on open connections get 503),
   * waits up to {@code grace} for those in flight, then stops. Idempotent.
   */
  public void stop(Duration grace) {
    Javalin j;
    synchronized (this) {
      if (app == null || stopped) {
        return;
      }
      stopped = true;
      j = app;
    }
    filter.drain();
    for (Connector c : jetty.getConnectors()) {
      if (c instanceof NetworkConnector n) {
        n.close();
      }
    }
    long deadline = System.nanoTime() + grace.toNanos();
    while (filter.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (filter.inFlight() > 0) {
      log.warn(
          "{} requests still in flight after {} s: stopping anyway",
          filter.inFlight(),
          grace.toSeconds());
    }
    // A request leaves the filter before Jetty has written its response to the socket: stopping
    // Jetty at once would close that connection unanswered (and HTTP clients then retry a GET on a
    // new connection, which is refused). With a stop timeout, Jetty first waits for every open
    // connection to finish its response and close, for the rest of the grace period; idle
    // keep-alive connections close after the shutdown idle timeout.
    for (Connector c : jetty.getConnectors()) {
      if (c instanceof AbstractConnector a) {
        a.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
      }
    }
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    jetty.setStopTimeout(Math.max(MIN_FLUSH_MILLIS, left));
    j.stop();
    log.info("HTTP server stopped");
  }

  @Override
  public void close() {
    stop(DEFAULT_GRACE);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
