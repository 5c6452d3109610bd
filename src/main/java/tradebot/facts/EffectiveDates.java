package tradebot.facts;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date a tariff applies from in a clause and resolves it against the article's date:
 * "effective Monday" in an article of Friday 2018-09-21 is 2018-09-24, "at midnight" in a report of
 * something that has happened is the article's date. Thread-safe.
 */
final class EffectiveDates {
  private static final int LOOK_BACK = 32;

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
                + "|(?<mon>"
                + mon
                + ")\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(?<year>\\d{4}))?"
                + "|(?<day2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<mon2>"
                + mon
                + ")\\.?(?:,?\\s+(?<year2>\\d{4}))?"
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
    Matcher m = dates.matcher(text).region(from, to);
    LocalDate best = null;
    int bestRank = Integer.MAX_VALUE;
    while (m.find()) {
      if (!properNoun(text, m)) {
        continue;
      }
      String before = text.substring(Math.max(from, m.start() - LOOK_BACK), m.start());
      if (m.group("wd") == null) {
        before = weekdayBefore.matcher(before).replaceFirst(""); // "on Saturday, June 1"
      }
      if (speechBefore.matcher(before).find()) {
        continue;
      }
      boolean strong =
          m.group("year4") != null
              || effectBefore.matcher(before).find()
              || (prepositionBefore.matcher(before).find() && (!future || m.start() >= anchor));
      if (future && !strong && m.start() < anchor) {
        continue;
      }
      LocalDate d = resolve(m, future, published);
      if (d == null) {
        continue;
      }
      // A calendar date says more than a weekday or "midnight" next to it.
      int rank =
          (m.group("wd") != null ? 3_000 : 0)
              + (strong ? 0 : 10_000)
              + (m.group("mid") != null ? 5_000 : 0)
              + Math.abs(m.start() - anchor);
      if (rank < bestRank) {
        best = d;
        bestRank = rank;
      }
    }
    return best;
  }

  /** Month and weekday names count only capitalized: "may" is a verb, "May" a month. */
  private static boolean properNoun(String text, Matcher m) {
    for (String g : new String[] {"wd", "mon", "mon2", "mon3"}) {
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
      if (m.group("mon") != null || m.group("mon2") != null) {
        String mon = m.group("mon") != null ? m.group("mon") : m.group("mon2");
        int day = Integer.parseInt(m.group("mon") != null ? m.group("day") : m.group("day2"));
        String year = m.group("mon") != null ? m.group("year") : m.group("year2");
        int month = cues.months().get(mon.toLowerCase(Locale.ROOT));
        if (year != null) {
          return LocalDate.of(Integer.parseInt(year), month, day);
        }
        LocalDate d = LocalDate.of(published.getYear(), month, day);
        if (future && d.isBefore(published)) {
          return d.plusYears(1);
        }
        return !future && d.isAfter(published) ? d.minusYears(1) : d;
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
