package tradebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load client against a stand-in for {@code POST /api/ask} on loopback. */
class LoadClientIT {
  private HttpServer server;
  private final Set<String> asked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;

  /** Every how-many-th request the stand-in drops its connection on without answering; 0: none. */
  private volatile int dropEvery = 0;

  @BeforeEach
  void startStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(
        "/api/ask",
        exchange -> {
          int n = requests.incrementAndGet();
          if (dropEvery > 0 && n % dropEvery == 0) {
            throw new IOException(
                "stand-in drops request " + n); // the server closes the connection
          }
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean json =
              "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
          String question = new ObjectMapper().readTree(body).path("question").asText();
          asked.add(question);
          byte[] answer = "{\"answered\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              json && "POST".equals(exchange.getRequestMethod()) ? status : 400, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stopStandIn() {
    server.stop(0);
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/ask");
  }

  @Test
  void clientsPostEveryQuestionAsJsonAndCountOnlyTheMeasuredWindow() throws InterruptedException {
    LoadClient client = new LoadClient(endpoint(), Duration.ofSeconds(2));
    long t0 = System.nanoTime();
    LoadClient.Result r =
        client.run(
            List.of("one?", "two?", "three?", "four?"),
            4,
            Duration.ofMillis(300),
            Duration.ofSeconds(1));
    long took = System.nanoTime() - t0;
    assertEquals(Set.of("one?", "two?", "three?", "four?"), asked);
    assertEquals(0, r.errors());
    assertEquals(Map.of(200, r.answers()), r.statuses());
    assertTrue(
        r.answers() > 0 && r.answers() < requests.get(), r.answers() + " of " + requests.get());
    assertEquals(r.answers(), r.latency().count());
    assertTrue(took < Duration.ofSeconds(5).toNanos(), "took " + took / 1e9 + " s");
  }

  @Test
  void answersOtherThan200AreErrors() throws InterruptedException {
    status = 503;
    LoadClient.Result r =
        new LoadClient(endpoint(), Duration.ofSeconds(2))
            .run(List.of("q?"), 2, Duration.ZERO, Duration.ofMillis(500));
    assertEquals(0, r.answers());
    assertTrue(r.errors() > 0);
    assertEquals(Map.of(503, r.errors()), r.statuses());
  }

  @Test
  void aRequestDroppedInTransportIsSentOnceMoreAndIsNoError() throws InterruptedException {
    dropEvery = 3; // one client: a dropped request's resend is the next request, never dropped
    LoadClient.Result r =
        new LoadClient(endpoint(), Duration.ofSeconds(2))
            .run(List.of("q?"), 1, Duration.ZERO, Duration.ofMillis(500));
    assertTrue(r.resent() > 0, "resent " + r.resent());
    assertEquals(0, r.errors());
    assertEquals(Map.of(200, r.answers()), r.statuses());
  }

  @Test
  void aRequestDroppedTwiceIsATransportError() throws InterruptedException {
    dropEvery = 1;
    LoadClient.Result r =
        new LoadClient(endpoint(), Duration.ofSeconds(2))
            .run(List.of("q?"), 2, Duration.ZERO, Duration.ofMillis(500));
    assertEquals(0, r.answers());
    assertTrue(r.errors() > 0);
    assertEquals(r.errors(), r.resent());
    assertEquals(Map.of(-1, r.errors()), r.statuses());
  }
}
