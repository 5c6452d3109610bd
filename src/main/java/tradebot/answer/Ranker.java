package tradebot.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tradebot.facts.TariffTimeline;
import tradebot.index.Hit;
import tradebot.index.PassageIndex;
import tradebot.index.Token;
import tradebot.knowledge.Passage;
import tradebot.text.EditDistance;

/**
 * Scores candidate passages for a question: measures each one's {@link Feature}s (BM25 on the
 * sentence, its window and the title; the embeddings' cosine; coverage of the question's concepts;
 * the kind of answer asked for; the named date; recency; missing names) and ranks them by the
 * model's weighted sum. The same numbers serve {@code --explain} and the fitting command.
 * Thread-safe (stateless but for the index and the tariff timeline it reads).
 */
final class Ranker {
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

  /** What may close a sentence after its stop: quotation marks and brackets. */
  private static final String CLOSERS = "\"'”’)]";

  /** A sentence's stop: a full stop, a question or exclamation mark, an ellipsis. */
  private static final String STOPS = ".!?…";

  /** Days in which recency falls by a factor e. */
  private static final double RECENCY_DAYS = 365;

  /**
   * A passage measured against a question.
   *
   * @param features indexed by {@link Feature#ordinal()}
   * @param score the model's weighted sum of the features
   */
  record Candidate(
      Hit hit,
      double[] features,
      double score,
      double coverage,
      double confidence,
      boolean typed,
      boolean entityMissing,
      double contentCoverage) {
    Passage passage() {
      return hit.passage();
    }

    double feature(Feature f) {
      return features[f.ordinal()];
    }

    Candidate rescored(RankingModel model) {
      return new Candidate(
          hit,
          features,
          model.score(features),
          coverage,
          confidence,
          typed,
          entityMissing,
          contentCoverage);
    }
  }

  private final PassageIndex index;
  private final TariffTimeline tariffs;

  /**
   * @param tariffs the timeline whose extractor's reading of each sentence says whose duties it
   *     speaks of
   */
  Ranker(PassageIndex index, TariffTimeline tariffs) {
    this.index = index;
    this.tariffs = tariffs;
  }

  /** The hits measured and ranked by {@code model}, best first. */
  List<Candidate> rank(Question question, List<Hit> hits, RankingModel model) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : measure(question, hits)) {
      out.add(c.rescored(model));
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }

  /** The hits measured, in the order given, unscored. */
  List<Candidate> measure(Question question, List<Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    double top = 0;
    double topFocus = 0;
    double topContext = 0;
    double topTitle = 0;
    double topCosine = Double.NEGATIVE_INFINITY;
    double topWindow = Double.NEGATIVE_INFINITY;
    long newest = Long.MIN_VALUE;
    for (Hit h : hits) {
      top = Math.max(top, h.score());
      topFocus = Math.max(topFocus, h.parts().focus());
      topContext = Math.max(topContext, h.parts().context());
      topTitle = Math.max(topTitle, h.parts().title());
      if (!Float.isNaN(h.parts().similarity())) {
        topCosine = Math.max(topCosine, h.parts().similarity());
      }
      if (!Float.isNaN(h.parts().windowSimilarity())) {
        topWindow = Math.max(topWindow, h.parts().windowSimilarity());
      }
      newest = Math.max(newest, h.passage().source().published().toEpochDay());
    }
    boolean typedQuestion = Evidence.typed(question.type());
    Optional<TariffTimeline.Direction> asked =
        tariffs.directionAsked(TariffAnswers.corrected(question));
    List<Candidate> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      Passage p = h.passage();
      Match m = match(question, h);
      boolean typed = Evidence.find(question, p.anchorSentence()).isPresent();
      boolean typedContext = !typed && typedQuestion && QuoteSpan.keyBeside(question, p);
      double cosine = Float.isNaN(h.parts().similarity()) ? 0 : h.parts().similarity();
      double[] x = new double[Feature.values().length];
      x[Feature.BM25.ordinal()] = ratio(h.score(), top);
      x[Feature.BM25_SENTENCE.ordinal()] = ratio(h.parts().focus(), topFocus);
      x[Feature.BM25_CONTEXT.ordinal()] = ratio(h.parts().context(), topContext);
      x[Feature.BM25_TITLE.ordinal()] = ratio(h.parts().title(), topTitle);
      x[Feature.COSINE.ordinal()] = cosine;
      x[Feature.COSINE_GAP.ordinal()] =
          topCosine == Double.NEGATIVE_INFINITY ? 0 : (cosine - topCosine) * 10;
      x[Feature.WINDOW_COSINE_GAP.ordinal()] =
          Float.isNaN(h.parts().windowSimilarity()) || topWindow == Double.NEGATIVE_INFINITY
              ? 0
              : (h.parts().windowSimilarity() - topWindow) * 10;
      x[Feature.COVERAGE.ordinal()] = m.coverage;
      x[Feature.LEXICAL_CONFIDENCE.ordinal()] = m.confidence(typed, question);
      x[Feature.ANSWER_TYPE.ordinal()] = typedQuestion && typed ? 1 : 0;
      x[Feature.ANSWER_TYPE_CONTEXT.ordinal()] = typedContext ? 1 : 0;
      x[Feature.NAMED_DATE.ordinal()] = dateMatch(question, p.source().published());
      x[Feature.RECENCY.ordinal()] =
          question.recency()
              ? Math.exp(-(newest - p.source().published().toEpochDay()) / RECENCY_DAYS)
              : 0;
      x[Feature.DUTY_DIRECTION.ordinal()] = asked.map(d -> duty(d, p)).orElse(0.0);
      x[Feature.ENTITY_MISSING.ordinal()] = m.entityMissing ? 1 : 0;
      x[Feature.SEMANTIC_ONLY.ordinal()] = h.parts().lexical() ? 0 : 1;
      String anchor = p.anchorSentence().text();
      x[Feature.FRAGMENT.ordinal()] = endsAsSentence(anchor) ? 0 : 1;
      x[Feature.LENGTH.ordinal()] = Math.min(1, words(anchor) / 40.0);
      out.add(
          new Candidate(
              h,
              x,
              0,
              m.coverage,
              x[Feature.LEXICAL_CONFIDENCE.ordinal()],
              typed || typedContext || !typedQuestion,
              m.entityMissing,
              m.contentCoverage));
    }
    return out;
  }

  /** 1 when the anchor speaks of duties of direction {@code asked}, -1 of others only, else 0. */
  private double duty(TariffTimeline.Direction asked, Passage p) {
    Set<TariffTimeline.Direction> read =
        tariffs.directionsAt(p.source().id(), p.anchorSentence().start());
    return read.isEmpty() ? 0 : read.contains(asked) ? 1 : -1;
  }

  /**
   * Whether {@code text} ends as a sentence does: a stop, perhaps inside quotation marks or
   * brackets ({@code ."}, {@code ?)}).
   */
  static boolean endsAsSentence(String text) {
    int i = text.length() - 1;
    while (i >= 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i >= 0 && STOPS.indexOf(text.charAt(i)) >= 0;
  }

  /** The number of words of {@code text}: runs of characters between white space (regex \s). */
  static int words(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0;
      if (!space && !inWord) {
        n++;
      }
      inWord = !space;
    }
    return n;
  }

  private static double ratio(double value, double top) {
    return top <= 0 ? 0 : value / top;
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
