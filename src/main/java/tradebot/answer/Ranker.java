package tradebot.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tradebot.index.Hit;
import tradebot.index.PassageIndex;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;

/**
 * Re-ranks BM25 hits with what BM25 cannot see: how much of the question the anchor sentence
 * covers, whether it holds the kind of thing the question asks for, whether its article is from the
 * month the question names, and, for "latest" questions, how recent it is. Also rates how sure the
 * answer is. Thread-safe (stateless but for the index it reads).
 */
final class Ranker {
  /** Feature weights: coverage of the question dominates; BM25 breaks ties among covering passages. */
  private static final double W_BM25 = 0.30;

  private static final double W_COVERAGE = 0.50;
  private static final double W_TYPE = 0.12;
  private static final double W_DATE = 0.15;
  private static final double W_RECENCY = 0.25;

  /** A word only in the window counts this much of one in the anchor sentence. */
  private static final double WINDOW_CREDIT = 0.6;

  /** A named entity found only elsewhere in the article. */
  private static final double ARTICLE_CREDIT = 0.5;

  /** A passage scored against a question. */
  record Candidate(Passage passage, double score, double coverage, double confidence, boolean typed) {}

  private final PassageIndex index;

  Ranker(PassageIndex index) {
    this.index = index;
  }

  List<Candidate> rank(Question question, List<Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    double top = hits.getFirst().score();
    long newest = Long.MIN_VALUE;
    long oldest = Long.MAX_VALUE;
    for (Hit h : hits) {
      long day = h.passage().source().published().toEpochDay();
      newest = Math.max(newest, day);
      oldest = Math.min(oldest, day);
    }
    List<Candidate> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      Passage p = h.passage();
      Match m = match(question, p);
      boolean typed = Evidence.find(question, p.anchorSentence()).isPresent();
      double typeScore = Evidence.typed(question.type()) ? (typed ? 1 : 0) : 0.5;
      double recency = question.recency() && newest > oldest
          ? (double) (p.source().published().toEpochDay() - oldest) / (newest - oldest)
          : 0;
      double score =
          W_BM25 * (h.score() / top)
              + W_COVERAGE * m.coverage
              + W_TYPE * typeScore
              + W_DATE * dateMatch(question, p.source().published())
              + W_RECENCY * recency;
      out.add(new Candidate(p, score, m.coverage, m.confidence(typed, question), typed));
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }

  /** 1 for the month the question names, 0.5 for its year, -1 for another year, 0 when none. */
  static double dateMatch(Question q, LocalDate published) {
    if (q.year() == 0) {
      return 0;
    }
    if (published.getYear() != q.year()) {
      return -1;
    }
    return q.month() == 0 || published.getMonthValue() == q.month() ? 1 : 0.5;
  }

  /** How a passage covers the question's concepts. */
  private record Match(double coverage, double entityCoverage, boolean entityMissing, double contentCoverage) {
    double confidence(boolean typed, Question q) {
      double c = coverage;
      if (entityMissing) {
        c *= 0.3; // it names someone or something the article never mentions
      }
      if (contentCoverage < 0.34) {
        c *= 0.5; // only the names matched: about them, but not about this
      }
      if (Evidence.typed(q.type()) && !typed) {
        c *= 0.85;
      }
      return Math.max(0, Math.min(1, c));
    }
  }

  private Match match(Question q, Passage p) {
    Set<String> anchor = new HashSet<>(index.terms(p.anchorSentence().text()));
    Set<String> window = new HashSet<>(anchor);
    for (Sentence s : p.sentences()) {
      if (s != p.anchorSentence()) {
        window.addAll(index.terms(s.text()));
      }
    }
    double total = 0;
    double got = 0;
    double contentTotal = 0;
    double contentGot = 0;
    int entities = 0;
    double entityGot = 0;
    boolean entityMissing = false;
    for (Question.Concept c : q.concepts()) {
      double credit;
      if (mentions(c, anchor)) {
        credit = 1;
      } else if (mentions(c, window)) {
        credit = WINDOW_CREDIT;
      } else if (c.entity() && index.articleMentions(p.source().id(), c.alternatives(), c.fuzzy())) {
        credit = ARTICLE_CREDIT;
      } else {
        credit = 0;
      }
      total += c.weight();
      got += c.weight() * credit;
      if (c.entity()) {
        entities++;
        entityGot += credit;
        entityMissing |= credit == 0;
      } else {
        contentTotal += c.weight();
        contentGot += c.weight() * credit;
      }
    }
    double coverage = total == 0 ? 0 : got / total;
    double contentCoverage = contentTotal == 0 ? 1 : contentGot / contentTotal;
    return new Match(coverage, entities == 0 ? 1 : entityGot / entities, entityMissing, contentCoverage);
  }

  /** Whether the terms hold any alternative of the concept (every word of it, near spellings allowed when fuzzy). */
  private boolean mentions(Question.Concept c, Set<String> terms) {
    for (List<String> words : c.analyzed()) {
      if (!words.isEmpty() && words.stream().allMatch(w -> terms.contains(w) || c.fuzzy() && near(w, terms))) {
        return true;
      }
    }
    return false;
  }

  private static boolean near(String word, Set<String> terms) {
    int max = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
    if (max == 0) {
      return false;
    }
    for (String t : terms) {
      if (Math.abs(t.length() - word.length()) <= max && EditDistance.within(word, t, max)) {
        return true;
      }
    }
    return false;
  }
}
