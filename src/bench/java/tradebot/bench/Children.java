package tradebot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts JVMs for the parts of the benchmark that must not share the runner's process: the CLI as
 * users run it, and runs whose heap is the measurement. Every child is bounded in time and killed
 * when it overstays. Thread-safe.
 */
final class Children {
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /** A finished child: exit code, wall time, its output, peak RSS seen while it ran. */
  record Finished(int exit, Duration took, String output, long peakRssMb) {}

  private final Path java;
  private final Path dir;
  private final Path logs;

  Children(Path dir, Path logs) {
    this.java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
    this.dir = dir;
    this.logs = logs;
  }

  /** {@code java} followed by {@code args}. */
  List<String> java(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code jcmd} beside the running java, when there is one. */
  Optional<Path> jcmd() {
    Path jcmd = java.resolveSibling("jcmd");
    return Files.isExecutable(jcmd) ? Optional.of(jcmd) : Optional.empty();
  }

  /** Starts {@code command} with stdout and stderr into one log file named {@code name}. */
  Process start(String name, List<String> command) throws IOException {
    return start(name, command, Map.of());
  }

  /** As {@link #start(String, List)}, with {@code env} added to the environment. */
  Process start(String name, List<String> command, Map<String, String> env) throws IOException {
    Files.createDirectories(logs);
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs {@code command} to its end, or kills it after {@code limit}. */
  Finished run(String name, List<String> command, Duration limit)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = start(name, command);
    long peak = 0;
    long deadline = t0 + limit.toNanos();
    while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, Machine.peakRssMb(p.pid()).orElse(0L));
      if (System.nanoTime() > deadline) {
        stop(p);
        throw new IllegalStateException(
            name + " took longer than " + limit + "; see " + logs.resolve(name + ".log"));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    String output = Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
    return new Finished(p.exitValue(), took, output, peak);
  }

  /** The heap a live JVM uses right after a full GC, in MB, through jcmd. */
  Optional<Long> heapAfterGcMb(long pid) throws IOException, InterruptedException {
    if (jcmd().isEmpty()) {
      return Optional.empty();
    }
    String jcmd = jcmd().get().toString();
    run("jcmd-gc-" + pid, List.of(jcmd, Long.toString(pid), "GC.run"), Duration.ofSeconds(60));
    Finished info =
        run(
            "jcmd-heap-" + pid,
            List.of(jcmd, Long.toString(pid), "GC.heap_info"),
            Duration.ofSeconds(60));
    Matcher m = HEAP_USED.matcher(info.output());
    return m.find() ? Optional.of(Long.parseLong(m.group(1)) / 1024) : Optional.empty();
  }

  /** Asks a child to end (SIGTERM), then kills it if it has not within ten seconds. */
  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
