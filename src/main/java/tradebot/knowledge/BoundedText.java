package tradebot.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line handed to a regex with a step budget: every character the matcher reads costs one step,
 * and a match that runs out (a regex that backtracks catastrophically) gives up instead of hanging
 * the ingester. Not thread-safe; one instance per match.
 */
final class BoundedText implements CharSequence {
  /** Steps per character of the line, plus a fixed allowance: far above what a sane regex needs. */
  private static final long STEPS_PER_CHAR = 2_000;

  private static final long BASE_STEPS = 200_000;

  private final String text;
  private long budget;

  private BoundedText(String text, long budget) {
    this.text = text;
    this.budget = budget;
  }

  /** Thrown when a match spends its budget. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("regex step budget spent", null, false, false);
    }
  }

  /**
   * Whether {@code regex} finds a match in {@code line}.
   *
   * @throws Exhausted when the regex backtracks too long on this line
   */
  static boolean find(Pattern regex, String line) {
    return find(regex.matcher(""), line);
  }

  /**
   * Whether {@code matcher}'s regex finds a match in {@code line}; the matcher is reset to the
   * line, so that one serves many lines.
   *
   * @throws Exhausted when the regex backtracks too long on this line
   */
  static boolean find(Matcher matcher, String line) {
    long budget = BASE_STEPS + STEPS_PER_CHAR * line.length();
    return matcher.reset(new BoundedText(line, budget)).find();
  }

  @Override
  public char charAt(int index) {
    if (--budget < 0) {
      throw new Exhausted();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
