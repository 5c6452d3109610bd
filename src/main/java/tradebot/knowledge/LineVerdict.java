package tradebot.knowledge;

/**
 * What the boilerplate cleaner decided about one line of an article body. Immutable.
 *
 * @param number 1-based line number within the body
 * @param start offset of the line's first character in the body
 * @param end offset of the line's end (before the newline) in the body
 * @param kept whether the line is article prose
 * @param reason the rule that decided, e.g. "prose", "blank" or a rule name from config
 */
public record LineVerdict(int number, int start, int end, boolean kept, String reason) {}
