package tradebot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The bot as users start it, in its own JVM: time from launch to the first answer or to ready, the
 * memory it holds once loaded, and {@code /api/ask} under load. Not thread-safe: one run at a time.
 */
final class EndToEnd {
  /** Launch to first answer, and what the loaded process holds. */
  record Loaded(Duration firstAnswer, Optional<Long> rssMb, Optional<Long> heapMb) {}

  /** A served run: launch to ready, memory, and the load result. */
  record Served(
      Duration ready, Optional<Long> rssMb, Optional<Long> heapMb, LoadClient.Result load) {}

  private final Children children;
  private final Path jar;

  EndToEnd(Children children, Path jar) {
    this.children = children;
    this.jar = jar;
  }

  /** Whether this jar has the {@code serve} command (the HTTP server). */
  boolean canServe() throws IOException, InterruptedException {
    Children.Finished help =
        children.run(
            "help", children.java("-jar", jar.toString(), "--help"), Duration.ofMinutes(1));
    return help.exit() == 0 && help.output().lines().anyMatch(l -> l.matches("\\s+serve\\b.*"));
  }

  /**
   * Starts {@code ask} reading questions from stdin, asks one, and times launch to that answer;
   * then measures the loaded process (RSS, heap after a full GC) and ends it.
   */
  Loaded askOnce(List<String> jvm, Path knowledge, Path data, String question)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(jvm);
    cmd.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "ask",
            "--json",
            "--knowledge",
            knowledge.toString(),
            "--data",
            data.toString()));
    List<String> full = children.java(cmd.toArray(String[]::new));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      OutputStream in = p.getOutputStream();
      in.write((question + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readLine(out));
      String answer = line.get(3, TimeUnit.MINUTES);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      if (answer == null || !answer.startsWith("{")) {
        throw new IllegalStateException("ask gave no answer line: " + answer);
      }
      Optional<Long> heap = children.heapAfterGcMb(p.pid());
      Optional<Long> rss = Machine.rssMb(p.pid());
      in.close();
      p.waitFor(30, TimeUnit.SECONDS);
      return new Loaded(took, rss, heap);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("ask did not answer: " + e, e);
    } finally {
      if (p.isAlive()) {
        Children.stop(p);
      }
    }
  }

  /**
   * Starts {@code serve} on a free loopback port, times launch to {@code /readyz} answering 200,
   * measures the loaded process, runs the load client against {@code /api/ask}, and stops it.
   */
  Served serve(
      List<String> jvm,
      Path knowledge,
      Path data,
      List<String> questions,
      int clients,
      Duration warmup,
      Duration duration)
      throws IOException, InterruptedException {
    int port = freePort();
    long t0 = System.nanoTime();
    Process p = startServe(jvm, port, knowledge, data);
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      Duration ready = awaitReady(p, base.resolve("/readyz"), t0);
      Optional<Long> heap = children.heapAfterGcMb(p.pid());
      Optional<Long> rss = Machine.rssMb(p.pid());
      LoadClient.Result load =
          new LoadClient(base.resolve("/api/ask"), Duration.ofSeconds(5))
              .run(questions, clients, warmup, duration);
      return new Served(ready, rss, heap, load);
    } finally {
      Children.stop(p);
    }
  }

  private Process startServe(List<String> jvm, int port, Path knowledge, Path data)
      throws IOException {
    List<String> cmd = new ArrayList<>(jvm);
    cmd.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "serve",
            "--port",
            Integer.toString(port),
            "--knowledge",
            knowledge.toString(),
            "--data",
            data.toString()));
    return children.start("serve-" + port, children.java(cmd.toArray(String[]::new)));
  }

  /** Starts {@code serve} on a free loopback port, times launch to ready, and stops it. */
  Duration serveReady(List<String> jvm, Path knowledge, Path data)
      throws IOException, InterruptedException {
    int port = freePort();
    long t0 = System.nanoTime();
    Process p = startServe(jvm, port, knowledge, data);
    try {
      return awaitReady(p, URI.create("http://127.0.0.1:" + port + "/readyz"), t0);
    } finally {
      Children.stop(p);
    }
  }

  /**
   * Polls {@code readyz} until it answers 200, for up to 5 minutes from {@code t0} while {@code p}
   * lives; returns the time since {@code t0}.
   */
  static Duration awaitReady(Process p, URI readyz, long t0) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
    try {
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "serve exited with " + p.exitValue() + " before it was ready");
        }
        try {
          HttpResponse<Void> r =
              http.send(
                  HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(1)).GET().build(),
                  HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            return Duration.ofNanos(System.nanoTime() - t0);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException("serve was not ready within 5 minutes");
    } finally {
      http.shutdownNow();
    }
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  /** A loopback port nothing listens on now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
