package tradebot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.bench.Scaling;
import tradebot.config.TradebotConfig;
import tradebot.eval.EvalQuestion;
import tradebot.eval.QuestionFile;

/** {@code tradebot scaling}: measures one and two replicas sharing Redis (docs/SCALING.md). */
@Command(
    name = "scaling",
    mixinStandardHelpOptions = true,
    description =
        "Measure answers per second with 1 and 2 serve replicas sharing a redis-server and one"
            + " index, the latency of rate limits in Redis, and reload propagation; print the"
            + " table for docs/SCALING.md. Needs redis-server. Use ./tradebot scaling.")
public final class ScalingCommand implements Callable<Integer>, MeasurementCommand {
  @Mixin Options options;

  @Option(
      names = "--app-jar",
      paramLabel = "JAR",
      defaultValue = "target/tradebot.jar",
      description = "Production jar the replicas run (default: ${DEFAULT-VALUE}).")
  Path appJar;

  @Option(
      names = "--questions",
      paramLabel = "FILE",
      defaultValue = "src/test/resources/eval/dev.jsonl",
      description = "Questions the load clients ask (default: ${DEFAULT-VALUE}).")
  Path questions;

  @Option(
      names = "--clients",
      defaultValue = "16",
      description = "Load clients per replica (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "Seconds measured per run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--warmup",
      defaultValue = "20",
      description = "Seconds of warm-up before each measured run (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "target/scaling",
      description = "Scratch directory (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    TradebotConfig config = options.config();
    if (!Files.isRegularFile(appJar)) {
      throw new IllegalArgumentException("production jar not found: " + appJar.toAbsolutePath());
    }
    List<String> asked = QuestionFile.read(questions).stream().map(EvalQuestion::question).toList();
    System.out.print(
        new Scaling(appJar, config.configDir(), config.knowledge().dir(), work, asked)
            .run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds)));
    return 0;
  }
}
