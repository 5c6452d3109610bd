package tradebot.knowledge;

import java.util.List;

/**
 * One sentence of article prose with the figures in it. Immutable.
 *
 * @param text the sentence, verbatim from the body except that runs of whitespace are collapsed to
 *     one space
 * @param start offset of the first character in the article body
 * @param end offset after the last character in the article body
 * @param figures the figures inside the sentence, in order
 */
public record Sentence(String text, int start, int end, List<Figure> figures) {
  public Sentence {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("sentence text must not be blank: " + text);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad sentence span: " + start + ".." + end);
    }
    figures = List.copyOf(figures);
  }
}
