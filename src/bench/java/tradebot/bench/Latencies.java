package tradebot.bench;

import java.util.Arrays;

/**
 * Latencies recorded one by one (nanoseconds), and their percentiles. Not thread-safe: one per
 * recording thread, merged at the end.
 */
public final class Latencies {
  private long[] nanos = new long[1024];
  private int size;

  /** Records one latency. */
  public void add(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  /** Adds every latency of {@code other}. */
  public void addAll(Latencies other) {
    for (int i = 0; i < other.size; i++) {
      add(other.nanos[i]);
    }
  }

  /** The recorded values, sorted. */
  long[] sorted() {
    long[] out = Arrays.copyOf(nanos, size);
    Arrays.sort(out);
    return out;
  }

  public int count() {
    return size;
  }

  /** The summary: count, median, p99, max and mean in milliseconds. */
  public Summary summary() {
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    double mean = 0;
    for (long n : sorted) {
      mean += n;
    }
    return new Summary(
        size,
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 99)),
        size == 0 ? Double.NaN : ms(sorted[size - 1]),
        size == 0 ? Double.NaN : mean / size / 1e6);
  }

  /** Latency figures in milliseconds; NaN when nothing was recorded. */
  public record Summary(int count, double p50, double p99, double max, double mean) {}

  /** The nearest-rank percentile of sorted values; NaN for none. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }
}
