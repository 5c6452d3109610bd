package tradebot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tradebot.bench.CorpusGenerator;

/** {@code tradebot gen-corpus}: writes a generated corpus of trade-news articles for benchmarks. */
@Command(
    name = "gen-corpus",
    mixinStandardHelpOptions = true,
    description =
        "Write N generated trade-news articles in the knowledge format (deterministic for a seed), for benchmarks.")
public final class GenCorpusCommand implements Callable<Integer>, MeasurementCommand {
  @Option(
      names = "--articles",
      paramLabel = "N",
      required = true,
      description = "How many articles to write.")
  int articles;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Output directory: missing, empty, or an earlier gen-corpus output (replaced).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (articles < 0) {
      throw new IllegalArgumentException("--articles must not be negative: " + articles);
    }
    long t0 = System.nanoTime();
    long bytes = CorpusGenerator.standard().write(out, articles, seed);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "wrote %d articles (%.1f MB) with seed %d to %s in %d ms%n",
        articles, bytes / 1e6, seed, out, ms);
    return 0;
  }
}
