package tradebot.knowledge;

import java.util.Objects;

/**
 * A figure found in a sentence: a rate, an amount, a count, a date or a duration. Immutable.
 *
 * @param text the figure as written, verbatim from the article (e.g. "$200 billion", "10 percent")
 * @param kind what sort of figure it is
 * @param value the normalized number: percent points for {@link Kind#PERCENT} (125 for "125%"),
 *     units of {@code unit} for money (200e9 for "$200 billion"), the count, days for durations,
 *     and for dates the ISO date's epoch day when the year is known, else month*100+day
 * @param unit "%", a currency code ("USD"), the counted noun ("kinds"), "days", or "date"
 * @param start offset of the first character in the article body
 * @param end offset after the last character in the article body
 */
public record Figure(String text, Kind kind, double value, String unit, int start, int end) {
  /** The sorts of figure the extractor recognizes. */
  public enum Kind {
    PERCENT,
    MONEY,
    COUNT,
    DATE,
    DURATION;

    /** The lower-case name used in JSON and config. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Figure {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("figure text must not be blank: " + text);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad figure span: " + start + ".." + end);
    }
  }
}
