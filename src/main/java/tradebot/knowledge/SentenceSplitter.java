package tradebot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences with the JDK's {@link BreakIterator}, then mends the breaks it
 * gets wrong in news prose: after an abbreviation ("U.S.", "Gov.", "No. 2") or a middle initial
 * ("Robert E. Lighthizer"), and before a continuation that starts in lower case ("!” he wrote",
 * "... and then"); such an attribution takes the whole quote it follows. Thread-safe: a new
 * iterator is made per call.
 */
public final class SentenceSplitter {
  /** A sentence's span in the text it was split from. */
  public record Span(int start, int end) {}

  private static final Pattern OPENING_MARKS = Pattern.compile("^[\"'“‘(\\[]+");

  private final Set<String> abbreviations;

  /**
   * @param abbreviations lower-case abbreviations with their periods, e.g. "u.s.", "gov."
   */
  public SentenceSplitter(Set<String> abbreviations) {
    this.abbreviations = Set.copyOf(abbreviations);
  }

  /**
   * Reads abbreviations from a file, one a line; '#' starts a comment.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static SentenceSplitter fromFile(Path file) {
    try {
      return fromText(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read abbreviations " + file, e);
    }
  }

  /** Abbreviations from text, one a line; '#' starts a comment. */
  public static SentenceSplitter fromText(String text) {
    Set<String> abbreviations = new HashSet<>();
    for (String line : text.split("\\R")) {
      String entry = line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
      if (!entry.isEmpty()) {
        abbreviations.add(entry);
      }
    }
    return new SentenceSplitter(abbreviations);
  }

  /** The sentences of {@code text[start, end)}, trimmed, with offsets into {@code text}. */
  public List<Span> split(String text, int start, int end) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
    String region = text.substring(start, end);
    it.setText(region);
    List<Span> raw = new ArrayList<>();
    int from = it.first();
    for (int to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
      Span span = trim(text, start + from, start + to);
      if (span != null) {
        raw.add(span);
      }
    }
    List<Span> out = new ArrayList<>();
    for (Span span : raw) {
      if (!out.isEmpty() && shouldJoin(text, out.getLast(), span)) {
        Span joined = new Span(out.removeLast().start(), span.end());
        if (Character.isLowerCase(text.charAt(span.start()))) {
          joined = withWholeQuote(text, out, joined);
        }
        out.add(joined);
      } else {
        out.add(span);
      }
    }
    return out;
  }

  /**
   * An attribution after a quote of several sentences ("“... weaker. Just sit back and watch!” he
   * wrote.") takes the whole quote with it, so the words and their speaker stay one sentence. The
   * quote's earlier sentences are taken back from {@code out}; when no opening quote mark is found
   * the span is left as it is.
   */
  private static Span withWholeQuote(String text, List<Span> out, Span joined) {
    int balance = quoteBalance(text, joined);
    if (balance >= 0) {
      return joined;
    }
    for (int k = out.size() - 1; k >= 0; k--) {
      balance += quoteBalance(text, out.get(k));
      if (balance >= 0) {
        int start = out.get(k).start();
        out.subList(k, out.size()).clear();
        return new Span(start, joined.end());
      }
    }
    return joined;
  }

  /** Opening minus closing double quote marks; a straight quote opens after a blank or bracket. */
  private static int quoteBalance(String text, Span span) {
    return quoteBalance(text, span.start(), span.end());
  }

  /**
   * Opening minus closing double quote marks in {@code text} from {@code start} to {@code end}: a
   * straight quote opens after a blank, a bracket or a dash, and closes elsewhere.
   */
  public static int quoteBalance(String text, int start, int end) {
    int balance = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '“') {
        balance++;
      } else if (c == '”') {
        balance--;
      } else if (c == '"') {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        balance += Character.isWhitespace(before) || "([{—–".indexOf(before) >= 0 ? 1 : -1;
      }
    }
    return balance;
  }

  private boolean shouldJoin(String text, Span previous, Span next) {
    String prev = text.substring(previous.start(), previous.end());
    char first = text.charAt(next.start());
    if (Character.isLowerCase(first) || Character.isDigit(first) && endsWithAbbreviation(prev)) {
      return true;
    }
    if (first == '(' || first == '—' || first == '–' || first == ',' || first == ';') {
      return true;
    }
    String lastWord = lastToken(prev);
    if (abbreviations.contains(lastWord)) {
      return true;
    }
    return isMiddleInitial(prev, lastWord) && Character.isUpperCase(first);
  }

  /**
   * A single initial after a name ("Robert E. Lighthizer") is no sentence end; one after a
   * lower-case word ("officials said X. Then") is.
   */
  private static boolean isMiddleInitial(String prev, String lastWord) {
    if (lastWord.length() != 2 || !Character.isUpperCase(prev.charAt(prev.length() - 2))) {
      return false;
    }
    String before = prev.substring(0, prev.length() - 2).stripTrailing();
    int i = before.length();
    while (i > 0 && !Character.isWhitespace(before.charAt(i - 1))) {
      i--;
    }
    return i < before.length() && Character.isUpperCase(before.charAt(i));
  }

  private boolean endsWithAbbreviation(String sentence) {
    return abbreviations.contains(lastToken(sentence));
  }

  private static String lastToken(String sentence) {
    int i = sentence.length();
    while (i > 0
        && !Character.isWhitespace(sentence.charAt(i - 1))
        && sentence.charAt(i - 1) != '(') {
      i--;
    }
    String token = sentence.substring(i).toLowerCase(Locale.ROOT);
    // Quotes and brackets around the abbreviation do not change it.
    return OPENING_MARKS.matcher(token).replaceAll("");
  }

  private static Span trim(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return from < to ? new Span(from, to) : null;
  }
}
