package tradebot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences with the JDK's {@link BreakIterator}, then mends the breaks it
 * gets wrong in news prose: after an abbreviation ("U.S.", "Gov.", "No. 2"), and before a
 * continuation that starts in lower case ("!” he wrote", "... and then"). Thread-safe: a new
 * iterator is made per call.
 */
public final class SentenceSplitter {
  /** A sentence's span in the text it was split from. */
  public record Span(int start, int end) {}

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
    Set<String> abbreviations = new HashSet<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String entry = line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
        if (!entry.isEmpty()) {
          abbreviations.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read abbreviations " + file, e);
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
        out.set(out.size() - 1, new Span(out.getLast().start(), span.end()));
      } else {
        out.add(span);
      }
    }
    return out;
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
    // Single initials ("Robert E. Lighthizer") are not sentence ends.
    return lastWord.length() == 2 && Character.isUpperCase(prev.charAt(prev.length() - 2));
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
    return token.replaceAll("^[\"'“‘(\\[]+", "");
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
