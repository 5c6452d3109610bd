package tradebot.index;

import java.util.List;

/**
 * One concept of a question with the ways it may be written: "tariff" with "duty" and "levy", or
 * "Xi" with "Xi Jinping". A passage matches the group when it holds any alternative; alternatives
 * of several words match as a phrase. Immutable.
 *
 * @param alternatives words or phrases, as the user or the synonym file writes them (not analyzed)
 * @param boost the weight of this concept in the score, positive
 * @param fuzzy whether to also match words one or two edits away (typos)
 */
public record TermGroup(List<String> alternatives, float boost, boolean fuzzy) {
  public TermGroup {
    alternatives = List.copyOf(alternatives);
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException("a term group needs at least one alternative");
    }
    if (!(boost > 0)) {
      throw new IllegalArgumentException("boost must be positive: " + boost);
    }
  }

  /** The first alternative, as the question wrote it. */
  public String head() {
    return alternatives.getFirst();
  }
}
