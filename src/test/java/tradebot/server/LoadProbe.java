package tradebot.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, bounded loopback load for {@code POST /api/ask} (not a test): N clients ask in a loop
 * for a fixed time, then it prints requests per second and latency percentiles. Usage: {@code java
 * -cp target/test-classes tradebot.server.LoadProbe http://127.0.0.1:8080/ SECONDS CLIENTS
 * [QUESTION...]}.
 */
public final class LoadProbe {
  private LoadProbe() {}

  public static void main(String[] args) throws Exception {
    URI ask = URI.create(args[0]).resolve("/api/ask");
    Duration length = Duration.ofSeconds(Math.min(120, Long.parseLong(args[1])));
    int clients = Math.min(64, Integer.parseInt(args[2]));
    List<String> questions =
        args.length > 3
            ? List.of(args).subList(3, args.length)
            : List.of(
                "What tariff did the US put on Chinese goods in April 2025?",
                "Why did China cancel the trade talks in September 2018?",
                "Who led the US delegation to Beijing in May 2018?",
                "Did the May 2019 talks end with a deal?");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong errors = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int offset = c;
      running.add(
          pool.submit(
              () -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                  String q = questions.get(i % questions.size()).replace("\"", "'");
                  long s = System.nanoTime();
                  try {
                    HttpResponse<Void> r =
                        http.send(
                            HttpRequest.newBuilder(ask)
                                .timeout(Duration.ofSeconds(10))
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        "{\"question\":\"" + q + "\"}"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies.add(System.nanoTime() - s);
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "%d requests in %.1f s with %d clients: %.0f req/s, %d errors, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        sorted.size(),
        seconds,
        clients,
        sorted.size() / seconds,
        errors.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }
}
