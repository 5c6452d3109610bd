package tradebot.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** Every field of the passage index, its type and its analyzer, in one place. */
final class Schema {
  /** Stable passage id: StringField, stored, so a citation can name it and tests can find it. */
  static final String ID = "id";

  /** Article id: StringField, so a reload can tell which articles a passage came from. */
  static final String ARTICLE = "article";

  /**
   * The anchor sentence: TextField, English analysis, not stored (the payload holds the verbatim
   * text). The field a question must match best.
   */
  static final String FOCUS = "focus";

  /** The whole window (anchor and neighbours): TextField, English analysis, for context words. */
  static final String CONTEXT = "context";

  /** Article title: TextField, English analysis; matches on it help a little. */
  static final String TITLE = "title";

  /**
   * Published date as epoch day: a LongPoint for range filters and NumericDocValues for recency,
   * both cheap and exact.
   */
  static final String PUBLISHED = "published";

  /** The passage as JSON: StoredField only, rebuilt into a Passage for each hit. */
  static final String PAYLOAD = "payload";

  /** BM25 as Anserini tunes it for short passages (k1=0.9, b=0.4). */
  static final Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

  private Schema() {}

  /** English analysis (possessives, stop words, Porter stemming) on text fields; ids untouched. */
  static Analyzer analyzer() {
    Analyzer english = new EnglishAnalyzer();
    return new PerFieldAnalyzerWrapper(
        english, Map.of(ID, new KeywordAnalyzer(), ARTICLE, new KeywordAnalyzer()));
  }
}
