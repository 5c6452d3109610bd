package tradebot.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tradebot.index.Hit;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;

/**
 * Chooses the sentences a citation quotes: the passage's anchor, and the next sentence of its
 * paragraph when the answer is there: the anchor lacks what the question asks for and the next
 * sentence has it; or, for "what" and "why" questions, the anchor ends with a colon, the next
 * sentence points back at it ("That included ..."), or the anchor only restates the question (the
 * answer tends to follow the sentence that sets it up). Thread-safe (stateless).
 */
final class QuoteSpan {
  /** An anchor whose index terms are this much the question's restates it. */
  private static final double RESTATES = 0.4;

  private QuoteSpan() {}

  static List<Sentence> of(Question question, Hit hit) {
    Passage passage = hit.passage();
    Sentence anchor = passage.anchorSentence();
    int next = passage.anchor() + 1;
    if (next >= passage.sentences().size()) {
      return List.of(anchor);
    }
    Sentence following = passage.sentences().get(next);
    boolean extend;
    if (Evidence.typed(question.type())) {
      extend =
          Evidence.find(question, anchor).isEmpty()
              && Evidence.find(question, following).isPresent();
    } else {
      extend =
          anchor.text().endsWith(":") || Ingester.pointsBack(following) || restates(question, hit);
    }
    return extend ? List.of(anchor, following) : List.of(anchor);
  }

  private static boolean restates(Question question, Hit hit) {
    Set<String> questionTerms = new HashSet<>();
    for (Question.Concept c : question.concepts()) {
      c.analyzed().forEach(questionTerms::addAll);
    }
    Set<String> anchorTerms = Ranker.terms(hit.anchorTokens());
    if (anchorTerms.isEmpty()) {
      return false;
    }
    long shared = anchorTerms.stream().filter(questionTerms::contains).count();
    return (double) shared / anchorTerms.size() >= RESTATES;
  }
}
