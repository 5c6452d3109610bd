package tradebot.index;

import java.util.Objects;
import tradebot.knowledge.Passage;

/**
 * A passage found by a search, with its BM25 score. Immutable.
 *
 * @param passage the passage, rebuilt from the index's stored fields
 * @param score Lucene's score: higher is better, comparable only within one search
 */
public record Hit(Passage passage, float score) {
  public Hit {
    Objects.requireNonNull(passage, "passage");
  }
}
