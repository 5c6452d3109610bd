package tradebot.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import tradebot.text.WordTables;

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

  /**
   * Every word of the anchor sentence as written (lower-cased, not stemmed, no stop words):
   * TextField, not stored, the dictionary that typo correction suggests from. Stems would make
   * "delgation" and "delegation" look three edits apart.
   */
  static final String WORDS = "words";

  /** Article title: TextField, English analysis; matches on it help a little. */
  static final String TITLE = "title";

  /**
   * Published date as epoch day: a LongPoint for range filters and NumericDocValues for recency,
   * both cheap and exact.
   */
  static final String PUBLISHED = "published";

  /**
   * The passage and its sentences' tokens as JSON: BinaryDocValues, not a stored field, because doc
   * values are read without decompressing a block of neighbouring documents per hit.
   */
  static final String PAYLOAD = "payload";

  /**
   * The anchor sentence's embedding: KnnFloatVectorField, dot product on unit vectors (the cosine),
   * so that nearest-neighbour search finds sentences that mean what the question asks in other
   * words. Absent when the index was built without a model.
   */
  static final String VECTOR = "vector";

  /**
   * The window's embedding (the normalized sum of its sentences' vectors): BinaryDocValues of
   * floats, read only for candidates, for the context a sentence's own vector lacks (a pronoun's
   * referent, the speaker of a quote).
   */
  static final String WINDOW_VECTOR = "window_vector";

  /** BM25 as Anserini tunes it for short passages (k1=0.9, b=0.4). */
  static final Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

  private Schema() {}

  /**
   * Lucene's English stop words plus pronouns and auxiliaries: Porter stems "his" to "hi" and "has"
   * to "ha", which would let "hi there" match half the articles. Words that carry meaning in trade
   * news ("up", "further", "not") stay.
   */
  static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    set.addAll(WordTables.words("stop-words"));
    return CharArraySet.unmodifiableSet(set);
  }

  /**
   * A short fingerprint of the analysis (the stop words), part of the index version, so that an
   * index analyzed differently is rebuilt rather than searched with other terms.
   */
  static String analysisFingerprint() {
    List<String> words = new java.util.ArrayList<>();
    for (Object w : STOP_WORDS) {
      words.add(new String((char[]) w));
    }
    java.util.Collections.sort(words);
    return Integer.toHexString(String.join(",", words).hashCode());
  }

  /** English analysis (possessives, stop words, Porter stemming) on text fields; ids untouched. */
  static Analyzer analyzer() {
    Analyzer english = new EnglishAnalyzer(STOP_WORDS);
    Analyzer words =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
          }
        };
    return new PerFieldAnalyzerWrapper(
        english, Map.of(ID, new KeywordAnalyzer(), ARTICLE, new KeywordAnalyzer(), WORDS, words));
  }
}
