package tradebot.state;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j's time read from a {@link Clock}, so that tests drive rate limits by the clock. */
public final class ClockTime {
  private ClockTime() {}

  /** {@code clock}'s milliseconds, as Bucket4j's wall-clock nanoseconds. */
  public static TimeMeter of(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}
