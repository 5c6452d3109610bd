package tradebot.index;

import java.io.Closeable;
import java.util.List;

/**
 * A searchable, read-only index of passages. Thread-safe: any number of threads may search at once;
 * {@link #close()} must come after the last search.
 */
public interface PassageIndex extends Closeable {

  /** The best passages for {@code query}, best first; empty when nothing matches. */
  List<Hit> search(SearchQuery query);

  /**
   * The index terms of {@code text} as the passage fields analyze it (lower-cased, stemmed, stop
   * words removed), in order. Lets callers compare a question's words with a passage's.
   */
  List<String> terms(String text);

  /**
   * How many passages hold the index term {@code term} (already analyzed, see {@link #terms}) in
   * their window. Zero for a word the knowledge base never uses.
   */
  int documentFrequency(String term);

  /**
   * Whether any passage of article {@code articleId} holds one of {@code alternatives} (plain words
   * or phrases, analyzed here), optionally allowing typos.
   */
  boolean articleMentions(String articleId, List<String> alternatives, boolean fuzzy);

  /**
   * The word the articles use that {@code word} most likely misspells ("delgation" gives
   * "delegation"), or empty when the word is in the articles or nothing is close.
   */
  java.util.Optional<String> suggest(String word);

  /** Number of passages indexed. */
  int passageCount();

  /** Closes the underlying searcher; not I/O-failing. */
  @Override
  void close();
}
