package tradebot.facts;

import java.util.List;
import tradebot.config.Vocabulary;
import tradebot.knowledge.Document;

/**
 * Tariff events extracted from the knowledge base, in date order. Immutable and thread-safe.
 *
 * <p>PLACEHOLDER: holds no events; the tariff tracker replaces it.
 */
public final class TariffTimeline {
  private TariffTimeline() {}

  /** Extracts the tariff events of {@code documents}. */
  public static TariffTimeline build(List<Document> documents, Vocabulary vocabulary) {
    return new TariffTimeline();
  }

  /** How many events the timeline holds. */
  public int size() {
    return 0;
  }
}
