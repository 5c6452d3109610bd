package tradebot.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of a question file ({@code src/test/resources/eval/dev.jsonl} format). Immutable.
 *
 * @param id the question's id
 * @param question the text asked
 * @param expect accepted answers: any one inside citation 1's quote is enough (empty when abstain)
 * @param cites the prefix of the cited article's published date, or ""
 * @param kind the question's kind (figure, who, when, off-topic, ...)
 * @param abstain whether the knowledge base does not answer it
 */
public record EvalQuestion(
    String id, String question, List<String> expect, String cites, String kind, boolean abstain) {
  public EvalQuestion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    expect = expect == null ? List.of() : List.copyOf(expect);
    cites = cites == null ? "" : cites;
    kind = kind == null || kind.isBlank() ? (abstain ? "off-topic" : "other") : kind;
    if (!abstain && expect.isEmpty()) {
      throw new IllegalArgumentException("question " + id + " has no expect and is not abstain");
    }
  }
}
