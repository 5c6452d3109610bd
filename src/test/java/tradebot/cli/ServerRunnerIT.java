package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.config.TradebotConfig;
import tradebot.server.RawHandler;

class ServerRunnerIT {
  @TempDir Path tmp;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void runnerServesMountedRoutesUntilClosedThenClosesTheRestInOrder() throws Exception {
    TradebotConfig config =
        TradebotConfig.defaults(copy(Path.of("config"), tmp.resolve("config")))
            .withKnowledgeDir(copy(Path.of("knowledge"), tmp.resolve("knowledge")))
            .withDataDir(tmp.resolve("data"))
            .withServer(new TradebotConfig.Server(0, "127.0.0.1"));
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
  void serveAnswersOverHttpAndStopsGracefullyOnSigterm() throws Exception {
    Path config = copy(Path.of("config"), tmp.resolve("config"));
    Path knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Process serve =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "tradebot.Main",
                "serve",
                "--port",
                "0",
                "--config",
                config.toString(),
                "--knowledge",
                knowledge.toString(),
                "--data",
                tmp.resolve("data").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(tmp.resolve("serve.log").toFile())
            .start();
    Path logFile = tmp.resolve("serve.log");
    try {
      URI base = null;
      Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (base == null && serve.isAlive() && System.nanoTime() < deadline) {
        Matcher m = listening.matcher(Files.readString(logFile));
        if (m.find()) {
          base = URI.create(m.group(1));
        } else {
          Thread.sleep(50);
        }
      }
      assertTrue(base != null, "no 'listening on' line: " + Files.readString(logFile));
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

      serve.destroy(); // SIGTERM

      assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "exits after SIGTERM");
    } finally {
      serve.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(logFile);
    String log = String.join("\n", lines);
    assertTrue(log.contains("shutting down: draining HTTP requests"), log);
    assertTrue(log.contains("HTTP server stopped"), log);
    assertTrue(lines.getLast().endsWith("ServerRunner stopped"), log);
  }
}
