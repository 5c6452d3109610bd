package tradebot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tradebot.chat.RateLimiter;
import tradebot.config.TradebotConfig;
import tradebot.state.SharedState;

/**
 * What running replicas costs and gives on this machine: {@code /api/ask} answers per second with
 * one and with two {@code serve} replicas (sharing a real redis-server and one index directory
 * built once by {@code index --out}), the latency a rate-limit check adds when its buckets are in
 * Redis, and how long a reload asked on one replica takes to be served by the other. Prints a
 * Markdown report. Needs {@code redis-server} on the PATH. Not thread-safe: one run at a time.
 */
public final class Scaling {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "scaling-admin-token";

  private final Path jar;
  private final Path config;
  private final Path knowledge;
  private final Path work;
  private final List<String> questions;
  private final Children children;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public Scaling(Path jar, Path config, Path knowledge, Path work, List<String> questions) {
    this.jar = jar;
    this.config = config;
    this.knowledge = knowledge;
    this.work = work;
    this.questions = List.copyOf(questions);
    this.children = new Children(Path.of("").toAbsolutePath(), work.resolve("logs"));
  }

  /** Runs every measurement and returns the report. */
  public String run(int clients, Duration warmup, Duration duration) throws Exception {
    Files.createDirectories(work);
    int redisPort = EndToEnd.freePort();
    Process redis =
        children.start(
            "redis",
            List.of(
                "redis-server",
                "--port",
                String.valueOf(redisPort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no"));
    String redisUrl = "redis://127.0.0.1:" + redisPort;
    List<Process> replicas = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    try {
      Thread.sleep(500);
      Path cfg = copy(config, work.resolve("config"));
      Path kb = copy(knowledge, work.resolve("knowledge"));
      Path index = work.resolve("index");
      Files.writeString(
          cfg.resolve("tradebot.yaml"),
          "state:\n  index_dir: %s\n  redis_url: %s\n".formatted(index, redisUrl));
      Children.Finished built =
          children.run(
              "index",
              children.java(
                  "-jar",
                  jar.toString(),
                  "index",
                  "--out",
                  index.toString(),
                  "--config",
                  cfg.toString(),
                  "--knowledge",
                  kb.toString(),
                  "--data",
                  work.resolve("data-index").toString()),
              Duration.ofMinutes(10));
      if (built.exit() != 0) {
        throw new IllegalStateException("index --out failed:\n" + built.output());
      }
      URI a = serve("a", cfg, kb, replicas);
      LoadClient.Result one = load(a, clients, warmup, duration);
      URI b = serve("b", cfg, kb, replicas);
      LoadClient.Result[] two = loadBoth(a, b, clients, warmup, duration);
      Duration propagation = reload(a, b, kb);
      Latencies local = checks(null, 20_000);
      Latencies shared;
      try (SharedState state =
          SharedState.open(new TradebotConfig.State(null, redisUrl), Clock.systemUTC(), null)) {
        shared = checks(state, 20_000);
      }
      out.append("| measured | result |\n|---|---|\n");
      out.append(
          row(
              "answers/s, 1 replica (%d clients)".formatted(clients),
              "%.0f (p50 %.1f ms, p99 %.1f ms, %d errors)"
                  .formatted(
                      one.throughput(), one.latency().p50(), one.latency().p99(), one.errors())));
      out.append(
          row(
              "answers/s, 2 replicas (%d clients each)".formatted(clients),
              "%.0f + %.0f = %.0f (p99 %.1f / %.1f ms, %d errors)"
                  .formatted(
                      two[0].throughput(),
                      two[1].throughput(),
                      two[0].throughput() + two[1].throughput(),
                      two[0].latency().p99(),
                      two[1].latency().p99(),
                      two[0].errors() + two[1].errors())));
      Latencies.Summary l = local.summary();
      Latencies.Summary s = shared.summary();
      out.append(
          row(
              "rate-limit check, in process",
              "p50 %.3f ms, p99 %.3f ms".formatted(l.p50(), l.p99())));
      out.append(
          row(
              "rate-limit check, buckets in Redis",
              "p50 %.3f ms, p99 %.3f ms (added: p50 %.3f ms)"
                  .formatted(s.p50(), s.p99(), s.p50() - l.p50())));
      out.append(
          row(
              "reload on A (one article added) until B serves it",
              "%d ms after A's reload returned".formatted(propagation.toMillis())));
    } finally {
      for (Process p : replicas) {
        Children.stop(p);
      }
      Children.stop(redis);
    }
    return out.toString();
  }

  private static String row(String what, String result) {
    return "| " + what + " | " + result + " |\n";
  }

  private URI serve(String name, Path cfg, Path kb, List<Process> replicas) throws Exception {
    int port = EndToEnd.freePort();
    List<String> cmd =
        children.java(
            "-jar",
            jar.toString(),
            "serve",
            "--port",
            String.valueOf(port),
            "--config",
            cfg.toString(),
            "--knowledge",
            kb.toString(),
            "--data",
            work.resolve("data-" + name).toString());
    Process p = children.start(name, cmd, Map.of("TRADEBOT_ADMIN_TOKEN", ADMIN));
    replicas.add(p);
    URI base = URI.create("http://127.0.0.1:" + port);
    EndToEnd.awaitReady(p, base.resolve("/readyz"), System.nanoTime());
    return base;
  }

  private LoadClient.Result load(URI base, int clients, Duration warmup, Duration duration)
      throws InterruptedException {
    return new LoadClient(base.resolve("/api/ask"), Duration.ofSeconds(5))
        .run(questions, clients, warmup, duration);
  }

  private LoadClient.Result[] loadBoth(
      URI a, URI b, int clients, Duration warmup, Duration duration) throws Exception {
    LoadClient.Result[] results = new LoadClient.Result[2];
    Thread other =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    results[1] = load(b, clients, warmup, duration);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    results[0] = load(a, clients, warmup, duration);
    other.join();
    return results;
  }

  /** Adds an article, reloads A, and times until B's /readyz names A's new version. */
  private Duration reload(URI a, URI b, Path kb) throws Exception {
    String article =
        """
        ---
        title: Scaling test notice on tariffs
        outlet: Bench Wire
        published: 2026-12-01
        url: https://example.org/bench/scaling
        ---
        The United States kept its tariffs on Chinese goods unchanged on Tuesday, officials said.
        """;
    Files.writeString(kb.resolve("2026-12-01-bench-scaling.md"), article);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(a.resolve("/api/reload"))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long returned = System.nanoTime();
    if (r.statusCode() != 200) {
      throw new IllegalStateException("reload on A answered " + r.statusCode() + ": " + r.body());
    }
    String version = version(a);
    long deadline = returned + TimeUnit.MINUTES.toNanos(2);
    while (!version.equals(version(b))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("B never served version " + version);
      }
      Thread.sleep(5);
    }
    return Duration.ofNanos(System.nanoTime() - returned);
  }

  private String version(URI base) throws Exception {
    return JSON.readTree(get(base.resolve("/readyz")).body()).path("version").asText();
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * {@code n} checks, each for a new user in a new channel (so none is refused: the allowed path, a
   * user's bucket and a channel's), timed one by one.
   */
  private static Latencies checks(SharedState state, int n) {
    TradebotConfig.RateLimit rate = new TradebotConfig.RateLimit(5, Duration.ofSeconds(30));
    RateLimiter limiter =
        state == null
            ? new RateLimiter(rate, rate, Clock.systemUTC())
            : RateLimiter.of(rate, rate, Clock.systemUTC(), state, "bench");
    Latencies l = new Latencies();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      limiter.check("U" + i, "C" + i);
      if (i >= n / 10) { // the first tenth warms up
        l.add(System.nanoTime() - t0);
      }
    }
    return l;
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return to;
  }
}
