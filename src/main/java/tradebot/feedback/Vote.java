package tradebot.feedback;

import java.util.Locale;

/** A user's verdict on one answer. */
public enum Vote {
  UP(1, "👍"),
  DOWN(-1, "👎");

  private final int value;
  private final String emoji;

  Vote(int value, String emoji) {
    this.value = value;
    this.emoji = emoji;
  }

  /** +1 or -1, as stored. */
  int value() {
    return value;
  }

  /** 👍 or 👎. */
  public String emoji() {
    return emoji;
  }

  /** "up" or "down", as in button ids and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Vote of(int value) {
    return value > 0 ? UP : DOWN;
  }

  /**
   * The vote named {@code label} ("up" or "down", any case).
   *
   * @throws IllegalArgumentException for anything else, naming it
   */
  public static Vote parse(String label) {
    for (Vote v : values()) {
      if (v.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return v;
      }
    }
    throw new IllegalArgumentException("a vote is up or down: " + label);
  }
}
