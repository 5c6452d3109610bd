package tradebot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives {@code POST /api/ask} with a fixed number of concurrent clients, each sending the next
 * question as soon as its previous answer arrived (closed loop), for a bounded time, on loopback
 * only. Answers completed during the warm-up are not counted. Thread-safe: each run uses its own
 * threads.
 *
 * <p>A request that fails in transport is sent once more before it counts as an error: a server may
 * close a kept-alive connection just as the client reuses it (the JDK client then reports "header
 * parser received no bytes"), and the JDK client resends only idempotent methods by itself, not
 * this POST. Asking is read-only, so the resend is safe; the result counts resends apart.
 */
public final class LoadClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run measured. */
  public record Result(
      int clients,
      Duration measured,
      long answers,
      long errors,
      long resent,
      Map<Integer, Long> statuses,
      Latencies.Summary latency) {
    /** Answers (HTTP 200) per second over the measured window. */
    public double throughput() {
      return answers / (measured.toNanos() / 1e9);
    }
  }

  private final URI endpoint;
  private final Duration timeout;

  /**
   * @param endpoint the ask endpoint, e.g. {@code http://127.0.0.1:8080/api/ask}
   * @param timeout how long one request may take before it counts as an error
   * @throws IllegalArgumentException when the endpoint is not on a loopback address
   */
  public LoadClient(URI endpoint, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (!"http".equals(endpoint.getScheme()) || !isLoopback(endpoint.getHost())) {
      throw new IllegalArgumentException(
          "load is only sent to http on a loopback address: " + endpoint);
    }
  }

  /**
   * Runs {@code clients} clients over {@code questions} (each client starts at its own offset) for
   * {@code warmup} then {@code duration}; returns after at most warmup + duration + timeout.
   */
  public Result run(List<String> questions, int clients, Duration warmup, Duration duration)
      throws InterruptedException {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("no questions to send");
    }
    if (clients <= 0) {
      throw new IllegalArgumentException("clients must be positive: " + clients);
    }
    List<byte[]> bodies = new ArrayList<>();
    for (String q : questions) {
      bodies.add(
          JSON.createObjectNode()
              .put("question", q)
              .toString()
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long measureTo = measureFrom + duration.toNanos();
    AtomicLong errors = new AtomicLong();
    AtomicLong resent = new AtomicLong();
    Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    List<Latencies> perClient = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Latencies mine = new Latencies();
      perClient.add(mine);
      int offset = c * Math.max(1, bodies.size() / clients);
      Thread t =
          Thread.ofPlatform()
              .name("load-client-" + c)
              .daemon()
              .unstarted(
                  () ->
                      loop(
                          http,
                          bodies,
                          offset,
                          new Window(measureFrom, measureTo),
                          mine,
                          errors,
                          resent,
                          statuses));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      long wait =
          Duration.ofNanos(measureTo - System.nanoTime()).plus(timeout).plusSeconds(1).toMillis();
      t.join(Math.max(1, wait));
      t.interrupt(); // a request still hanging past its timeout
    }
    http.shutdownNow();
    Latencies all = new Latencies();
    perClient.forEach(all::addAll);
    Map<Integer, Long> counts = new TreeMap<>();
    statuses.forEach((k, v) -> counts.put(k, v.get()));
    return new Result(
        clients, duration, all.count(), errors.get(), resent.get(), counts, all.summary());
  }

  private record Window(long from, long to) {}

  private void loop(
      HttpClient http,
      List<byte[]> bodies,
      int offset,
      Window window,
      Latencies latencies,
      AtomicLong errors,
      AtomicLong resent,
      Map<Integer, AtomicLong> statuses) {
    for (int i = offset;
        System.nanoTime() < window.to() && !Thread.currentThread().isInterrupted();
        i++) {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size())))
              .build();
      long t0 = System.nanoTime();
      Sent sent;
      try {
        sent = send(http, request);
      } catch (InterruptedException e) {
        return;
      }
      long t1 = System.nanoTime();
      if (t0 < window.from() || t1 > window.to()) {
        continue; // warm-up, or finished after the window closed
      }
      statuses.computeIfAbsent(sent.status(), s -> new AtomicLong()).incrementAndGet();
      if (sent.resent()) {
        resent.incrementAndGet();
      }
      if (sent.status() == 200) {
        latencies.add(t1 - t0);
      } else {
        errors.incrementAndGet();
      }
    }
  }

  /** A request's status, -1 when it failed in transport twice, and whether it was sent twice. */
  private record Sent(int status, boolean resent) {}

  private static Sent send(HttpClient http, HttpRequest request) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return new Sent(status, attempt > 0);
      } catch (IOException e) {
        if (attempt > 0) {
          return new Sent(-1, true);
        }
      }
    }
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
