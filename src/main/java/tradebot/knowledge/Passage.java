package tradebot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * The unit of retrieval: a window of one to three consecutive sentences of one paragraph, centered
 * on an anchor sentence. Every sentence of the article is the anchor of exactly one passage; its
 * neighbours in the same paragraph are there to give the search context (a pronoun's referent, the
 * speaker of a quote), while the anchor is what gets quoted first. Immutable.
 *
 * @param id stable id: {@code articleId#paragraph.sentence} of the anchor
 * @param source the article it belongs to
 * @param paragraph the paragraph's ordinal among the article's kept paragraphs
 * @param sentences the window, in reading order
 * @param anchor index of the anchor sentence inside {@code sentences}
 */
public record Passage(
    String id, Source source, int paragraph, List<Sentence> sentences, int anchor) {
  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    sentences = List.copyOf(sentences);
    if (sentences.isEmpty() || sentences.size() > 3) {
      throw new IllegalArgumentException("a passage holds 1 to 3 sentences: " + sentences.size());
    }
    if (anchor < 0 || anchor >= sentences.size()) {
      throw new IllegalArgumentException("anchor out of range: " + anchor);
    }
  }

  /** The anchor sentence. */
  public Sentence anchorSentence() {
    return sentences.get(anchor);
  }

  /** The whole window's text, sentences joined by one space. */
  public String text() {
    return String.join(" ", sentences.stream().map(Sentence::text).toList());
  }

  /** Offset of the window's first character in the article body. */
  public int start() {
    return sentences.getFirst().start();
  }

  /** Offset after the window's last character in the article body. */
  public int end() {
    return sentences.getLast().end();
  }
}
