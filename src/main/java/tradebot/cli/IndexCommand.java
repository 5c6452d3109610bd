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
    description = {
      "Build the index (when the knowledge files changed) and print counts and time.",
      "With --out DIR, build it into DIR (a new version beside the ones there, then CURRENT"
          + " names it) for replicas that serve it with --index DIR."
    })
final class IndexCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--force", description = "Rebuild even when the index is current.")
  boolean force;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Build into this index directory (as --index DIR does).")
  Path out;

  @Override
  public Integer call() throws Exception {
    TradebotConfig config = options.config();
    if (out != null) {
      config = config.withIndexDir(out);
    }
    if (force) {
      Path current = config.indexDir().resolve("CURRENT");
      Files.deleteIfExists(current);
    }
    long t0 = System.nanoTime();
    try (App app = App.startOneShot(config)) {
      ReloadReport r = app.startup();
      System.out.println(r.message());
      System.out.printf(
          "articles %d, passages %d, figures %d, skipped files %d, version %s in %s, %d ms (including JVM warm-up of the pipeline)%n",
          r.articles(),
          r.passages(),
          r.figures(),
          r.errors().size(),
          r.version(),
          config.indexDir(),
          (System.nanoTime() - t0) / 1_000_000);
      r.errors().forEach(e -> System.out.println("skipped " + e));
    }
    return 0;
  }
}
