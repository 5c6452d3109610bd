package tradebot.answer;

import java.util.Locale;

/**
 * The named measurements the ranker takes of one candidate passage for one question; the score is
 * their weighted sum, with weights fitted by {@code tradebot fit} (config/ranking.yaml). Each is
 * about 0 to 1, so that weights compare.
 */
enum Feature {
  /** The full BM25 query (anchor, window, title), over the best candidate's. */
  BM25,
  /** BM25 of the question's words on the anchor sentence alone, over the best one's. */
  BM25_SENTENCE,
  /** BM25 on the anchor and its neighbours, over the best one's. */
  BM25_CONTEXT,
  /** BM25 on the article's title, over the best one's. */
  BM25_TITLE,
  /** Cosine of the question's and the anchor sentence's embeddings. */
  COSINE,
  /**
   * The cosine less the best candidate's, in tenths (0 for the nearest sentence, -1 a tenth off).
   */
  COSINE_GAP,
  /** The window's cosine (its sentences' vectors summed) less the best candidate's, in tenths. */
  WINDOW_COSINE_GAP,
  /** Share of the question's concepts (by rarity) the passage holds. */
  COVERAGE,
  /** Coverage with penalties for missing names and unknown words (the old lexical confidence). */
  LEXICAL_CONFIDENCE,
  /** The question asks for a figure, name, date, place or quotation and the anchor holds one. */
  ANSWER_TYPE,
  /**
   * It asks for one and only a sentence quoted with the anchor holds it: the next one, or the one
   * before, quoted when the anchor closes its quotation or opens with "she", "this" (QuoteSpan).
   */
  ANSWER_TYPE_CONTEXT,
  /** 1 for the month the question names, 0.5 for its year, -1 for another year, 0 when none. */
  NAMED_DATE,
  /** For "now" and "latest" questions: e^(-years before the newest candidate); else 0. */
  RECENCY,
  /**
   * Whose duty: 1 when the tariff extractor reads in the anchor a tariff of the direction the
   * question asks about (who imposes it on whom), -1 when it reads tariffs only of others, 0 when
   * it reads none or the question names no side.
   */
  DUTY_DIRECTION,
  /** A name the question gives is nowhere in the passage's article. */
  ENTITY_MISSING,
  /** Found only by the embeddings' nearest-neighbour search, not by the words. */
  SEMANTIC_ONLY,
  /**
   * The anchor does not end as a sentence does (no closing stop, question or exclamation mark, or
   * quotation mark): a heading, bullet or caption line.
   */
  FRAGMENT,
  /** The anchor's length in words over 40, at most 1: long sentences match more words by chance. */
  LENGTH;

  /** The name in config/ranking.yaml and in --explain. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
