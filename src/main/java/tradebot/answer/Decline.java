package tradebot.answer;

import java.util.List;

/**
 * What the decision to decline reads of a question and its ranked candidates: its {@link
 * DeclineFeature}s. Thread-safe (stateless).
 */
final class Decline {
  private Decline() {}

  /**
   * A question looked up, before the model ranks it.
   *
   * @param question the question as read
   * @param candidates its candidates, measured, unscored
   * @param offTopicWord whether it names something listed as outside trade policy
   * @param weight the summed rarity of its concepts
   */
  record Examined(
      Question question, List<Ranker.Candidate> candidates, boolean offTopicWord, double weight) {}

  /**
   * A cosine in tenths above 0.8: this model's cosines lie between about 0.7 and 0.95, so that on
   * the raw scale a weight that matters would be large and held back by the fit's penalty.
   */
  private static double tenths(double cosine) {
    return cosine == 0 ? 0 : (cosine - COSINE_CENTRE) * 10;
  }

  private static final double COSINE_CENTRE = 0.8;

  /** The decline features of {@code examined} with its candidates {@code ranked} best first. */
  static double[] features(Examined examined, List<Ranker.Candidate> ranked) {
    double[] g = new double[DeclineFeature.values().length];
    Question q = examined.question();
    long unknown = q.concepts().stream().filter(Question.Concept::fuzzy).count();
    g[DeclineFeature.UNKNOWN_WORDS.ordinal()] =
        q.concepts().isEmpty() ? 1 : (double) unknown / q.concepts().size();
    g[DeclineFeature.QUESTION_WEIGHT.ordinal()] = Math.log1p(examined.weight());
    g[DeclineFeature.OFF_TOPIC_WORD.ordinal()] = examined.offTopicWord() ? 1 : 0;
    if (ranked.isEmpty()) {
      g[DeclineFeature.TOP_ENTITY_MISSING.ordinal()] = 1;
      return g;
    }
    Ranker.Candidate top = ranked.getFirst();
    double maxCosine = 0;
    for (Ranker.Candidate c : ranked) {
      maxCosine = Math.max(maxCosine, c.feature(Feature.COSINE));
    }
    g[DeclineFeature.TOP_SCORE.ordinal()] = top.score();
    g[DeclineFeature.MARGIN.ordinal()] =
        ranked.size() > 1 ? top.score() - ranked.get(1).score() : 1;
    double sum = 0;
    double sameArticle = 0;
    String article = top.passage().source().id();
    for (Ranker.Candidate c : ranked) {
      double e = Math.exp(c.score() - top.score());
      sum += e;
      sameArticle += c.passage().source().id().equals(article) ? e : 0;
    }
    g[DeclineFeature.TOP_SHARE.ordinal()] = 1 / sum;
    g[DeclineFeature.TOP_ARTICLE_SHARE.ordinal()] = sameArticle / sum;
    g[DeclineFeature.TOP_COSINE.ordinal()] = tenths(top.feature(Feature.COSINE));
    g[DeclineFeature.MAX_COSINE.ordinal()] = tenths(maxCosine);
    g[DeclineFeature.TOP_COVERAGE.ordinal()] = top.coverage();
    g[DeclineFeature.TOP_LEXICAL_CONFIDENCE.ordinal()] = top.confidence();
    g[DeclineFeature.TOP_ENTITY_MISSING.ordinal()] = top.entityMissing() ? 1 : 0;
    g[DeclineFeature.TOP_NAMED_DATE.ordinal()] = top.feature(Feature.NAMED_DATE);
    g[DeclineFeature.TOP_CONTENT_MISSING.ordinal()] = 1 - top.contentCoverage();
    g[DeclineFeature.TOP_ANSWER_TYPE.ordinal()] = top.typed() ? 1 : 0;
    return g;
  }
}
