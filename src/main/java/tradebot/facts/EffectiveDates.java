package tradebot.facts;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.knowledge.Figure;
import tradebot.knowledge.FigureExtractor;

/**
 * Finds the date a tariff applies from in a clause and resolves it against the article's date:
 * "effective Monday" in an article of Friday 2018-09-21 is 2018-09-24, "at midnight" in a report of
 * something that has happened is the article's date. Thread-safe.
 */
final class EffectiveDates {
  private static final int LOOK_BACK = 32;

  /** Calendar days are read by the one grammar for figures that ingestion uses. */
  private static final FigureExtractor FIGURES = new FigureExtractor();

  private final TariffCues cues;
  private final Pattern dates;
  private final Pattern effectBefore;
  private final Pattern prepositionBefore;
  private final Pattern speechBefore;
  private final Pattern weekdayBefore;

  EffectiveDates(TariffCues cues) {
    this.cues = cues;
    String wd = Phrases.alternation(cues.weekdays());
    String mon = Phrases.alternation(cues.months().keySet());
    String rel = Phrases.alternation(cues.relativeDays().keySet());
    String mid = Phrases.alternation(cues.midnight());
    this.dates =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                + "(?:(?<order>next|last|this)\\s+)?(?<wd>"
                + wd
                + ")"
                + "|(?<mon3>"
                + mon
                + ")\\.?\\s+(?<year3>(?:19|20)\\d{2})"
                + "|(?:in|since)\\s+(?<year4>(?:19|20)\\d{2})(?!\\d)"
                + "|(?<rel>"
                + rel
                + ")"
                + "|(?<mid>"
                + mid
                + "))(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    this.effectBefore =
        Pattern.compile(
            "(?<![\\p{L}])(?:"
                + Phrases.alternation(cues.effectCues())
                + ")\\s+(?:on\\s+|the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    this.prepositionBefore =
        Pattern.compile(
            "(?<![\\p{L}])(?:"
                + Phrases.alternation(cues.datePrepositions())
                + ")\\s+(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    this.weekdayBefore = Pattern.compile("(?:" + wd + "),?\\s+$", Pattern.CASE_INSENSITIVE);
    this.speechBefore =
        Pattern.compile(
            "(?<![\\p{L}])(?:" + Phrases.alternation(cues.speechVerbs()) + ")\\s+(?:on\\s+)?$",
            Pattern.CASE_INSENSITIVE);
  }

  /**
   * The effective date stated in {@code text[from, to)}, or null.
   *
   * @param anchor where the tariff word is: a plan's date must follow it or an effect cue
   * @param future whether the clause speaks of something still to come
   * @param published the article's date, which relative words are resolved against
   */
  LocalDate find(String text, int from, int to, int anchor, boolean future, LocalDate published) {
    LocalDate best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Found f : found(text, from, to, future, published)) {
      String before = text.substring(Math.max(from, f.start() - LOOK_BACK), f.start());
      if (!f.weekday()) {
        before = weekdayBefore.matcher(before).replaceFirst(""); // "on Saturday, June 1"
      }
      if (speechBefore.matcher(before).find()) {
        continue;
      }
      boolean strong =
          f.sinceYear()
              || effectBefore.matcher(before).find()
              || (prepositionBefore.matcher(before).find() && (!future || f.start() >= anchor));
      if (future && !strong && f.start() < anchor) {
        continue;
      }
      // A calendar date says more than a weekday or "midnight" next to it.
      int rank =
          (f.weekday() ? 3_000 : 0)
              + (strong ? 0 : 10_000)
              + (f.midnight() ? 5_000 : 0)
              + Math.abs(f.start() - anchor);
      if (rank < bestRank) {
        best = f.date();
        bestRank = rank;
      }
    }
    return best;
  }

  /** A date found in a clause, resolved, and what kind of mention it was. */
  private record Found(
      int start, int end, LocalDate date, boolean weekday, boolean midnight, boolean sinceYear) {}

  /**
   * The dates of {@code text[from, to)} in order: calendar days as the figure grammar reads them
   * ("June 1", "1 June 2019", "2019-06-01"), and the mentions only a tariff date has (weekdays,
   * "May 2019", "since 2018", "tomorrow", "midnight") where no calendar day stands.
   */
  private List<Found> found(String text, int from, int to, boolean future, LocalDate published) {
    List<Found> out = new ArrayList<>();
    for (Figure f : FIGURES.extract(text, from, to)) {
      if (f.kind() == Figure.Kind.DATE) {
        LocalDate d = calendarDay(f, future, published);
        if (d != null) {
          out.add(new Found(f.start(), f.end(), d, false, false, false));
        }
      }
    }
    List<Found> days = List.copyOf(out);
    Matcher m = dates.matcher(text).region(from, to);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      if (!properNoun(text, m) || days.stream().anyMatch(d -> d.start() < end && start < d.end())) {
        continue;
      }
      LocalDate d = resolve(m, future, published);
      if (d != null) {
        out.add(
            new Found(
                start,
                end,
                d,
                m.group("wd") != null,
                m.group("mid") != null,
                m.group("year4") != null));
      }
    }
    out.sort(Comparator.comparingInt(Found::start));
    return out;
  }

  /** A year as a date figure writes it: the only four digits in one. */
  private static final Pattern YEAR_WRITTEN = Pattern.compile("\\d{4}");

  /**
   * The day a date figure names: its epoch day when it writes the year; else (its value is
   * month*100+day) the published year's, or the next or last year's when the clause speaks of the
   * future or the past and the day would fall on the wrong side of the article's date.
   */
  private static LocalDate calendarDay(Figure date, boolean future, LocalDate published) {
    if (YEAR_WRITTEN.matcher(date.text()).find()) {
      return LocalDate.ofEpochDay((long) date.value());
    }
    int month = (int) date.value() / 100;
    int day = (int) date.value() % 100;
    try {
      LocalDate d = LocalDate.of(published.getYear(), month, day);
      if (future && d.isBefore(published)) {
        return d.plusYears(1);
      }
      return !future && d.isAfter(published) ? d.minusYears(1) : d;
    } catch (DateTimeException noSuchDay) {
      return null; // "Feb. 29" in a year without one
    }
  }

  /** Month and weekday names count only capitalized: "may" is a verb, "May" a month. */
  private static boolean properNoun(String text, Matcher m) {
    for (String g : new String[] {"wd", "mon3"}) {
      if (m.group(g) != null) {
        return Character.isUpperCase(text.charAt(m.start(g)));
      }
    }
    return true;
  }

  private LocalDate resolve(Matcher m, boolean future, LocalDate published) {
    try {
      if (m.group("wd") != null) {
        DayOfWeek dow = DayOfWeek.of(index(cues.weekdays(), m.group("wd")) + 1);
        String order = m.group("order") == null ? "" : m.group("order").toLowerCase(Locale.ROOT);
        boolean forward = order.equals("next") || (!order.equals("last") && future);
        LocalDate d = published;
        if (order.equals("next") || order.equals("last")) {
          d = forward ? d.plusDays(1) : d.minusDays(1);
        }
        while (d.getDayOfWeek() != dow) {
          d = forward ? d.plusDays(1) : d.minusDays(1);
        }
        return d;
      }
      if (m.group("mon3") != null) {
        return LocalDate.of(
            Integer.parseInt(m.group("year3")),
            cues.months().get(m.group("mon3").toLowerCase(Locale.ROOT)),
            1);
      }
      if (m.group("year4") != null) {
        int year = Integer.parseInt(m.group("year4"));
        return year < published.getYear() ? LocalDate.of(year, 1, 1) : null;
      }
      if (m.group("rel") != null) {
        return published.plusDays(cues.relativeDays().get(m.group("rel").toLowerCase(Locale.ROOT)));
      }
      return future ? published.plusDays(1) : published; // midnight
    } catch (DateTimeException | NullPointerException e) {
      return null; // "February 30", or a name the lists disagree on: no date rather than a wrong
      // one
    }
  }

  private static int index(java.util.List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalStateException("not a weekday: " + name);
  }
}
