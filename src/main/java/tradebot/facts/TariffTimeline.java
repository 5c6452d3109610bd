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
    Builder builder = builder(vocabulary);
    documents.forEach(builder::add);
    return builder.build();
  }

  /**
   * A timeline built one document at a time, so that a large knowledge base need not be held in
   * memory: each document's events are extracted as it is added. Not thread-safe.
   */
  public static Builder builder(Vocabulary vocabulary) {
    return new Builder();
  }

  /** Collects events document by document; {@link #build} orders them. */
  public static final class Builder {
    private Builder() {}

    /** Extracts the events of one document. */
    public void add(Document document) {}

    public TariffTimeline build() {
      return new TariffTimeline();
    }
  }

  /** How many events the timeline holds. */
  public int size() {
    return 0;
  }
}
