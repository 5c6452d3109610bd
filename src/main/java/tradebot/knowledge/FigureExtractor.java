package tradebot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds rates, amounts, counts, dates and durations in article text. Thread-safe.
 *
 * <p>PLACEHOLDER: percentages only; the full extractor replaces it.
 */
public final class FigureExtractor {
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)(%| percent\\b)");

  /** The figures inside {@code text[start, end)}, with offsets into {@code text}, in order. */
  public List<Figure> extract(String text, int start, int end) {
    List<Figure> out = new ArrayList<>();
    Matcher m = PERCENT.matcher(text).region(start, end);
    while (m.find()) {
      out.add(
          new Figure(
              m.group(),
              Figure.Kind.PERCENT,
              Double.parseDouble(m.group(1)),
              "%",
              m.start(),
              m.end()));
    }
    return out;
  }
}
