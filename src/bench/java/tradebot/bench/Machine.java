package tradebot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a figure was measured on: CPU, cores, memory, OS, JDK, and how busy the machine was. Reads
 * {@code /proc} where there is one. Immutable.
 */
record Machine(String cpu, int cores, long memoryMb, String os, String jdk, String jvm) {

  static Machine current() {
    String cpu =
        read("/proc/cpuinfo")
            .flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .orElse(System.getProperty("os.arch"));
    long memoryMb =
        read("/proc/meminfo")
            .flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal:")).findFirst())
            .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024)
            .orElse(-1L);
    String os =
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch");
    String jdk = System.getProperty("java.vm.vendor") + " " + Runtime.version();
    String jvm = System.getProperty("java.vm.name");
    return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memoryMb, os, jdk, jvm);
  }

  /**
   * The 1-minute load average now ("-" where unknown): other work on a shared machine skews
   * figures.
   */
  static String load() {
    return read("/proc/loadavg")
        .map(s -> s.split(" ")[0])
        .orElse(
            String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }

  /** Resident set size of a process in MB, from /proc, when it can be read. */
  static Optional<Long> rssMb(long pid) {
    return statusField(pid, "VmRSS:");
  }

  /** Peak resident set size of a process in MB, from /proc, when it can be read. */
  static Optional<Long> peakRssMb(long pid) {
    return statusField(pid, "VmHWM:");
  }

  private static Optional<Long> statusField(long pid, String field) {
    return read("/proc/" + pid + "/status")
        .flatMap(s -> s.lines().filter(l -> l.startsWith(field)).findFirst())
        .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024);
  }

  private static Optional<String> read(String file) {
    try {
      return Optional.of(Files.readString(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
