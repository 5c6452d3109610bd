package tradebot.bench.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tradebot.bench.Latencies;

/**
 * The CPU time of each measured operation of a latency benchmark, beside JMH's wall time: on a
 * machine shared with other work, wall time includes waiting for a core and CPU time does not, so
 * CPU time tells what an idle core would give. Written for the bench runner when the trial ends.
 * Not thread-safe: one per benchmark thread.
 */
final class CpuTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** File name prefix under the work directory; the benchmark and corpus follow. */
  static final String PREFIX = "cpu-";

  private final Latencies measured = new Latencies();
  private boolean measuring;

  void measuring(boolean on) {
    measuring = on;
  }

  long start() {
    return THREADS.getCurrentThreadCpuTime();
  }

  void stop(long start) {
    if (measuring) {
      measured.add(THREADS.getCurrentThreadCpuTime() - start);
    }
  }

  /** Writes "p50 p99 mean count" in microseconds to {@code work/cpu-NAME}. */
  void write(Path work, String name) throws IOException {
    Latencies.Summary s = measured.summary();
    Files.createDirectories(work);
    Files.writeString(
        work.resolve(PREFIX + name),
        String.format(
            Locale.ROOT,
            "%.3f %.3f %.3f %d%n",
            s.p50() * 1000,
            s.p99() * 1000,
            s.mean() * 1000,
            s.count()),
        StandardCharsets.UTF_8);
  }
}
