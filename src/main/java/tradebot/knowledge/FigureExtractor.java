package tradebot.knowledge;

import static tradebot.knowledge.FigureGrammar.matcher;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.knowledge.internal.FigureCues;
import tradebot.knowledge.internal.NumberMatches;

/**
 * Finds rates, amounts, counts, dates and durations in article text. Thread-safe and stateless.
 *
 * <p>The grammar ({@link FigureGrammar}) finds every candidate; overlaps are then settled
 * leftmost-longest, a date beating an amount beating a rate, a duration and a count on equal spans
 * ("two days" is a duration, "May 22" a date and not a count of anything). A figure's text is the
 * figure alone: "up to 10 percent" gives "10 percent", "more than 5,200 kinds" gives "5,200 kinds".
 * Finally the first half of a range takes the kind, unit and scale of the second: "10 to 25
 * percent", "$50-60 billion" and "two to three weeks" each give two figures.
 *
 * <p>Values: PERCENT in percent points with unit "%"; MONEY in units of the currency, unit an ISO
 * 4217 code ("$" is USD, "¥" JPY, "yuan"/"RMB" CNY); COUNT the number with the counted noun in
 * lower case as unit ("kinds", "percentage points"); DURATION in days (hours/24, minutes/1440, a
 * month 30, a year 365), unit "days"; DATE the epoch day when the year is written, else
 * month*100+day, unit "date". Bare years, clock times, clip lengths ("01:04"), ranks ("No. 2") and
 * section numbers ("Section 301 tariffs") are not figures.
 */
public final class FigureExtractor {
  /** How far before a figure the first half of a range ("between 10 and ") may start. */
  private static final int RANGE_LOOKBACK = 40;

  private static final Pattern YEAR_LIKE = Pattern.compile("\\d{4}");

  private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0]+");

  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

  /** A figure found by the grammar, with the factor from its written number to its value. */
  private record Candidate(Figure figure, double factor, int rank) {}

  /** The figures inside {@code text[start, end)}, with offsets into {@code text}, in order. */
  public List<Figure> extract(String text, int start, int end) {
    checkRegion(text, start, end);
    return extract(text, start, end, FigureGrammar.CUES.scan(text, start, end));
  }

  /**
   * {@link #extract} running every pattern over the whole region, whatever the region holds: what
   * the cues must never change.
   */
  List<Figure> extractWithEveryPattern(String text, int start, int end) {
    checkRegion(text, start, end);
    return extract(text, start, end, FigureCues.all(start));
  }

  private static void checkRegion(String text, int start, int end) {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end > text.length() || start > end) {
      throw new IllegalArgumentException(
          "region " + start + ".." + end + " is outside a text of " + text.length() + " chars");
    }
  }

  private static List<Figure> extract(String text, int start, int end, FigureCues cues) {
    List<Candidate> found = new ArrayList<>();
    dates(text, start, end, cues, found);
    money(text, start, end, cues, found);
    numbered(text, start, end, cues, found);
    found.sort(
        Comparator.comparingInt((Candidate c) -> c.figure().start())
            .thenComparingInt(c -> -c.figure().end())
            .thenComparingInt(Candidate::rank));
    List<Candidate> kept = new ArrayList<>();
    int taken = start;
    for (Candidate c : found) {
      if (c.figure().start() >= taken) {
        kept.add(c);
        taken = c.figure().end();
      }
    }
    modifiedCounts(text, end, cues, kept);
    if (kept.isEmpty()) {
      return List.of();
    }
    return withRangeStarts(text, start, kept, cues);
  }

  /**
   * Adds, in order, the counts whose noun has describing words before it ("818 product lines", "31
   * Chinese companies") on the numbers that no figure in {@code kept} took.
   */
  /** The matches of {@code pattern}, which opens with a written number, where cues allow one. */
  private static NumberMatches numbers(Pattern pattern, String text, int end, FigureCues cues) {
    return new NumberMatches(matcher(pattern, text, cues.numberFrom(), end), end, cues);
  }

  private static void modifiedCounts(String text, int end, FigureCues cues, List<Candidate> kept) {
    if (!cues.number()) {
      return;
    }
    NumberMatches count = numbers(FigureGrammar.COUNT_MODIFIED, text, end, cues);
    List<Candidate> added = new ArrayList<>();
    while (count.find()) {
      Matcher c = count.matcher();
      String mods =
          BLANKS.matcher(c.group("mods").toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
      boolean describing =
          Arrays.stream(mods.split(" ")).noneMatch(FigureWords.NOT_MODIFIERS::contains);
      Candidate counted = describing ? count(text, c, mods + " ") : null;
      if (counted != null && free(kept, c.start(), c.end())) {
        added.add(counted);
      }
    }
    if (!added.isEmpty()) {
      kept.addAll(added);
      kept.sort(Comparator.comparingInt((Candidate k) -> k.figure().start()));
    }
  }

  /** Whether no figure of {@code kept} overlaps {@code [from, to)}. */
  private static boolean free(List<Candidate> kept, int from, int to) {
    for (Candidate k : kept) {
      if (k.figure().start() < to && from < k.figure().end()) {
        return false;
      }
    }
    return true;
  }

  private static void dates(String text, int start, int end, FigureCues cues, List<Candidate> out) {
    List<Pattern> patterns = new ArrayList<>(3);
    if (cues.monthDate()) {
      patterns.add(FigureGrammar.DATE_MONTH_DAY);
      patterns.add(FigureGrammar.DATE_DAY_MONTH);
    }
    if (cues.isoDate()) {
      patterns.add(FigureGrammar.DATE_ISO);
    }
    for (Pattern p : patterns) {
      Matcher m = matcher(p, text, start, end);
      while (m.find()) {
        String month = m.group("month");
        int monthNumber =
            Character.isDigit(month.charAt(0)) ? Integer.parseInt(month) : monthNumber(month);
        String year = m.group("year");
        Double value =
            dateValue(
                year == null ? 0 : Integer.parseInt(year),
                monthNumber,
                Integer.parseInt(m.group("day")));
        if (value != null) {
          out.add(candidate(text, m, Figure.Kind.DATE, value, "date", 1));
        }
      }
    }
  }

  /** The epoch day, month*100+day without a year, or null when there is no such day. */
  private static Double dateValue(int year, int month, int day) {
    try {
      if (year == 0) {
        // 2000 is a leap year: "Feb. 29" without a year is a real day.
        LocalDate.of(2000, month, day);
        return month * 100.0 + day;
      }
      return (double) LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException noSuchDay) {
      return null;
    }
  }

  private static int monthNumber(String written) {
    String w = written.substring(0, 1) + written.substring(1).toLowerCase(Locale.ROOT);
    return FigureWords.MONTHS.get(w.replace(".", ""));
  }

  private static void money(String text, int start, int end, FigureCues cues, List<Candidate> out) {
    Matcher m = cues.currencyFirst() ? matcher(FigureGrammar.MONEY_PREFIX, text, start, end) : null;
    while (m != null && m.find()) {
      String currency =
          m.group("sign") != null
              ? FigureWords.CURRENCY_SIGNS.get(m.group("sign"))
              : FigureWords.CURRENCY_CODES.get(m.group("code"));
      double scale = scale(m.group("scale"), m.group("short"));
      double number = FigureWords.number(m.group("num"));
      if (m.group("scale") == null && m.group("short") == null) {
        Matcher tail = matcher(FigureGrammar.MONEY_RANGE_TAIL, text, m.end(), end);
        if (tail.lookingAt()
            && (!"and".equals(tail.group("word"))
                || previousWord(text, m.start()).equals("between"))) {
          scale = scale(tail.group("scale"), null);
          int from = tail.start("second");
          double second = FigureWords.number(tail.group("num"));
          out.add(
              new Candidate(
                  figure(
                      text, from, tail.end("second"), Figure.Kind.MONEY, second * scale, currency),
                  scale,
                  2));
        }
      }
      out.add(
          new Candidate(figure(text, m, Figure.Kind.MONEY, number * scale, currency), scale, 2));
    }
    NumberMatches suffix =
        cues.currencyAfter() ? numbers(FigureGrammar.MONEY_SUFFIX, text, end, cues) : null;
    while (suffix != null && suffix.find()) {
      Matcher s = suffix.matcher();
      double scale = scale(s.group("scale"), null);
      String currency =
          FigureWords.CURRENCY_WORDS.get(BLANKS.matcher(s.group("cur")).replaceAll(" "));
      out.add(
          new Candidate(
              figure(
                  text, s, Figure.Kind.MONEY, FigureWords.number(s.group("num")) * scale, currency),
              scale,
              2));
    }
  }

  private static double scale(String word, String shortWord) {
    if (word != null) {
      return FigureWords.SCALES.get(word.toLowerCase(Locale.ROOT));
    }
    if (shortWord != null) {
      // The grammar lets a no-break space stand before "bn", and strip() keeps that one.
      return FigureWords.SHORT_SCALES.get(
          shortWord.replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT));
    }
    return 1;
  }

  /** Rates, durations and counts: a number and the word after it. */
  private static void numbered(
      String text, int start, int end, FigureCues cues, List<Candidate> out) {
    // Rates, durations and counts open with their number: tried only where one starts.
    NumberMatches percent = cues.percent() ? numbers(FigureGrammar.PERCENT, text, end, cues) : null;
    while (percent != null && percent.find()) {
      Matcher p = percent.matcher();
      out.add(candidate(text, p, Figure.Kind.PERCENT, FigureWords.number(p.group("num")), "%", 3));
    }
    NumberMatches duration =
        cues.number() && cues.timeUnit() ? numbers(FigureGrammar.DURATION, text, end, cues) : null;
    while (duration != null && duration.find()) {
      Matcher d = duration.matcher();
      double days = FigureWords.DURATION_UNITS.get(d.group("unit").toLowerCase(Locale.ROOT));
      Figure f =
          figure(text, d, Figure.Kind.DURATION, FigureWords.number(d.group("num")) * days, "days");
      out.add(new Candidate(f, days, 4));
    }
    Matcher a = cues.timeUnit() ? matcher(FigureGrammar.A_SPAN, text, start, end) : null;
    while (a != null && a.find()) {
      if (!FigureWords.NOT_BEFORE_A_SPAN.contains(previousWord(text, a.start()))
          && !HAS_DIGIT.matcher(previousWord(text, a.start())).matches()) {
        double days = FigureWords.DURATION_UNITS.get(a.group("unit").toLowerCase(Locale.ROOT));
        out.add(candidate(text, a, Figure.Kind.DURATION, days, "days", 4));
      }
    }
    NumberMatches count = cues.number() ? numbers(FigureGrammar.COUNT, text, end, cues) : null;
    while (count != null && count.find()) {
      Candidate counted = count(text, count.matcher(), "");
      if (counted != null) {
        out.add(counted);
      }
    }
  }

  /**
   * The count a match of {@link FigureGrammar#COUNT} or {@link FigureGrammar#COUNT_MODIFIED} reads,
   * its unit {@code describing} (the words before the noun and a space, or "") and the noun; null
   * when it is none: not a plural noun, a count of one, a year ("2018 tariffs") or a label ("No. 2
   * officials").
   */
  private static Candidate count(String text, Matcher c, String describing) {
    String num = c.group("num");
    String noun = BLANKS.matcher(c.group("noun").toLowerCase(Locale.ROOT)).replaceAll(" ");
    double scale = scale(c.group("scale"), null);
    double value = FigureWords.number(num) * scale;
    if (!isCountedNoun(noun)
        || value == 1
        || (scale == 1 && isYearLike(num))
        || labelled(text, c.start())) {
      return null;
    }
    return new Candidate(figure(text, c, Figure.Kind.COUNT, value, describing + noun), scale, 5);
  }

  private static boolean isCountedNoun(String noun) {
    if (FigureWords.IRREGULAR_PLURALS.contains(noun)) {
      return true;
    }
    return !FigureWords.NOT_NOUNS.contains(noun)
        && !noun.endsWith("ss")
        && !noun.endsWith("us")
        && !noun.endsWith("is");
  }

  /** "2018 tariffs" is a year, not a count; counts of thousands are written "2,018". */
  private static boolean isYearLike(String num) {
    if (!YEAR_LIKE.matcher(num).matches()) {
      return false;
    }
    int n = Integer.parseInt(num);
    return n >= 1800 && n <= 2100;
  }

  /** Whether the number at {@code at} is a name or a rank: "No. 2", "Section 301". */
  private static boolean labelled(String text, int at) {
    return FigureWords.LABELS.contains(previousWord(text, at));
  }

  /** The lower-case word before {@code at}, within a short look-back; "" at the start. */
  private static String previousWord(String text, int at) {
    int i = at;
    int floor = Math.max(0, at - 30);
    while (i > floor && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    int wordEnd = i;
    while (i > floor && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return text.substring(i, wordEnd).toLowerCase(Locale.ROOT);
  }

  /**
   * Adds the first halves of ranges: a bare number joined by "-", "to", "or" or "between ... and"
   * to a figure takes that figure's kind, unit and scale ("10 to 25 percent"), and an amount
   * without a scale takes the scale of the amount it runs to ("$50 to $60 billion").
   */
  private static List<Figure> withRangeStarts(
      String text, int start, List<Candidate> kept, FigureCues cues) {
    List<Figure> out = new ArrayList<>(kept.size());
    int previousEnd = start;
    for (Candidate c : kept) {
      Figure f = c.figure();
      if (f.kind() != Figure.Kind.DATE) {
        int from = Math.max(previousEnd, f.start() - RANGE_LOOKBACK);
        Matcher m =
            NumberMatches.rangeStart(
                matcher(FigureGrammar.RANGE_START, text, from, f.start()),
                FigureGrammar.BETWEEN,
                text,
                from,
                f.start(),
                cues);
        if (m != null && isRangeStart(text, m)) {
          double value = FigureWords.number(m.group("num")) * c.factor();
          out.add(figure(text, m.start("num"), m.end("num"), f.kind(), value, f.unit()));
        }
      }
      out.add(f);
      previousEnd = f.end();
    }
    return out;
  }

  private static boolean isRangeStart(String text, Matcher m) {
    String num = m.group("num");
    if ("and".equals(m.group("word")) && m.group("between") == null) {
      return false;
    }
    return !isYearLike(num)
        && !num.equalsIgnoreCase("a")
        && !num.equalsIgnoreCase("an")
        && !labelled(text, m.start("num"));
  }

  private static Candidate candidate(
      String text, Matcher m, Figure.Kind kind, double value, String unit, int rank) {
    return new Candidate(figure(text, m, kind, value, unit), 1, rank);
  }

  private static Figure figure(
      String text, Matcher m, Figure.Kind kind, double value, String unit) {
    return figure(text, m.start(), m.end(), kind, value, unit);
  }

  private static Figure figure(
      String text, int from, int to, Figure.Kind kind, double value, String unit) {
    return new Figure(text.substring(from, to), kind, value, unit, from, to);
  }
}
