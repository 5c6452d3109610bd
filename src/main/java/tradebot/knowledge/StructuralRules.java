package tradebot.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules that look at a line's neighbours rather than the line alone: caption-echo, duplicate,
 * repeated-text, carousel and preamble, run in that order after the patterns. Stateless.
 */
final class StructuralRules {
  /**
   * Lines shorter than this are never looked for inside other lines: too likely to recur by chance.
   */
  private static final int KEY_CHARS = 24;

  /**
   * Characters repeated-text may compare per character of the body, plus a fixed allowance: far
   * above what an article needs, and what keeps a body of thousands of lines that start alike from
   * taking minutes (the rule then stops; its lines stay, which loses nothing).
   */
  private static final long COMPARED_PER_CHAR = 200;

  private static final long COMPARED_BASE = 2_000_000;

  private static final Logger log = LoggerFactory.getLogger(StructuralRules.class);

  private StructuralRules() {}

  static void apply(BoilerplateCleaner.Verdicts v) {
    BoilerplateRules rules = v.rules();
    List<Integer> nonBlank = new ArrayList<>();
    for (int i = 0; i < v.lines().size(); i++) {
      if (!v.lines().blank(i)) {
        nonBlank.add(i);
      }
    }
    rules.captionEcho().ifPresent(r -> captionEcho(v, nonBlank, r));
    rules.duplicate().ifPresent(r -> duplicate(v, nonBlank));
    rules.repeatedText().ifPresent(r -> repeatedText(v, nonBlank, r));
    rules.carousel().ifPresent(r -> carousel(v, nonBlank, r));
    rules.preamble().ifPresent(r -> preamble(v, nonBlank, r));
  }

  /** A caption printed twice around its credit line: caption / credit / caption. */
  private static void captionEcho(
      BoilerplateCleaner.Verdicts v, List<Integer> nb, BoilerplateRules.CaptionEcho rule) {
    for (int k = 0; k < nb.size(); k++) {
      int a = nb.get(k);
      for (int d = 2; d <= rule.maxBetween() + 1 && k + d < nb.size(); d++) {
        String between = v.reason(nb.get(k + d - 1));
        if (between == null || !rule.between().contains(between)) {
          break;
        }
        int c = nb.get(k + d);
        if (v.lines().text(a).equals(v.lines().text(c)) && v.droppable(a)) {
          v.drop(a, BoilerplateRules.CAPTION_ECHO);
          v.drop(c, BoilerplateRules.CAPTION_ECHO);
        }
      }
    }
  }

  /** A line identical to an earlier one: the later copy goes. */
  private static void duplicate(BoilerplateCleaner.Verdicts v, List<Integer> nb) {
    Set<String> seen = new HashSet<>();
    for (int i : nb) {
      if (!seen.add(v.lines().text(i))) {
        v.drop(i, BoilerplateRules.DUPLICATE);
      }
    }
  }

  /**
   * A kept line whose whole text sits, at a word boundary, inside a longer kept line goes: its
   * words survive there. Candidates are indexed by their first characters, so each longer line is
   * scanned once.
   */
  private static void repeatedText(
      BoilerplateCleaner.Verdicts v, List<Integer> nb, BoilerplateRules.RepeatedText rule) {
    BodyLines lines = v.lines();
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (int i : nb) {
      String t = lines.text(i);
      if (v.kept(i)
          && lines.words(i) >= rule.minWords()
          && t.length() >= KEY_CHARS
          && v.droppable(i)) {
        byKey.computeIfAbsent(t.substring(0, KEY_CHARS), x -> new ArrayList<>()).add(i);
      }
    }
    if (byKey.isEmpty()) {
      return;
    }
    long budget = COMPARED_BASE;
    for (int j : nb) {
      budget += COMPARED_PER_CHAR * lines.text(j).length();
    }
    for (int j : nb) {
      String t = lines.text(j);
      if (!v.kept(j) || t.length() <= KEY_CHARS) {
        continue;
      }
      int p = 0;
      while (p + KEY_CHARS <= t.length()) {
        List<Integer> candidates = byKey.get(t.substring(p, p + KEY_CHARS));
        if (candidates != null) {
          for (int i : candidates) {
            String c = lines.text(i);
            budget -= c.length();
            if (budget < 0) {
              log.warn(
                  "repeated-text stopped on line {} of {}: too many lines start alike; the rest are"
                      + " kept",
                  j + 1,
                  lines.size());
              return;
            }
            int after = p + c.length();
            if (i != j
                && c.length() < t.length()
                && t.startsWith(c, p)
                && (after == t.length() || t.charAt(after) == ' ')) {
              v.drop(i, BoilerplateRules.REPEATED_TEXT);
            }
          }
        }
        int space = t.indexOf(' ', p);
        if (space < 0) {
          break;
        }
        p = space + 1;
      }
    }
  }

  /** A clip: the non-blank positions of its first and last line (marker, running time, title). */
  private record Clip(int first, int last) {}

  private static void carousel(
      BoilerplateCleaner.Verdicts v, List<Integer> nb, BoilerplateRules.Carousel rule) {
    List<Clip> clips = new ArrayList<>();
    int k = 0;
    while (k + 1 < nb.size()) {
      int a = nb.get(k);
      int b = nb.get(k + 1);
      boolean pair =
          is(v, rule.marker(), a) && is(v, rule.clipLength(), b)
              || is(v, rule.clipLength(), a) && is(v, rule.marker(), b);
      if (!pair) {
        k++;
        continue;
      }
      v.drop(a, BoilerplateRules.CAROUSEL);
      v.drop(b, BoilerplateRules.CAROUSEL);
      int last = k + 1;
      if (k + 2 < nb.size() && isTitle(v, rule, nb.get(k + 2))) {
        v.drop(nb.get(k + 2), BoilerplateRules.CAROUSEL);
        last = k + 2;
      }
      clips.add(new Clip(k, last));
      k = last + 1;
    }
    for (int c = 0; c + 1 < clips.size(); c++) {
      List<Integer> gap = nb.subList(clips.get(c).last() + 1, clips.get(c + 1).first());
      if (gap.isEmpty() || gap.size() > rule.maxGapLines()) {
        continue;
      }
      boolean anyFurniture = gap.stream().anyMatch(i -> !v.kept(i));
      boolean anyProse = gap.stream().anyMatch(i -> v.kept(i) && v.prose(i));
      boolean allDroppable = gap.stream().allMatch(v::droppable);
      if (allDroppable && (anyFurniture || !anyProse)) {
        gap.forEach(i -> v.drop(i, BoilerplateRules.CAROUSEL));
      }
    }
  }

  private static boolean is(BoilerplateCleaner.Verdicts v, BoilerplateRules.PatternRule p, int i) {
    return p.name().equals(v.reason(i)) || v.droppable(i) && v.find(p.regex(), p.name(), i);
  }

  /**
   * The line after a clip's pair is its title when short and not shaped like prose; a line already
   * dropped there is taken as the title too, unless it opens the next clip.
   */
  private static boolean isTitle(
      BoilerplateCleaner.Verdicts v, BoilerplateRules.Carousel rule, int i) {
    if (is(v, rule.marker(), i) || is(v, rule.clipLength(), i)) {
      return false;
    }
    if (!v.kept(i)) {
      return true;
    }
    return v.droppable(i) && v.lines().words(i) <= rule.titleMaxWords() && !v.prose(i);
  }

  /** Everything before the opening byline, when most of it is already furniture. */
  private static void preamble(
      BoilerplateCleaner.Verdicts v, List<Integer> nb, BoilerplateRules.Preamble rule) {
    int lead = -1;
    for (int k = 0; k < nb.size(); k++) {
      if (v.findAtStart(rule.lead(), BoilerplateRules.PREAMBLE, nb.get(k))) {
        lead = k;
        break;
      }
    }
    if (lead <= 0) {
      return;
    }
    List<Integer> before = nb.subList(0, lead);
    long dropped = before.stream().filter(i -> !v.kept(i)).count();
    if (dropped >= rule.minDropped() && dropped >= rule.minShare() * before.size()) {
      before.stream().filter(v::droppable).forEach(i -> v.drop(i, BoilerplateRules.PREAMBLE));
    }
  }
}
