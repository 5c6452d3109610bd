package tradebot.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tradebot.config.TradebotConfig;

/**
 * A {@code tradebot.Main} command running in a child JVM on the test's class path, for tests of the
 * real command end to end: its log (stderr) goes to a file the test names, and no secret of the
 * test's own environment ({@link TradebotConfig#SECRETS}) reaches it unless the test sets it.
 * {@link #close()} kills it if it still runs, so use it in try-with-resources. Not thread-safe: one
 * test thread drives it.
 */
public final class TradebotProcess implements AutoCloseable {
  private static final Duration LOG_WAIT = Duration.ofSeconds(60);
  private static final Duration KILL_WAIT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final Path log;

  private TradebotProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** A command to start: {@code args} follow {@code tradebot.Main}, e.g. {@code "serve"}. */
  public static Builder command(String... args) {
    return new Builder(List.of(args));
  }

  /**
   * Copies the regular files directly in {@code from} (config/ and knowledge/ are flat) into {@code
   * to}, creating it; returns {@code to}.
   */
  public static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  /**
   * Polls the log until a line matches {@code regex}, for up to a minute while the process lives;
   * returns the first group.
   *
   * @throws AssertionError holding the log if the process exits or the minute passes first
   */
  public String awaitLogged(String regex) throws IOException, InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    if (pattern.matcher("").groupCount() < 1) {
      throw new IllegalArgumentException("the regex needs a group to return: " + regex);
    }
    long deadline = System.nanoTime() + LOG_WAIT.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(Files.readString(log));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    String why =
        process.isAlive()
            ? "still running after " + LOG_WAIT.toSeconds() + " s"
            : "exited with " + process.exitValue();
    throw new AssertionError(
        "tradebot %s %s without logging a line matching %s; log:%n%s"
            .formatted(name, why, regex, Files.readString(log)));
  }

  /**
   * Waits, as {@link #awaitLogged}, for the HTTP server's "listening on" line, in plain or JSON
   * lines (which escape the slashes); returns the server's base URI.
   */
  public URI awaitListening() throws IOException, InterruptedException {
    return URI.create(
        "http://127.0.0.1:"
            + awaitLogged("listening on http:\\\\?/\\\\?/127\\.0\\.0\\.1:(\\d+)")
            + "/");
  }

  /**
   * Waits for {@link #awaitListening}, then polls {@code /readyz} until it answers 200 (the server
   * listens while the index loads, answering 503); returns the server's base URI.
   */
  public URI awaitReady() throws IOException, InterruptedException {
    URI base = awaitListening();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest readyz = HttpRequest.newBuilder(base.resolve("/readyz")).build();
    long deadline = System.nanoTime() + LOG_WAIT.toNanos();
    String last = "no answer";
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(readyz, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return base;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "tradebot %s never ready (/readyz: %s); log:%n%s"
            .formatted(name, last, Files.readString(log)));
  }

  /** Sends SIGTERM ({@link Process#destroy()}) and returns at once. */
  public void sigterm() {
    process.destroy();
  }

  /** Waits up to {@code timeout} for the process to exit; returns whether it did. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Sends SIGTERM and waits up to {@code timeout}; returns whether the process exited by then. If
   * it did not, it is killed.
   */
  public boolean stop(Duration timeout) throws InterruptedException {
    sigterm();
    boolean exited = awaitExit(timeout);
    if (!exited) {
      process.destroyForcibly();
    }
    return exited;
  }

  /** Kills the process if it still runs and waits (bounded) for it to be gone. */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    awaitExit(KILL_WAIT);
  }

  /** How to start a {@link TradebotProcess}. Not thread-safe. */
  public static final class Builder {
    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path log;
    private Path stdout;

    private Builder(List<String> args) {
      if (args.isEmpty()) {
        throw new IllegalArgumentException("a tradebot command needs at least its name");
      }
      this.args = new ArrayList<>(args);
    }

    /** Appends more arguments. */
    public Builder args(String... more) {
      args.addAll(List.of(more));
      return this;
    }

    /** Appends {@code --config config --knowledge knowledge --data data}. */
    public Builder dirs(Path config, Path knowledge, Path data) {
      return args(
          "--config",
          config.toString(),
          "--knowledge",
          knowledge.toString(),
          "--data",
          data.toString());
    }

    /** Sets an environment variable, a secret included. */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
      return this;
    }

    /** Where stderr, the log, goes. Required. */
    public Builder logTo(Path file) {
      this.log = file;
      return this;
    }

    /** Where stdout goes; discarded unless set. */
    public Builder stdoutTo(Path file) {
      this.stdout = file;
      return this;
    }

    public TradebotProcess start() throws IOException {
      if (log == null) {
        throw new IllegalStateException("no log file for tradebot " + args.getFirst());
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "tradebot.Main"));
      command.addAll(args);
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectOutput(
                  stdout == null
                      ? ProcessBuilder.Redirect.DISCARD
                      : ProcessBuilder.Redirect.to(stdout.toFile()))
              .redirectError(log.toFile());
      TradebotConfig.SECRETS.forEach(pb.environment()::remove);
      pb.environment().putAll(env);
      return new TradebotProcess(args.getFirst(), pb.start(), log);
    }
  }
}
