package tradebot.cli;

import java.nio.file.Path;
import tradebot.knowledge.BoilerplateCleaner;
import tradebot.knowledge.FigureExtractor;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.SentenceSplitter;

/**
 * The ingestion pipeline as the config directory describes it, for commands that ingest outside a
 * corpus.
 */
final class Pipelines {
  private Pipelines() {}

  static Ingester ingester(Path configDir) {
    return new Ingester(
        BoilerplateCleaner.fromFile(configDir.resolve("boilerplate.yaml")),
        SentenceSplitter.fromFile(configDir.resolve("abbreviations.txt")),
        new FigureExtractor());
  }
}
