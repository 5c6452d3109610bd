package tradebot.answer;

import java.util.Locale;

/**
 * The named measurements of a question and its best candidate that the decision to decline reads:
 * the probability that the sources answer it is the logistic of their weighted sum, with weights
 * fitted by {@code tradebot fit} (config/ranking.yaml).
 */
enum DeclineFeature {
  /** The best candidate's ranking score. */
  TOP_SCORE,
  /** The best candidate's score less the second's. */
  MARGIN,
  /** The best candidate's share of the candidates' softmax: how much it stands out. */
  TOP_SHARE,
  /**
   * The share of the candidates' softmax that the best candidate's article holds: whether the
   * evidence gathers in one article or spreads over many.
   */
  TOP_ARTICLE_SHARE,
  /** The best candidate's cosine with the question, in tenths above 0.8. */
  TOP_COSINE,
  /** The highest cosine among all candidates, in tenths above 0.8. */
  MAX_COSINE,
  /** The best candidate's coverage of the question's concepts. */
  TOP_COVERAGE,
  /** The best candidate's lexical confidence. */
  TOP_LEXICAL_CONFIDENCE,
  /**
   * Share of the question's other words (not names), by rarity, that the best candidate's window
   * lacks: what the question asks about that the quote does not say.
   */
  TOP_CONTENT_MISSING,
  /** A name the question gives is missing from the best candidate's article. */
  TOP_ENTITY_MISSING,
  /**
   * The best candidate's article against the date the question names: 1 its month, 0.5 its year, -1
   * another year, 0 when the question names none.
   */
  TOP_NAMED_DATE,
  /**
   * The best candidate's quote (the anchor or a sentence quoted with it) holds the kind of thing
   * asked for (1 for questions of no such kind).
   */
  TOP_ANSWER_TYPE,
  /** Share of the question's concepts that no article uses. */
  UNKNOWN_WORDS,
  /** How much the question says: log(1 + summed rarity of its concepts). */
  QUESTION_WEIGHT,
  /** The question names something config/vocabulary.yaml lists as outside trade policy. */
  OFF_TOPIC_WORD;

  /** The name in config/ranking.yaml and in --explain. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
