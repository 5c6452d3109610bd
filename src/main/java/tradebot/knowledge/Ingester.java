package tradebot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an article into a {@link Document}: drops page furniture, groups the kept lines into
 * paragraphs, splits sentences, extracts figures and builds passages. Thread-safe when its parts
 * are.
 */
public final class Ingester {
  private final BoilerplateCleaner cleaner;
  private final SentenceSplitter splitter;
  private final FigureExtractor figures;

  public Ingester(BoilerplateCleaner cleaner, SentenceSplitter splitter, FigureExtractor figures) {
    this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
    this.splitter = Objects.requireNonNull(splitter, "splitter");
    this.figures = Objects.requireNonNull(figures, "figures");
  }

  public BoilerplateCleaner cleaner() {
    return cleaner;
  }

  /** Ingests one article. */
  public Document ingest(Article article) {
    String body = article.body();
    List<Sentence> sentences = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    List<SentenceSplitter.Span> paragraphs = paragraphs(body, cleaner.classify(body));
    for (int p = 0; p < paragraphs.size(); p++) {
      SentenceSplitter.Span paragraph = paragraphs.get(p);
      List<Sentence> inParagraph = new ArrayList<>();
      for (SentenceSplitter.Span span : splitter.split(body, paragraph.start(), paragraph.end())) {
        String text = body.substring(span.start(), span.end()).replaceAll("\\s+", " ");
        inParagraph.add(
            new Sentence(
                text, span.start(), span.end(), figures.extract(body, span.start(), span.end())));
      }
      sentences.addAll(inParagraph);
      passages.addAll(window(article.source(), p, inParagraph));
    }
    return new Document(article, sentences, passages);
  }

  /**
   * One passage per sentence: the sentence with one neighbour on each side, within its paragraph.
   * Three sentences give a pronoun its referent and a quote its speaker, while staying short enough
   * that BM25's length normalization still favours the passage that is about the question.
   */
  private static List<Passage> window(Source source, int paragraph, List<Sentence> sentences) {
    List<Passage> out = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      int from = Math.max(0, i - 1);
      int to = Math.min(sentences.size(), i + 2);
      String id = source.id() + "#" + paragraph + "." + i;
      out.add(new Passage(id, source, paragraph, sentences.subList(from, to), i - from));
    }
    return out;
  }

  /**
   * Groups kept lines into paragraphs: each kept line is a paragraph (pages pasted from the web put
   * one paragraph on a line), except that a line which ends mid-sentence and is followed at once by
   * a kept line starting in lower case continues into it (hard-wrapped text).
   */
  static List<SentenceSplitter.Span> paragraphs(String body, List<LineVerdict> verdicts) {
    List<SentenceSplitter.Span> out = new ArrayList<>();
    int start = -1;
    int end = -1;
    LineVerdict previous = null;
    for (LineVerdict line : verdicts) {
      if (!line.kept()) {
        if (start >= 0) {
          out.add(new SentenceSplitter.Span(start, end));
          start = -1;
        }
        previous = null;
        continue;
      }
      if (start >= 0 && previous != null && continues(body, previous, line)) {
        end = line.end();
      } else {
        if (start >= 0) {
          out.add(new SentenceSplitter.Span(start, end));
        }
        start = line.start();
        end = line.end();
      }
      previous = line;
    }
    if (start >= 0) {
      out.add(new SentenceSplitter.Span(start, end));
    }
    return out;
  }

  private static boolean continues(String body, LineVerdict previous, LineVerdict next) {
    String prev = body.substring(previous.start(), previous.end()).strip();
    String text = body.substring(next.start(), next.end()).strip();
    if (prev.isEmpty() || text.isEmpty()) {
      return false;
    }
    char last = prev.charAt(prev.length() - 1);
    boolean endsSentence = ".!?\"”’:".indexOf(last) >= 0;
    return !endsSentence && Character.isLowerCase(text.charAt(0));
  }
}
