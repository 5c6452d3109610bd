package tradebot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells article prose from page furniture (video carousels, photo captions and credits, share and
 * newsletter prompts, bylines, link lists), line by line, by the rules in {@code
 * config/boilerplate.yaml}: patterns first, then structural rules (short lines, captions printed
 * around their credit, duplicates, carousels, a furniture-dense preamble before the opening
 * byline). Rules are conservative: a line that reads like prose is only dropped by an explicit
 * pattern, a carousel or a preamble, and never when it is longer than the configured limits.
 * Immutable and thread-safe.
 */
public final class BoilerplateCleaner {
  private static final Logger log = LoggerFactory.getLogger(BoilerplateCleaner.class);

  /** The reason given to a kept line. */
  public static final String PROSE = "prose";

  /** The reason given to an empty or all-space line (not kept: it separates paragraphs). */
  public static final String BLANK = "blank";

  /** The reason of a line that repeats the article's title. */
  public static final String TITLE = "title";

  private final BoilerplateRules rules;
  private final String origin;
  private final Map<String, String> whys;
  private final RequiredChars[] required; // of each pattern, in order

  BoilerplateCleaner(BoilerplateRules rules, String origin) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.whys = Map.copyOf(rules.whyByName());
    this.required =
        rules.patterns().stream()
            .map(p -> RequiredChars.of(p.regex()))
            .toArray(RequiredChars[]::new);
  }

  /**
   * Reads the rules from {@code file} ({@code config/boilerplate.yaml}).
   *
   * @throws IllegalArgumentException when a rule is bad, naming the rule and the file
   * @throws UncheckedIOException when the file cannot be read
   */
  public static BoilerplateCleaner fromFile(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read boilerplate rules " + file + ": " + e, e);
    }
    return new BoilerplateCleaner(BoilerplateRules.parse(yaml, file.toString()), file.toString());
  }

  /** Parses rules from YAML text; {@code origin} names them in messages. */
  public static BoilerplateCleaner fromYaml(String yaml, String origin) {
    return new BoilerplateCleaner(BoilerplateRules.parse(yaml, origin), origin);
  }

  /**
   * The one-line reason of the rule called {@code reason}, for explaining a verdict; also for
   * {@link #PROSE} and {@link #BLANK}.
   */
  public Optional<String> why(String reason) {
    return switch (reason) {
      case PROSE -> Optional.of("no rule matched: article prose");
      case BLANK -> Optional.of("an empty line: separates paragraphs");
      case TITLE -> Optional.of("repeats the article's title: the headline pasted with the body");
      default -> Optional.ofNullable(whys.get(reason));
    };
  }

  /**
   * One verdict per line of {@code body}, as {@link #classify(String)}, and a kept line that only
   * repeats the article's {@code title} (the headline pasted with the body) dropped as {@link
   * #TITLE}: the title is cited with every quote already, and as a sentence it matches every
   * question about the article.
   */
  public List<LineVerdict> classify(String body, String title) {
    List<LineVerdict> verdicts = classify(body);
    String headline = folded(title);
    if (headline.isEmpty()) {
      return verdicts;
    }
    List<LineVerdict> out = new ArrayList<>(verdicts.size());
    for (LineVerdict v : verdicts) {
      boolean repeats = v.kept() && folded(body.substring(v.start(), v.end())).equals(headline);
      out.add(repeats ? new LineVerdict(v.number(), v.start(), v.end(), false, TITLE) : v);
    }
    return out;
  }

  private static String folded(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** One verdict per line of {@code body} (split at '\n'), in order. */
  public List<LineVerdict> classify(String body) {
    Objects.requireNonNull(body, "body");
    BodyLines lines = BodyLines.of(body);
    Verdicts v = new Verdicts(lines, rules, origin);
    linePatterns(v);
    StructuralRules.apply(v);
    List<LineVerdict> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String reason = v.reason(i);
      out.add(
          new LineVerdict(
              i + 1,
              lines.start(i),
              lines.end(i),
              reason == null,
              reason == null ? PROSE : reason));
    }
    return out;
  }

  /** Step 1 and 2: blank lines, then the patterns (with their link lists) and short lines. */
  private void linePatterns(Verdicts v) {
    BodyLines lines = v.lines();
    BoilerplateRules.PatternRule list = null;
    int listLeft = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.blank(i)) {
        v.drop(i, BLANK);
        continue;
      }
      if (!v.droppable(i)) {
        listLeft = 0;
        continue;
      }
      BoilerplateRules.PatternRule hit = firstPattern(v, i);
      if (hit != null) {
        v.drop(i, hit.name());
        if (hit.listAfter() > 0) {
          list = hit;
          listLeft = hit.listAfter();
        } else if (listLeft > 0) {
          listLeft--;
        }
        continue;
      }
      if (listLeft > 0 && !v.prose(i) && lines.words(i) <= rules.limits().listItemMaxWords()) {
        v.drop(i, list.name());
        listLeft--;
        continue;
      }
      listLeft = 0;
      if (rules.shortLine().isPresent() && isShortLine(v, i, rules.shortLine().get())) {
        v.drop(i, BoilerplateRules.SHORT_LINE);
      }
    }
  }

  private BoilerplateRules.PatternRule firstPattern(Verdicts v, int i) {
    List<BoilerplateRules.PatternRule> patterns = rules.patterns();
    for (int k = 0; k < patterns.size(); k++) {
      BoilerplateRules.PatternRule p = patterns.get(k);
      if ((p.maxWords() == 0 || v.lines().words(i) <= p.maxWords())
          && required[k].allIn(v.lines().text(i))
          && v.find(p.regex(), p.name(), i)) {
        return p;
      }
    }
    return null;
  }

  private static boolean isShortLine(Verdicts v, int i, BoilerplateRules.ShortLine rule) {
    BodyLines lines = v.lines();
    if (lines.words(i) > rule.maxWords() || v.find(rule.keepIf(), BoilerplateRules.SHORT_LINE, i)) {
      return false;
    }
    // A short line right under a long kept line that stops mid-sentence is hard-wrapped prose.
    boolean continues =
        i > 0
            && !lines.blank(i - 1)
            && v.reason(i - 1) == null
            && !v.prose(i - 1)
            && lines.words(i - 1) > rule.maxWords();
    return !continues;
  }

  /**
   * The verdicts of one body while the rules run: a reason per dropped line (null while kept), and
   * the prose shape of each line. Not thread-safe; one per {@link #classify} call.
   */
  static final class Verdicts {
    /** How much of a line {@link #findAtStart} looks at. */
    private static final int START_CHARS = 400;

    private final BodyLines lines;
    private final BoilerplateRules rules;
    private final String origin;
    private final String[] reasons;
    private final Boolean[] prose;
    // One matcher per rule for all the lines of this body: a matcher's arrays are not small.
    private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();

    Verdicts(BodyLines lines, BoilerplateRules rules, String origin) {
      this.lines = lines;
      this.rules = rules;
      this.origin = origin;
      this.reasons = new String[lines.size()];
      this.prose = new Boolean[lines.size()];
    }

    BodyLines lines() {
      return lines;
    }

    BoilerplateRules rules() {
      return rules;
    }

    String reason(int i) {
      return reasons[i];
    }

    boolean kept(int i) {
      return reasons[i] == null;
    }

    void drop(int i, String reason) {
      if (reasons[i] == null) {
        reasons[i] = reason;
      }
    }

    /** Whether a rule other than duplicate and repeated-text may drop line {@code i}. */
    boolean droppable(int i) {
      BoilerplateRules.Limits l = rules.limits();
      return lines.words(i) <= l.maxFurnitureWords()
          && lines.text(i).length() <= l.maxFurnitureChars();
    }

    /**
     * Whether line {@code i} reads like prose; a line too long for the rules, or too hard to tell,
     * does.
     */
    boolean prose(int i) {
      if (prose[i] == null) {
        prose[i] =
            !lines.blank(i)
                && (!droppable(i) || findOr(rules.proseShape(), "prose_shape", i, true));
      }
      return prose[i];
    }

    /** Whether {@code regex} matches line {@code i}; a regex that backtracks too long does not. */
    boolean find(Pattern regex, String rule, int i) {
      return findOr(regex, rule, i, lines.text(i), false);
    }

    /**
     * Like {@link #find}, in the line's first characters only: for regexes anchored at the start.
     */
    boolean findAtStart(Pattern regex, String rule, int i) {
      String t = lines.text(i);
      return findOr(regex, rule, i, t.substring(0, Math.min(t.length(), START_CHARS)), false);
    }

    private boolean findOr(Pattern regex, String rule, int i, boolean onExhausted) {
      return findOr(regex, rule, i, lines.text(i), onExhausted);
    }

    private boolean findOr(Pattern regex, String rule, int i, String text, boolean onExhausted) {
      try {
        return BoundedText.find(matchers.computeIfAbsent(regex, r -> r.matcher("")), text);
      } catch (BoundedText.Exhausted e) {
        log.warn(
            "{}: rule '{}' backtracks too long on line {} ({} chars); taken as {}: make its quantifiers bounded or possessive",
            origin,
            rule,
            i + 1,
            text.length(),
            onExhausted ? "a match" : "no match");
        return onExhausted;
      }
    }
  }
}
