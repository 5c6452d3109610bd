package tradebot.answer;

import java.util.Locale;

/** What sort of answer a question asks for. */
public enum QuestionType {
  /** How much, what rate, how many: a figure. */
  FIGURE,
  /** Who: a person or body. */
  WHO,
  /** When: a date. */
  WHEN,
  /** Where: a place. */
  WHERE,
  /** Why, will, would: a reason or stance. */
  WHY,
  /** What someone said, tweeted or wrote: a quote. */
  QUOTE,
  /** Anything else. */
  WHAT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
