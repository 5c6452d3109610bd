package tradebot.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tradebot.index.Hit;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.SentenceSplitter;

/**
 * Chooses the sentences a citation quotes: the passage's anchor, with the sentence before it when
 * that one holds the anchor's subject, speaker or referent, and the sentence after it when the
 * answer is there. Thread-safe (stateless).
 *
 * <p>The sentence before is quoted when it opened a quotation the anchor closes ({@code ... 90
 * days. All other elements ... the same," Trump wrote}) or the anchor opens with a word that stands
 * for something named before it ("She", "They", "This"). The sentence after is quoted when it
 * finishes a quotation the anchor opened; when the anchor lacks what a typed question asks for and
 * the next sentence has it; for a quote question, when the next sentence carries the same speaker
 * on ("She said ..."); or, for "what" and "why" questions, when the anchor ends with a colon, the
 * next sentence points back at it ("That included ..."), or the anchor only restates the question
 * (the answer tends to follow the sentence that sets it up).
 */
final class QuoteSpan {
  /** An anchor whose index terms are this much the question's restates it. */
  private static final double RESTATES = 0.4;

  private QuoteSpan() {}

  static List<Sentence> of(Question question, Hit hit) {
    Passage passage = hit.passage();
    Sentence anchor = passage.anchorSentence();
    List<Sentence> out = new ArrayList<>(3);
    int before = passage.anchor() - 1;
    if (before >= 0 && needsBefore(passage.sentences().get(before), anchor)) {
      out.add(passage.sentences().get(before));
    }
    out.add(anchor);
    int next = passage.anchor() + 1;
    if (next < passage.sentences().size()
        && needsAfter(question, hit, anchor, passage.sentences().get(next))) {
      out.add(passage.sentences().get(next));
    }
    return List.copyOf(out);
  }

  /**
   * For a typed question whose anchor lacks its key: whether a sentence {@link #of} quotes with the
   * anchor holds it. The next one is quoted whenever it holds the key; the one before only when the
   * anchor needs it.
   */
  static boolean keyBeside(Question question, Passage passage) {
    List<Sentence> s = passage.sentences();
    int a = passage.anchor();
    return a + 1 < s.size() && Evidence.find(question, s.get(a + 1)).isPresent()
        || a > 0
            && needsBefore(s.get(a - 1), s.get(a))
            && Evidence.find(question, s.get(a - 1)).isPresent();
  }

  /** Whether {@code anchor} reads only with {@code before}: its subject or speaker is there. */
  static boolean needsBefore(Sentence before, Sentence anchor) {
    return (opensQuotation(before.text()) && closesQuotation(anchor.text()))
        || Ingester.pointsBack(anchor)
        || Evidence.opensWithPronoun(anchor);
  }

  private static boolean needsAfter(
      Question question, Hit hit, Sentence anchor, Sentence following) {
    if (opensQuotation(anchor.text()) && closesQuotation(following.text())) {
      return true;
    }
    if (question.type() == QuestionType.QUOTE && Evidence.opensWithPronoun(following)) {
      return true;
    }
    if (Evidence.typed(question.type())) {
      return Evidence.find(question, anchor).isEmpty()
          && Evidence.find(question, following).isPresent();
    }
    return anchor.text().endsWith(":") || Ingester.pointsBack(following) || restates(question, hit);
  }

  /** The sentence leaves a quotation open: more opening marks than closing ones. */
  static boolean opensQuotation(String text) {
    return balance(text) > 0;
  }

  /** The sentence closes a quotation opened before it. */
  static boolean closesQuotation(String text) {
    return balance(text) < 0;
  }

  private static int balance(String text) {
    return SentenceSplitter.quoteBalance(text, 0, text.length());
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
