package tradebot.index;

import java.util.List;

/**
 * A search built from plain words, never from query syntax: {@code title:* OR ((} is five words.
 * Immutable.
 *
 * @param groups the question's concepts, each scored on the passage's anchor sentence and, less, on
 *     its window
 * @param k how many passages to return, positive
 */
public record SearchQuery(List<TermGroup> groups, int k) {
  public SearchQuery {
    groups = List.copyOf(groups);
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
  }
}
