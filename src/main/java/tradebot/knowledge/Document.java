package tradebot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * An article after ingestion: its cleaned sentences and the passages built from them. Immutable.
 *
 * @param article the article as loaded
 * @param sentences every kept sentence, in reading order
 * @param passages one passage per sentence, in reading order
 */
public record Document(Article article, List<Sentence> sentences, List<Passage> passages) {
  public Document {
    Objects.requireNonNull(article, "article");
    sentences = List.copyOf(sentences);
    passages = List.copyOf(passages);
  }

  public Source source() {
    return article.source();
  }

  /** How many figures the article's sentences hold. */
  public int figureCount() {
    return sentences.stream().mapToInt(s -> s.figures().size()).sum();
  }
}
