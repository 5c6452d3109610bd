package tradebot.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

/**
 * Writes a passage, with its sentences' analysis, into a doc-values field and reads it back.
 * Analysis is done once at index time so that a search need not analyze its hits again.
 * Thread-safe.
 *
 * <p>The encoding is compact, because every passage carries it: numbers as variable-length
 * integers, text as variable-length UTF-16 units (exact for any string, one byte a character for
 * ASCII), a figure's offsets relative to its sentence, and a token's term as the length it shares
 * with the word it was analyzed from, each character lower-cased, plus the rest ("tariffs" gives
 * "tariff": 6, ""). What is read back equals what was written.
 */
final class PayloadCodec {
  /** What one document carries. */
  record Payload(Passage passage, List<List<Token>> tokens) {}

  /** The first byte: bump when the layout changes (and {@link IndexStore#SCHEMA_VERSION}). */
  private static final byte FORMAT = 1;

  private static final Figure.Kind[] KINDS = Figure.Kind.values();

  private PayloadCodec() {}

  static byte[] write(Payload payload) {
    Passage p = payload.passage();
    if (payload.tokens().size() != p.sentences().size()) {
      throw new IllegalArgumentException(
          "passage "
              + p.id()
              + " has "
              + p.sentences().size()
              + " sentences and "
              + payload.tokens().size()
              + " token lists");
    }
    Out out = BUFFER.get();
    out.n = 0;
    out.bytes[out.n++] = FORMAT;
    out.string(p.id());
    Source s = p.source();
    out.string(s.id());
    out.string(s.title());
    out.string(s.outlet());
    out.signed(s.published().toEpochDay());
    out.nullable(s.url());
    out.nullable(s.author());
    out.signed(p.paragraph());
    out.signed(p.anchor());
    out.signed(p.sentences().size());
    for (int i = 0; i < p.sentences().size(); i++) {
      Sentence sentence = p.sentences().get(i);
      out.string(sentence.text());
      out.signed(sentence.start());
      out.signed(sentence.end() - sentence.start());
      out.signed(sentence.figures().size());
      for (Figure f : sentence.figures()) {
        out.string(f.text());
        out.signed(f.kind().ordinal());
        out.signed(Double.doubleToRawLongBits(f.value()));
        out.string(f.unit());
        out.signed(f.start() - sentence.start());
        out.signed(f.end() - f.start());
      }
      List<Token> tokens = payload.tokens().get(i);
      out.signed(tokens.size());
      int previousEnd = 0;
      for (Token t : tokens) {
        out.signed(t.start() - previousEnd);
        out.signed(t.end() - t.start());
        int shared = shared(sentence.text(), t.start(), t.end(), t.term());
        out.signed(shared);
        out.string(t.term().substring(shared));
        previousEnd = t.end();
      }
    }
    byte[] bytes = Arrays.copyOf(out.bytes, out.n);
    if (out.bytes.length > MAX_KEPT_BUFFER) {
      BUFFER.remove(); // a huge passage: do not keep its buffer for the next
    }
    return bytes;
  }

  /** Each writing thread's buffer, reused passage after passage. */
  private static final ThreadLocal<Out> BUFFER = ThreadLocal.withInitial(() -> new Out(4096));

  private static final int MAX_KEPT_BUFFER = 1 << 20;

  static Payload read(byte[] bytes, int offset, int length) {
    In in = new In(bytes, offset, offset + length);
    try {
      if (length == 0 || bytes[offset] != FORMAT) {
        throw new IllegalStateException(
            "unknown payload format " + (length == 0 ? "(empty)" : bytes[offset]));
      }
      in.at++;
      String id = in.string();
      Source source =
          new Source(
              in.string(),
              in.string(),
              in.string(),
              LocalDate.ofEpochDay(in.signed()),
              in.nullable(),
              in.nullable());
      int paragraph = in.count(Integer.MIN_VALUE);
      int anchor = in.count(Integer.MIN_VALUE);
      int n = in.count(0);
      List<Sentence> sentences = new ArrayList<>(n);
      List<List<Token>> tokens = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String text = in.string();
        int start = in.count(0);
        int end = start + in.count(0);
        int nf = in.count(0);
        List<Figure> figures = new ArrayList<>(nf);
        for (int j = 0; j < nf; j++) {
          String ft = in.string();
          Figure.Kind kind = KINDS[in.count(0)];
          double value = Double.longBitsToDouble(in.signed());
          String unit = in.string();
          int fs = start + in.count(Integer.MIN_VALUE);
          figures.add(new Figure(ft, kind, value, unit, fs, fs + in.count(0)));
        }
        sentences.add(new Sentence(text, start, end, figures));
        int nt = in.count(0);
        List<Token> ts = new ArrayList<>(nt);
        int previousEnd = 0;
        for (int j = 0; j < nt; j++) {
          int ts0 = previousEnd + in.count(Integer.MIN_VALUE);
          int te = ts0 + in.count(Integer.MIN_VALUE);
          int shared = in.count(0);
          if (shared > wordLength(text, ts0, te)) {
            throw new IllegalStateException("token shares more than its word: " + shared);
          }
          ts.add(new Token(in.string(lowered(text, ts0, shared)), ts0, te));
          previousEnd = te;
        }
        tokens.add(List.copyOf(ts));
      }
      if (in.at != in.end) {
        throw new IllegalStateException((in.end - in.at) + " bytes left over");
      }
      return new Payload(new Passage(id, source, paragraph, sentences, anchor), tokens);
    } catch (RuntimeException e) {
      throw new IllegalStateException("corrupt passage payload: " + e.getMessage(), e);
    }
  }

  /**
   * The length of the word a token was analyzed from: its text, or nothing when its offsets are not
   * in the text.
   */
  private static int wordLength(String text, int start, int end) {
    return start < 0 || end > text.length() || start > end ? 0 : end - start;
  }

  /** How many leading characters {@code term} shares with its word, each lower-cased. */
  private static int shared(String text, int start, int end, String term) {
    int n = Math.min(wordLength(text, start, end), term.length());
    int i = 0;
    while (i < n && term.charAt(i) == Character.toLowerCase(text.charAt(start + i))) {
      i++;
    }
    return i;
  }

  /** The first {@code n} characters of the word at {@code start}, each lower-cased. */
  private static char[] lowered(String text, int start, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = Character.toLowerCase(text.charAt(start + i));
    }
    return out;
  }

  /** A growing byte array. */
  private static final class Out {
    byte[] bytes;
    int n;

    Out(int capacity) {
      bytes = new byte[capacity];
    }

    private void room(int more) {
      if (n + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, n + more));
      }
    }

    /** A zig-zag variable-length integer: small numbers of either sign take one byte. */
    void signed(long v) {
      unsigned((v << 1) ^ (v >> 63));
    }

    private void unsigned(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        bytes[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[n++] = (byte) v;
    }

    void string(String s) {
      unsigned(s.length());
      for (int i = 0; i < s.length(); i++) {
        unsigned(s.charAt(i));
      }
    }

    void nullable(String s) {
      if (s == null) {
        unsigned(0);
      } else {
        unsigned(1);
        string(s);
      }
    }
  }

  /** Reads what {@link Out} wrote. */
  private static final class In {
    final byte[] bytes;
    final int end;
    int at;

    In(byte[] bytes, int at, int end) {
      this.bytes = bytes;
      this.at = at;
      this.end = end;
    }

    long signed() {
      long v = unsigned();
      return (v >>> 1) ^ -(v & 1);
    }

    /** An int at least {@code min}. */
    int count(int min) {
      long v = signed();
      if (v < min || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
        throw new IllegalStateException("number out of range: " + v);
      }
      return (int) v;
    }

    private long unsigned() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= end) {
          throw new IllegalStateException("payload ends inside a number");
        }
        byte b = bytes[at++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("number longer than 64 bits");
    }

    String string() {
      return string(new char[0]);
    }

    /** {@code prefix} and the string written next. */
    String string(char[] prefix) {
      long n = unsigned();
      if (n > end - at) {
        throw new IllegalStateException("string of " + n + " chars in " + (end - at) + " bytes");
      }
      char[] chars = Arrays.copyOf(prefix, prefix.length + (int) n);
      for (int i = prefix.length; i < chars.length; i++) {
        long c = unsigned();
        if (c > Character.MAX_VALUE) {
          throw new IllegalStateException("not a UTF-16 unit: " + c);
        }
        chars[i] = (char) c;
      }
      return new String(chars);
    }

    String nullable() {
      long flag = unsigned();
      if (flag > 1) {
        throw new IllegalStateException("bad null flag: " + flag);
      }
      return flag == 0 ? null : string();
    }
  }
}
