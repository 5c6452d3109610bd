package tradebot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.bench.BenchRunner;
import tradebot.config.TradebotConfig;

/** {@code tradebot bench}: runs the benchmark suite and writes docs/BENCHMARKS.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Run the benchmarks (JMH in-process, scale, end to end) and write docs/BENCHMARKS.md. Use ./tradebot bench: it builds the benchmark jar.")
public final class BenchCommand implements Callable<Integer>, MeasurementCommand {
  @Mixin Options options;

  @Option(
      names = "--quick",
      description = "Seeds and 10k generated articles only, shorter runs (a few minutes).")
  boolean quick;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "docs/BENCHMARKS.md",
      description = "Report to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--dev",
      paramLabel = "FILE",
      defaultValue = "src/test/resources/eval/dev.jsonl",
      description = "Dev question file (default: ${DEFAULT-VALUE}).")
  Path dev;

  @Option(
      names = "--app-jar",
      paramLabel = "JAR",
      defaultValue = "target/tradebot.jar",
      description = "Production jar for the end-to-end runs (default: ${DEFAULT-VALUE}).")
  Path appJar;

  @Option(
      names = "--serve-jar",
      paramLabel = "JAR",
      description = "Jar whose serve command is measured end to end (default: the --app-jar).")
  Path serveJar;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "target/bench",
      description = "Scratch directory for corpora and indexes (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Corpus generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    TradebotConfig config = options.config();
    if (!Files.isRegularFile(dev)) {
      throw new IllegalArgumentException(
          "dev question file not found: " + dev.toAbsolutePath() + " (use --dev FILE)");
    }
    if (!Files.isRegularFile(appJar)) {
      throw new IllegalArgumentException(
          "production jar not found: "
              + appJar.toAbsolutePath()
              + " (build it with mvn package, or use --app-jar)");
    }
    BenchRunner.Settings settings =
        new BenchRunner.Settings(
            Path.of("").toAbsolutePath(),
            config.configDir(),
            config.knowledge().dir(),
            dev,
            appJar,
            serveJar == null ? appJar : serveJar,
            out,
            work,
            quick,
            seed,
            "./tradebot bench" + (quick ? " --quick" : ""));
    new BenchRunner(settings).run();
    return 0;
  }
}
