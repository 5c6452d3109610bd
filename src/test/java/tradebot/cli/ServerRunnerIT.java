package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.testing.TradebotProcess.copy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tradebot.config.TradebotConfig;
import tradebot.server.RawHandler;
import tradebot.testing.TradebotProcess;

class ServerRunnerIT {
  @TempDir Path tmp;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The bundled config and knowledge, copied; the index in the test's directory; a free port. */
  private TradebotConfig config() throws IOException {
    return TradebotConfig.defaults(copy(Path.of("config"), tmp.resolve("config")))
        .withKnowledgeDir(copy(Path.of("knowledge"), tmp.resolve("knowledge")))
        .withDataDir(tmp.resolve("data"))
        .withServer(new TradebotConfig.Server(0, "127.0.0.1"));
  }

  @Test
  void runnerServesMountedRoutesUntilClosedThenClosesTheRestInOrder() throws Exception {
    TradebotConfig config = config();
    try (App app = App.start(config);
        ServerRunner runner =
            ServerRunner.start(
                app,
                s ->
                    s.mount(
                        "GET",
                        "/hello",
                        req -> RawHandler.RawResponse.text(200, "text/plain", "hi")))) {
      URI base = runner.server().uri();
      AtomicBoolean serverDownWhenExtraClosed = new AtomicBoolean();
      runner.alsoClose(
          () -> {
            try {
              http.send(
                  HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
              serverDownWhenExtraClosed.set(true);
            }
          });
      assertEquals(
          "hi",
          http.send(
                  HttpRequest.newBuilder(base.resolve("/hello")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
      Thread waiter =
          new Thread(
              () -> {
                try {
                  runner.awaitShutdown();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waiter.start();

      runner.close();

      waiter.join(10_000);
      assertFalse(waiter.isAlive(), "awaitShutdown returns once closed");
      assertTrue(
          serverDownWhenExtraClosed.get(), "platform connections close after the server stopped");
      assertFalse(app.corpora().ready(), "the index is closed");
      assertThrows(
          ConnectException.class,
          () ->
              http.send(
                  HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                  HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void theServerListensBeforeTheIndexLoadsAndReturnsOnceItServes() throws Exception {
    TradebotConfig config = config();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try (App app = App.open(config);
        ServerRunner runner = ServerRunner.start(app, s -> {})) {
      assertTrue(app.corpora().ready(), "loaded when start returns");
      List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      int listening = indexOf(lines, "listening on http://127.0.0.1:" + runner.port() + "/");
      int loaded = indexOf(lines, "reload by=startup via=start ");
      assertTrue(listening >= 0 && listening < loaded, "listening, then loaded: " + lines);
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(runner.server().uri().resolve("/readyz")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode());
    } finally {
      root.detachAppender(logs);
    }
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void serveAnswersOverHttpAndStopsGracefullyOnSigterm() throws Exception {
    Path config = copy(Path.of("config"), tmp.resolve("config"));
    Path knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Path logFile = tmp.resolve("serve.log");
    try (TradebotProcess serve =
        TradebotProcess.command("serve", "--port", "0")
            .dirs(config, knowledge, tmp.resolve("data"))
            .logTo(logFile)
            .start()) {
      URI base = serve.awaitReady();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/ask"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"question\":\"What did Mnuchin do in Beijing?\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("\"answered\":"), r.body());

      assertTrue(serve.stop(Duration.ofSeconds(30)), "exits after SIGTERM");
    }
    List<String> lines = Files.readAllLines(logFile);
    String log = String.join("\n", lines);
    assertTrue(log.contains("shutting down: draining HTTP requests"), log);
    assertTrue(log.contains("HTTP server stopped"), log);
    assertTrue(lines.getLast().endsWith("ServerRunner stopped"), log);
  }
}
