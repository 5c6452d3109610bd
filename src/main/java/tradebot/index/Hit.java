package tradebot.index;

import java.util.List;
import java.util.Objects;
import tradebot.knowledge.Passage;

/**
 * A passage found by a search, with its BM25 score and its sentences as the index analyzed them.
 * Immutable.
 *
 * @param passage the passage, rebuilt from the index
 * @param score Lucene's score: higher is better, comparable only within one search
 * @param tokens for each sentence of the passage, in order, its index terms with their offsets
 */
public record Hit(Passage passage, float score, List<List<Token>> tokens) {
  public Hit {
    Objects.requireNonNull(passage, "passage");
    tokens = List.copyOf(tokens);
    if (tokens.size() != passage.sentences().size()) {
      throw new IllegalArgumentException(
          "tokens for " + tokens.size() + " sentences, passage has " + passage.sentences().size());
    }
  }

  /** The anchor sentence's tokens. */
  public List<Token> anchorTokens() {
    return tokens.get(passage.anchor());
  }
}
