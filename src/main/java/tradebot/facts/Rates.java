package tradebot.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.knowledge.Figure;
import tradebot.knowledge.FigureExtractor;

/**
 * Reads the percentages of a tariff clause and tells their roles apart: the rate ("to 125%", "up to
 * 10 percent"), a range ("5 per cent to 25 per cent"), the level it changed from ("from 10%"), the
 * base it stacks on ("on top of an existing 20%") and a stated total. Shares ("16% of imports") and
 * moves ("fell by 3%") are no rates. Thread-safe.
 */
final class Rates {
  /** A percentage as written; {@code low} is the lower bound of a range, else null. */
  record Rate(double value, Double low, String text, int start, int end, boolean toForm) {}

  /**
   * The roles found in a clause.
   *
   * @param rates the candidate rates, in order
   * @param from the level a rate changed from, or null
   * @param base the rate stacked on, or null
   * @param stackText the stacking phrase up to the base ("on top of an existing 20%"), or null
   * @param total a stated total, or null
   * @param stacksOnExisting a stacking phrase without a rate ("on top of existing tariffs")
   * @param sameLevel the phrase that repeats an earlier rate ("the same level"), or null
   */
  record Parsed(
      List<Rate> rates,
      Rate from,
      Rate base,
      String stackText,
      Rate total,
      boolean stacksOnExisting,
      String sameLevel) {}

  private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";

  /** Percentages are read by the one grammar for figures that ingestion uses. */
  private static final FigureExtractor FIGURES = new FigureExtractor();

  private static final Pattern JOIN = Pattern.compile("^\\s*(?:to|-|–|—|and)\\s*$");
  private static final Pattern SHARE_AFTER =
      Pattern.compile("^\\s+of\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern BY_BEFORE = Pattern.compile("\\bby\\s+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern FROM_BEFORE =
      Pattern.compile("\\bfrom\\s+$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_LOW =
      Pattern.compile("(?<![\\d.])" + NUMBER + "\\s*(?:to|-|–)\\s*$", Pattern.CASE_INSENSITIVE);

  private final Pattern qualifierBefore;
  private final Pattern toFrom;
  private final Pattern rangeBefore;
  private final Pattern toBefore;
  private final Phrases.Cue stacking;
  private final Pattern totals;
  private final Phrases.Cue sameLevel;

  Rates(TariffCues cues) {
    String quals = Phrases.alternation(cues.rateQualifiers());
    this.qualifierBefore =
        Pattern.compile("(?<![\\p{L}])(?:" + quals + ")\\s+$", Pattern.CASE_INSENSITIVE);
    this.toFrom = // "to 25% from 10%", "to about 47% from about 57%"
        Pattern.compile("^\\s+from\\s+(?:(?:" + quals + ")\\s+)?$", Pattern.CASE_INSENSITIVE);
    this.toBefore =
        Pattern.compile(
            "(?<![\\p{L}])(?:to|be|become|becomes|now)\\s+(?:(?:" + quals + ")\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    this.rangeBefore =
        Pattern.compile(
            "(?<![\\p{L}])(?:" + Phrases.alternation(cues.rangeCues()) + ")\\s+$",
            Pattern.CASE_INSENSITIVE);
    this.stacking = Phrases.Cue.of(cues.stacking());
    this.totals = Phrases.of(cues.totals());
    this.sameLevel = Phrases.Cue.of(cues.sameLevel());
  }

  /** The roles of the percentages in {@code s[from, to)}. */
  Parsed parse(String s, int from, int to) {
    List<Rate> tokens = new ArrayList<>();
    for (Figure f : FIGURES.extract(s, from, to)) {
      if (f.kind() == Figure.Kind.PERCENT) {
        tokens.add(new Rate(f.value(), null, f.text(), f.start(), f.end(), false));
      }
    }
    List<Rate> rates = new ArrayList<>();
    Rate fromRate = null;
    Rate base = null;
    String stackText = null;
    Rate total = null;
    for (int i = 0; i < tokens.size(); i++) {
      Rate t = tokens.get(i);
      Rate next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      String before = s.substring(Math.max(from, t.start() - 40), t.start());
      if (next != null && JOIN.matcher(s.substring(t.end(), next.start())).matches()) {
        boolean and = s.substring(t.end(), next.start()).strip().equals("and");
        if (FROM_BEFORE.matcher(before).find() && !rangeBefore.matcher(before).find()) {
          fromRate = t; // "raised from 10% to 25%"
          rates.add(withForm(next, true));
          i++;
          continue;
        }
        if (!and || rangeBefore.matcher(before).find()) {
          rates.add(range(s, t, next, t.value(), qualified(s, from, t)));
          i++;
          continue;
        }
      }
      if (next != null && toFrom.matcher(s.substring(t.end(), next.start())).matches()) {
        rates.add(qualified(s, from, withForm(t, toBefore.matcher(before).find())));
        fromRate = next; // "to 25% from 10%"
        i++;
        continue;
      }
      if (SHARE_AFTER.matcher(s.substring(t.end(), to)).find()
          || BY_BEFORE.matcher(before).find()) {
        continue;
      }
      int[] stack = lastMatch(stacking.pattern(), s, Math.max(from, t.start() - 40), t.start());
      if (stack != null && noTokenBetween(tokens, stack[1], t.start())) {
        base = t;
        stackText = s.substring(stack[0], t.end());
        continue;
      }
      int[] totalCue = lastMatch(totals, s, Math.max(from, t.start() - 40), t.start());
      if (totalCue != null && noTokenBetween(tokens, totalCue[1], t.start())) {
        total = t;
        continue;
      }
      if (FROM_BEFORE.matcher(before).find()) {
        fromRate = t;
        continue;
      }
      Matcher low = BARE_LOW.matcher(before);
      if (low.find()) {
        int start = t.start() - (before.length() - low.start());
        double lowValue = Double.parseDouble(low.group(1));
        if (FROM_BEFORE.matcher(before.substring(0, low.start())).find()
            && !rangeBefore.matcher(before.substring(0, low.start())).find()) {
          fromRate =
              new Rate(lowValue, null, low.group(1), start, start + low.group(1).length(), false);
          rates.add(withForm(t, true)); // "raised from 10 to 25 percent"
        } else {
          rates.add(
              new Rate(t.value(), lowValue, s.substring(start, t.end()), start, t.end(), false));
        }
        continue;
      }
      rates.add(qualified(s, from, withForm(t, toBefore.matcher(before).find())));
    }
    boolean stacksOnExisting = base == null && stacking.occurs(s, from, to);
    Matcher same = sameLevel.find(s, from, to);
    return new Parsed(
        List.copyOf(rates),
        fromRate,
        base,
        stackText,
        total,
        stacksOnExisting,
        same == null ? null : same.group());
  }

  private Rate qualified(String s, int from, Rate t) {
    Matcher q = qualifierBefore.matcher(s.substring(Math.max(from, t.start() - 20), t.start()));
    if (!q.find()) {
      return t;
    }
    int start = t.start() - (q.regionEnd() - q.start());
    return new Rate(t.value(), t.low(), s.substring(start, t.end()), start, t.end(), t.toForm());
  }

  private static Rate range(String s, Rate a, Rate b, double low, Rate qualifiedStart) {
    int start = Math.min(a.start(), qualifiedStart.start());
    return new Rate(
        Math.max(low, b.value()),
        Math.min(low, b.value()),
        s.substring(start, b.end()),
        start,
        b.end(),
        false);
  }

  private static Rate withForm(Rate t, boolean toForm) {
    return new Rate(t.value(), t.low(), t.text(), t.start(), t.end(), toForm);
  }

  private static boolean noTokenBetween(List<Rate> tokens, int from, int to) {
    return tokens.stream().noneMatch(t -> t.start() >= from && t.end() <= to);
  }

  /** Where the last match of {@code p} in {@code s[from, to)} starts and ends, or null. */
  private static int[] lastMatch(Pattern p, String s, int from, int to) {
    Matcher m = p.matcher(s).region(from, to);
    int[] last = null;
    while (m.find()) {
      last = new int[] {m.start(), m.end()};
    }
    return last;
  }
}
