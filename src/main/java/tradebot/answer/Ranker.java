package tradebot.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tradebot.index.Hit;
import tradebot.index.PassageIndex;
import tradebot.index.Token;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;

/**
 * Re-ranks BM25 hits with what BM25 cannot see: how much of the question the anchor sentence
 * covers, whether it holds the kind of thing the question asks for, whether its article is from the
 * month the question names, and, for "latest" questions, how recent it is. Also rates how sure the
 * answer is. Thread-safe (stateless but for the index it reads).
 */
final class Ranker {
  /**
   * Feature weights: how surely the passage answers (coverage of the question, its names present)
   * dominates; BM25 breaks ties among passages that cover it.
   */
  private static final double W_BM25 = 0.30;

  private static final double W_CONFIDENCE = 0.50;
  private static final double W_TYPE = 0.12;
  private static final double W_DATE = 0.15;
  private static final double W_RECENCY = 0.25;

  private static final double W_PROXIMITY = 0.10;

  /** How many of the best candidates get the (slower) proximity feature. */
  private static final int PROXIMITY_DEPTH = 8;

  /** A word only in the window counts this much of one in the anchor sentence. */
  private static final double WINDOW_CREDIT = 0.6;

  /** A concept matched by a synonym or alias rather than the question's own word. */
  private static final double SYNONYM_CREDIT = 0.85;

  /** A concept matched by an English synonym (WordNet): looser than the vocabulary's. */
  private static final double THESAURUS_CREDIT = 0.7;

  /** A phrase of which only some words are there, per word found. */
  private static final double PARTIAL_CREDIT = 0.8;

  /**
   * A plain word of the question that the knowledge base never uses: the question is likely about
   * something else.
   */
  private static final double UNKNOWN_WORD_FACTOR = 0.75;

  /** A named entity found only elsewhere in the article. */
  private static final double ARTICLE_CREDIT = 0.5;

  /** A passage scored against a question. */
  record Candidate(Hit hit, double score, double coverage, double confidence, boolean typed) {
    Passage passage() {
      return hit.passage();
    }
  }

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
      Match m = match(question, h);
      boolean typed = Evidence.find(question, p.anchorSentence()).isPresent();
      double typeScore = Evidence.typed(question.type()) ? (typed ? 1 : 0) : 0.5;
      double recency =
          question.recency() && newest > oldest
              ? (double) (p.source().published().toEpochDay() - oldest) / (newest - oldest)
              : 0;
      double confidence = m.confidence(typed, question);
      double score =
          W_BM25 * (h.score() / top)
              + W_CONFIDENCE * confidence
              + W_TYPE * typeScore
              + W_DATE * dateMatch(question, p.source().published())
              + W_RECENCY * recency;
      out.add(new Candidate(h, score, m.coverage, confidence, typed));
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    if (Evidence.typed(question.type())) {
      // The thing asked for should sit next to what the question is about: "led by X".
      Set<String> questionTerms = new HashSet<>();
      question.concepts().forEach(c -> c.analyzed().forEach(questionTerms::addAll));
      for (int i = 0; i < Math.min(PROXIMITY_DEPTH, out.size()); i++) {
        Candidate c = out.get(i);
        double near = proximity(question, c.hit(), questionTerms);
        out.set(
            i,
            new Candidate(
                c.hit(), c.score() + W_PROXIMITY * near, c.coverage(), c.confidence(), c.typed()));
      }
      out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    }
    return out;
  }

  /**
   * 1 when the evidence touches a question word, falling with the words between; 0 without
   * evidence.
   */
  private static double proximity(Question question, Hit hit, Set<String> questionTerms) {
    Sentence sentence = hit.passage().anchorSentence();
    var evidence = Evidence.find(question, sentence);
    if (evidence.isEmpty()) {
      return 0;
    }
    String text = sentence.text();
    int from = evidence.get().start();
    int to = evidence.get().end();
    int best = Integer.MAX_VALUE;
    for (Token t : hit.anchorTokens()) {
      if (t.start() >= from && t.end() <= to || !questionTerms.contains(t.term())) {
        continue;
      }
      int words =
          t.end() <= from ? wordsBetween(text, t.end(), from) : wordsBetween(text, to, t.start());
      best = Math.min(best, words);
    }
    return best == Integer.MAX_VALUE ? 0 : 1.0 / (1 + best / 3.0);
  }

  private static int wordsBetween(String text, int from, int to) {
    if (to <= from) {
      return 0;
    }
    String between = text.substring(from, to).strip();
    return between.isEmpty() ? 0 : between.split("\\s+").length;
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
  private record Match(
      double coverage,
      double entityCoverage,
      boolean entityMissing,
      double contentCoverage,
      boolean entitiesNearby) {
    double confidence(boolean typed, Question q) {
      double c = coverage;
      long unknown = q.concepts().stream().filter(x -> !x.entity() && x.fuzzy()).count();
      c *= Math.pow(UNKNOWN_WORD_FACTOR, Math.min(2, unknown));
      if (entityMissing) {
        c *= 0.3; // it names someone or something the article never mentions
      }
      if (contentCoverage < 0.34) {
        // Only the names matched: about them, but maybe not about this. Softer when every name is
        // right there: the rest may be the question's own wording ("the US move").
        c *= entitiesNearby ? 0.75 : 0.5;
      }
      if (Evidence.typed(q.type()) && !typed) {
        c *= 0.85;
      }
      return Math.max(0, Math.min(1, c));
    }
  }

  private Match match(Question q, Hit h) {
    Passage p = h.passage();
    Set<String> anchor = terms(h.anchorTokens());
    Set<String> window = new HashSet<>();
    h.tokens().forEach(sentence -> window.addAll(terms(sentence)));
    double total = 0;
    double got = 0;
    double contentTotal = 0;
    double contentGot = 0;
    int entities = 0;
    double entityGot = 0;
    boolean entityMissing = false;
    boolean entitiesNearby = true;
    for (Question.Concept c : q.concepts()) {
      double credit;
      double inAnchor = mentions(c, anchor);
      if (inAnchor > 0) {
        credit = inAnchor;
      } else if (mentions(c, window) > 0) {
        credit = WINDOW_CREDIT * mentions(c, window);
      } else if (c.entity()
          && index.articleMentions(p.source().id(), c.alternatives(), c.fuzzy())) {
        // A quote must come with its speaker; other answers may name their subject earlier on.
        credit = q.type() == QuestionType.QUOTE ? ARTICLE_CREDIT / 2 : ARTICLE_CREDIT;
      } else {
        credit = 0;
      }
      total += c.weight();
      got += c.weight() * credit;
      if (c.entity()) {
        entities++;
        entityGot += credit;
        entityMissing |= credit == 0;
        entitiesNearby &= credit >= WINDOW_CREDIT * SYNONYM_CREDIT * PARTIAL_CREDIT;
      } else {
        contentTotal += c.weight();
        contentGot += c.weight() * credit;
      }
    }
    double coverage = total == 0 ? 0 : got / total;
    double contentCoverage = contentTotal == 0 ? 1 : contentGot / contentTotal;
    return new Match(
        coverage,
        entities == 0 ? 1 : entityGot / entities,
        entityMissing,
        contentCoverage,
        entities > 0 && entitiesNearby);
  }

  static Set<String> terms(List<Token> tokens) {
    Set<String> out = new HashSet<>(tokens.size() * 2);
    tokens.forEach(t -> out.add(t.term()));
    return out;
  }

  /**
   * How well the terms hold the concept: 1 for the question's own word, {@link #SYNONYM_CREDIT} for
   * a synonym, 0 for neither (every word of a phrase must be there; near spellings count when the
   * concept is fuzzy).
   */
  private static double mentions(Question.Concept c, Set<String> terms) {
    List<List<String>> analyzed = c.analyzed();
    double best = 0;
    for (int i = 0; i < analyzed.size(); i++) {
      List<String> words = analyzed.get(i);
      if (words.isEmpty()) {
        continue;
      }
      long found =
          words.stream().filter(w -> terms.contains(w) || c.fuzzy() && near(w, terms)).count();
      double credit = i == 0 ? 1 : i < c.thesaurusFrom() ? SYNONYM_CREDIT : THESAURUS_CREDIT;
      if (found == words.size()) {
        return credit;
      }
      // Part of a name ("Liu He" for "Vice Premier Liu He") counts for part.
      if (words.size() > 1 && found * 2 >= words.size()) {
        best = Math.max(best, PARTIAL_CREDIT * credit * found / words.size());
      }
    }
    return best;
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
