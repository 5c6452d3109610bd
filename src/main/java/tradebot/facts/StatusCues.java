package tradebot.facts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tradebot.facts.internal.FirstWords;

/**
 * Decides the status of a tariff clause from the status cues of {@link TariffCues}: the verb that
 * governs the tariff word ("will cut the tariffs it imposed" is a cut), else the cue after it
 * ("tariffs increased"), else the verb of the sentence before the clause. Thread-safe.
 */
final class StatusCues {
  /** How far before the tariff word a verb still governs it. */
  private static final int GOVERNS = 60;

  private static final Pattern MODAL_GAP =
      Pattern.compile("\\s+(?:\\p{L}+ly\\s+|also\\s+|then\\s+|soon\\s+|now\\s+)?");

  private final Map<TariffTimeline.Status, Pattern> status =
      new EnumMap<>(TariffTimeline.Status.class);
  private final Map<TariffTimeline.Status, FirstWords> firstWords =
      new EnumMap<>(TariffTimeline.Status.class);
  private final Pattern suspensionNouns;
  private final FirstWords suspensionNounWords;

  StatusCues(TariffCues cues) {
    for (TariffTimeline.Status s : TariffTimeline.Status.values()) {
      status.put(s, Phrases.of(cues.cues(s)));
      firstWords.put(s, FirstWords.of(cues.cues(s)));
    }
    this.suspensionNouns = Phrases.of(cues.suspensionNouns());
    this.suspensionNounWords = FirstWords.of(cues.suspensionNouns());
  }

  /** The first cue of {@code st} in {@code s}, found, or null. */
  Matcher first(TariffTimeline.Status st, String s) {
    if (!firstWords.get(st).mayOccur(s, 0, s.length())) {
      return null;
    }
    Matcher m = status.get(st).matcher(s);
    return m.find() ? m : null;
  }

  /** Whether a cue of {@code st} occurs in {@code s[from, to)}. */
  boolean occurs(TariffTimeline.Status st, String s, int from, int to) {
    return firstWords.get(st).mayOccur(s, Math.max(0, from), Math.min(s.length(), to))
        && Phrases.occurs(status.get(st), s, from, to);
  }

  /** The cues of one status as a pattern. */
  Pattern pattern(TariffTimeline.Status s) {
    return status.get(s);
  }

  /** A status cue found in a clause. {@code noun}: a suspension noun, weaker than a verb. */
  record Cue(TariffTimeline.Status status, String text, int distance, boolean noun, int end) {}

  /**
   * The status cue of a clause: the nearest before the tariff word within {@link #GOVERNS} chars
   * (the verb that governs it), else the nearest after it, else the verb of the sentence before the
   * clause. Suspension nouns count only with a figure. A modal right before a cut or a suspension
   * ("will fall", "would suspend") is that cut or suspension, planned.
   */
  Cue nearest(String s, TariffExtractor.Clause c, boolean hasFigure) {
    Cue[] nearest = new Cue[2]; // before the tariff word, after it
    for (TariffTimeline.Status st : TariffTimeline.Status.values()) {
      nearer(nearest, st, status.get(st), firstWords.get(st), s, c, false);
    }
    if (hasFigure) {
      nearer(
          nearest,
          TariffTimeline.Status.SUSPENDED,
          suspensionNouns,
          suspensionNounWords,
          s,
          c,
          true);
    }
    Cue before = nearest[0];
    Cue after = nearest[1];
    Cue best = before != null && before.distance() <= GOVERNS ? before : after;
    if (best == null) {
      best = before;
    }
    if (best == null && c.start() > 0) {
      // "Biden has announced ..., including a quadrupling of duties ...": the verb that governs
      // the sentence before the clause.
      TariffExtractor.Clause earlier =
          new TariffExtractor.Clause(s, 0, c.start(), c.start(), c.start(), c.mentions());
      Cue[] found = new Cue[2];
      for (TariffTimeline.Status st : TariffTimeline.Status.values()) {
        nearer(found, st, status.get(st), firstWords.get(st), s, earlier, false);
      }
      best = found[0];
    }
    return best == null ? null : modal(s, c, best);
  }

  private Cue modal(String s, TariffExtractor.Clause c, Cue cue) {
    if (cue.status() != TariffTimeline.Status.ANNOUNCED) {
      return cue;
    }
    for (TariffTimeline.Status st :
        List.of(TariffTimeline.Status.REDUCED, TariffTimeline.Status.SUSPENDED)) {
      Matcher m = status.get(st).matcher(s).region(cue.end(), Math.min(c.end(), cue.end() + 16));
      if (m.find() && MODAL_GAP.matcher(s.substring(cue.end(), m.start())).matches()) {
        return new Cue(st, m.group(), cue.distance(), false, m.end());
      }
    }
    return cue;
  }

  /**
   * Updates {@code nearest[0]} with the matches of {@code p} in the clause that end before its
   * tariff word and {@code nearest[1]} with those that start after it, each when nearer than what
   * it holds: one pass over the clause for both sides.
   */
  private static void nearer(
      Cue[] nearest,
      TariffTimeline.Status st,
      Pattern p,
      FirstWords words,
      String s,
      TariffExtractor.Clause c,
      boolean noun) {
    if (!words.mayOccur(s, c.start(), c.end())) {
      return; // no cue of this status can be in the clause: spare the pattern's scan
    }
    Matcher m = p.matcher(s).region(c.start(), c.end());
    while (m.find()) {
      if (m.end() <= c.anchorStart()) {
        int d = c.anchorStart() - m.end();
        if (nearest[0] == null || d < nearest[0].distance()) {
          nearest[0] = new Cue(st, m.group(), d, noun, m.end());
        }
      }
      if (m.start() >= c.anchorEnd()) {
        int d = m.start() - c.anchorEnd();
        if (nearest[1] == null || d < nearest[1].distance()) {
          nearest[1] = new Cue(st, m.group(), d, noun, m.end());
        }
      }
    }
  }
}
