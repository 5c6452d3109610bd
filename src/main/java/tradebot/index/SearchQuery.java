package tradebot.index;

import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A search built from plain words, never from query syntax: {@code title:* OR ((} is five words.
 * Immutable.
 *
 * @param groups the question's concepts, each scored on the passage's anchor sentence and, less, on
 *     its window
 * @param k how many passages to return, positive
 * @param year the year the question names: passages published in it are gathered first, so that
 *     among many look-alike articles the ones of that year are the ones ranked
 */
public record SearchQuery(List<TermGroup> groups, int k, Optional<Year> year) {
  public SearchQuery {
    groups = List.copyOf(groups);
    Objects.requireNonNull(year, "year");
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
  }

  /** A search with no year named. */
  public SearchQuery(List<TermGroup> groups, int k) {
    this(groups, k, Optional.empty());
  }
}
