package tradebot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tradebot.config.TradebotConfig;
import tradebot.corpus.ReloadReport;

/** {@code tradebot index}: builds the index and prints counts and time. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build the index (when the knowledge files changed) and print counts and time.")
final class IndexCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--force", description = "Rebuild even when the index is current.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    TradebotConfig config = options.config();
    if (force) {
      Path current = config.dataDir().resolve("CURRENT");
      Files.deleteIfExists(current);
    }
    long t0 = System.nanoTime();
    try (App app = App.startOneShot(config)) {
      ReloadReport r = app.startup();
      System.out.println(r.message());
      System.out.printf(
          "articles %d, passages %d, figures %d, skipped files %d, version %s, %d ms (including JVM warm-up of the pipeline)%n",
          r.articles(),
          r.passages(),
          r.figures(),
          r.errors().size(),
          r.version(),
          (System.nanoTime() - t0) / 1_000_000);
      r.errors().forEach(e -> System.out.println("skipped " + e));
    }
    return 0;
  }
}
