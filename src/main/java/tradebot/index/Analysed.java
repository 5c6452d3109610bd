package tradebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * A text run through a field's analysis once, kept so that it can be replayed: a sentence stands in
 * three passages' context, its own focus and its payload, and an article's title in every one of
 * its passages, but is analyzed once. Replaying gives the index exactly what the analyzer would
 * (terms, position increments, offsets), and the sentences of a window replay as the analysis of
 * their text joined by one space would: the positions of stop words dropped at the end of one
 * sentence carry into the next. Immutable.
 */
final class Analysed {
  private final String[] terms;
  private final int[] increments;
  private final int[] starts;
  private final int[] ends;
  private final int endIncrement; // what the analysis reports at its end: trailing dropped words
  private final int length; // the text's length, for the offsets of what follows it

  private Analysed(
      String[] terms, int[] increments, int[] starts, int[] ends, int endIncrement, int length) {
    this.terms = terms;
    this.increments = increments;
    this.starts = starts;
    this.ends = ends;
    this.endIncrement = endIncrement;
    this.length = length;
  }

  /** Runs {@code field}'s analysis over {@code text}. */
  static Analysed of(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    int[] increments = new int[8];
    int[] starts = new int[8];
    int[] ends = new int[8];
    int endIncrement;
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int n = terms.size();
        if (n == increments.length) {
          increments = Arrays.copyOf(increments, n * 2);
          starts = Arrays.copyOf(starts, n * 2);
          ends = Arrays.copyOf(ends, n * 2);
        }
        terms.add(term.toString());
        increments[n] = increment.getPositionIncrement();
        starts[n] = offset.startOffset();
        ends[n] = offset.endOffset();
      }
      ts.end();
      endIncrement = increment.getPositionIncrement();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of in-memory text failed", e);
    }
    int n = terms.size();
    return new Analysed(
        terms.toArray(String[]::new),
        Arrays.copyOf(increments, n),
        Arrays.copyOf(starts, n),
        Arrays.copyOf(ends, n),
        endIncrement,
        text.length());
  }

  /** The tokens as the payload keeps them: term and offsets. */
  List<Token> tokens() {
    List<Token> out = new ArrayList<>(terms.length);
    for (int i = 0; i < terms.length; i++) {
      out.add(new Token(terms[i], starts[i], ends[i]));
    }
    return out;
  }

  /**
   * A text field of a prepared passage: what {@code parts} replay as the analysis of their texts
   * joined by one space. The writer hands each field the stream it used for the field before, so
   * one stream serves every passage.
   */
  static Field field(String name, List<Analysed> parts) {
    return new Replayed(name, parts);
  }

  private static final class Replayed extends Field {
    private final List<Analysed> parts;

    Replayed(String name, List<Analysed> parts) {
      super(name, TextField.TYPE_NOT_STORED);
      this.parts = List.copyOf(parts);
    }

    @Override
    public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
      Replay replay = reuse instanceof Replay r ? r : new Replay();
      replay.parts = parts;
      return replay;
    }
  }

  /** Replays analysed texts one after another. */
  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private List<Analysed> parts = List.of();
    private int part;
    private int token;
    private int base; // offset of the current part in the joined text
    private int carried; // positions of words dropped since the last token

    @Override
    public boolean incrementToken() {
      while (part < parts.size()) {
        Analysed a = parts.get(part);
        if (token < a.terms.length) {
          // Every attribute the writer reads is set; the others keep their defaults.
          term.setEmpty().append(a.terms[token]);
          increment.setPositionIncrement(a.increments[token] + carried);
          offset.setOffset(base + a.starts[token], base + a.ends[token]);
          carried = 0;
          token++;
          return true;
        }
        carried += a.endIncrement;
        base += a.length + 1;
        part++;
        token = 0;
      }
      return false;
    }

    @Override
    public void end() throws IOException {
      super.end();
      increment.setPositionIncrement(carried);
      int end = parts.isEmpty() ? 0 : base - 1;
      offset.setOffset(end, end);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      clearAttributes();
      part = 0;
      token = 0;
      base = 0;
      carried = 0;
    }
  }
}
