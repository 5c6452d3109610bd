package tradebot.index;

import java.time.Month;
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
 * @param month the month of that year the question names: its passages are gathered before the rest
 *     of the year's; only with a year
 * @param vector the question's embedding (unit length): its nearest anchor sentences join the
 *     candidates, and every candidate gets its similarity; empty for a lexical search
 */
public record SearchQuery(
    List<TermGroup> groups,
    int k,
    Optional<Year> year,
    Optional<Month> month,
    Optional<float[]> vector) {
  public SearchQuery {
    groups = List.copyOf(groups);
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(vector, "vector");
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    if (month.isPresent() && year.isEmpty()) {
      throw new IllegalArgumentException("a month needs a year: " + month.get());
    }
  }

  /** A lexical search. */
  public SearchQuery(List<TermGroup> groups, int k, Optional<Year> year, Optional<Month> month) {
    this(groups, k, year, month, Optional.empty());
  }

  /** A search with no year named. */
  public SearchQuery(List<TermGroup> groups, int k) {
    this(groups, k, Optional.empty(), Optional.empty());
  }

  /** A search naming a year but no month. */
  public SearchQuery(List<TermGroup> groups, int k, Optional<Year> year) {
    this(groups, k, year, Optional.empty());
  }
}
