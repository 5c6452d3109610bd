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
 * @param parts the score's parts, each its own feature for the ranker
 */
public record Hit(Passage passage, float score, List<List<Token>> tokens, Parts parts) {
  /**
   * What a search measured of one passage. Immutable.
   *
   * @param focus BM25 of the question's words on the anchor sentence
   * @param context BM25 on the whole window (anchor and neighbours)
   * @param title BM25 on the article's title
   * @param similarity cosine of the question's and the anchor sentence's embeddings, or NaN when
   *     the search had no vector
   * @param windowSimilarity cosine of the question's embedding and the window's, or NaN
   * @param lexical whether the words' search found it (else only the nearest-neighbour search did)
   */
  public record Parts(
      float focus,
      float context,
      float title,
      float similarity,
      float windowSimilarity,
      boolean lexical) {
    /** Parts of a lexical hit whose parts were not measured. */
    public static final Parts NONE = new Parts(0, 0, 0, Float.NaN, Float.NaN, true);
  }

  /** A hit whose score's parts are not known. */
  public Hit(Passage passage, float score, List<List<Token>> tokens) {
    this(passage, score, tokens, Parts.NONE);
  }

  public Hit {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(parts, "parts");
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
