package tradebot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tradebot.config.ConfigFiles;

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

  /**
   * The ingestion pipeline as a config directory describes it: its {@code boilerplate.yaml} and
   * {@code abbreviations.txt}, and the figure extractor. The one place it is assembled.
   *
   * @throws IllegalArgumentException naming the file when one is broken
   */
  public static Ingester fromConfig(java.nio.file.Path configDir) {
    return fromConfig(
        ConfigFiles.read(
            configDir, java.util.List.of(ConfigFiles.BOILERPLATE, ConfigFiles.ABBREVIATIONS)));
  }

  /** The ingestion pipeline as the config files read describe it (see {@link #fromConfig}). */
  public static Ingester fromConfig(ConfigFiles config) {
    return new Ingester(
        BoilerplateCleaner.fromYaml(
            text(config.required(ConfigFiles.BOILERPLATE)),
            config.path(ConfigFiles.BOILERPLATE).toString()),
        SentenceSplitter.fromText(text(config.required(ConfigFiles.ABBREVIATIONS))),
        new FigureExtractor());
  }

  private static String text(byte[] utf8) {
    return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }

  public BoilerplateCleaner cleaner() {
    return cleaner;
  }

  /** Ingests one article. */
  public Document ingest(Article article) {
    String body = article.body();
    List<Sentence> sentences = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    List<SentenceSplitter.Span> paragraphs =
        paragraphs(body, cleaner.classify(body, article.source().title()));
    List<List<Sentence>> byParagraph = new ArrayList<>();
    for (SentenceSplitter.Span paragraph : paragraphs) {
      List<Sentence> inParagraph = new ArrayList<>();
      for (SentenceSplitter.Span span : splitter.split(body, paragraph.start(), paragraph.end())) {
        String text = BLANKS.matcher(body.substring(span.start(), span.end())).replaceAll(" ");
        inParagraph.add(
            new Sentence(
                text, span.start(), span.end(), figures.extract(body, span.start(), span.end())));
      }
      byParagraph.add(inParagraph);
      sentences.addAll(inParagraph);
    }
    for (int p = 0; p < byParagraph.size(); p++) {
      Sentence continuation =
          p + 1 < byParagraph.size()
              ? continuation(body, byParagraph.get(p), byParagraph.get(p + 1))
              : null;
      passages.addAll(window(article.source(), p, byParagraph.get(p), continuation));
    }
    return new Document(article, sentences, passages);
  }

  /**
   * The first sentence of the next paragraph when it continues this one's thought: it opens with a
   * word that points back ("That included promises ...") and nothing but whitespace lies between.
   */
  private static Sentence continuation(String body, List<Sentence> paragraph, List<Sentence> next) {
    if (paragraph.isEmpty() || next.isEmpty()) {
      return null;
    }
    Sentence first = next.getFirst();
    boolean adjacent = body.substring(paragraph.getLast().end(), first.start()).isBlank();
    return pointsBack(first) && adjacent ? first : null;
  }

  /** Whether {@code sentence} opens with a word that points back at the sentence before it. */
  public static boolean pointsBack(Sentence sentence) {
    String opening = BLANKS.split(sentence.text(), 2)[0].toLowerCase(java.util.Locale.ROOT);
    return POINTS_BACK.contains(NOT_A_LETTER.matcher(opening).replaceAll(""));
  }

  private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern NOT_A_LETTER =
      java.util.regex.Pattern.compile("[^\\p{L}']");

  /** Words that open a sentence by pointing back at the one before. */
  private static final java.util.Set<String> POINTS_BACK =
      java.util.Set.of("that", "this", "these", "those", "it", "such", "that's", "thats");

  /**
   * One passage per sentence: the sentence with one neighbour on each side, within its paragraph,
   * and for a paragraph's last sentence the next paragraph's first when it continues the thought.
   * Three sentences give a pronoun its referent and a quote its speaker, while staying short enough
   * that BM25's length normalization still favours the passage that is about the question.
   */
  private static List<Passage> window(
      Source source, int paragraph, List<Sentence> sentences, Sentence continuation) {
    List<Passage> out = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      int from = Math.max(0, i - 1);
      int to = Math.min(sentences.size(), i + 2);
      List<Sentence> window = new ArrayList<>(sentences.subList(from, to));
      if (i == sentences.size() - 1 && continuation != null) {
        if (window.size() == 3) {
          window.removeFirst();
          from++;
        }
        window.add(continuation);
      }
      String id = source.id() + "#" + paragraph + "." + i;
      out.add(new Passage(id, source, paragraph, window, i - from));
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
