package tradebot.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.server.ApiServer;

/**
 * Runs the HTTP server of a long-running mode ({@code serve}, {@code discord}, {@code slack}) until
 * SIGTERM or SIGINT, then shuts down gracefully: stop taking requests, finish those in flight,
 * close the platform connections, close the index. Usage:
 *
 * <pre>{@code
 * TradebotConfig config = serverOptions.resolve(options);   // flags over config, log format set
 * try (App app = App.open(config);                          // not loaded yet
 *     ServerRunner runner = ServerRunner.start(app, server -> server.mount("POST", "/slack/events", h))) {
 *   // listening since before the load: /readyz said 503 until now
 *   runner.alsoClose(platformConnection);                   // closed after the server drained
 *   runner.awaitShutdown();                                 // blocks until SIGTERM/SIGINT
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class ServerRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerRunner.class);

  private final App app;
  private final ApiServer server;
  private final Deque<AutoCloseable> extras = new ArrayDeque<>(); // guarded by this
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;
  private boolean closed; // guarded by this

  private ServerRunner(App app, ApiServer server) {
    this.app = app;
    this.server = server;
    this.hook = new Thread(this::close, "shutdown");
  }

  /**
   * Starts the HTTP server on {@code app}'s configured address, with the routes {@code mounts}
   * adds, then loads {@code app} (unless it is loaded already) while {@code /readyz} answers 503,
   * then starts the knowledge watcher when configured. Returns once the app is loaded and ready.
   * The admin token comes from {@value ApiServer#ADMIN_TOKEN_ENV}.
   *
   * @throws IllegalStateException when the port cannot be bound or the knowledge base not loaded
   *     (the server is stopped again)
   */
  public static ServerRunner start(App app, Consumer<ApiServer> mounts) {
    ApiServer server =
        new ApiServer(
            app.config().server(),
            app.service(),
            app.metrics(),
            System.getenv(ApiServer.ADMIN_TOKEN_ENV));
    mounts.accept(server);
    server.start();
    if (System.getenv(ApiServer.ADMIN_TOKEN_ENV) == null) {
      log.info("POST /api/reload is disabled: {} is not set", ApiServer.ADMIN_TOKEN_ENV);
    }
    ServerRunner runner = new ServerRunner(app, server);
    Runtime.getRuntime().addShutdownHook(runner.hook);
    try {
      app.load();
    } catch (RuntimeException e) {
      runner.close();
      throw e;
    }
    app.watchIfConfigured();
    return runner;
  }

  public ApiServer server() {
    return server;
  }

  /** The port listened on. */
  public int port() {
    return server.port();
  }

  /** Closes {@code resource} at shutdown, after the server drained and before the index closes. */
  public synchronized ServerRunner alsoClose(AutoCloseable resource) {
    extras.push(Objects.requireNonNull(resource, "resource"));
    return this;
  }

  /** Blocks until the process is told to stop (SIGTERM, SIGINT) or {@link #close()} is called. */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  /**
   * Drains and stops the server, closes what {@link #alsoClose} added (last added first) and the
   * app. Idempotent; runs from the shutdown hook on SIGTERM.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    log.info("shutting down: draining HTTP requests");
    try {
      server.stop(ApiServer.DEFAULT_GRACE);
      AutoCloseable next;
      while ((next = pollExtra()) != null) {
        try {
          next.close();
        } catch (Exception e) {
          log.warn("closing {} failed", next, e);
        }
      }
      app.close();
      log.info("stopped");
    } finally {
      stopped.countDown();
      if (Thread.currentThread() != hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down.
        }
      }
    }
  }

  private synchronized AutoCloseable pollExtra() {
    return extras.poll();
  }
}
