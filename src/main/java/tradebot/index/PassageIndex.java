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

  /** Number of passages indexed. */
  int passageCount();

  /** Closes the underlying searcher; not I/O-failing. */
  @Override
  void close();
}
