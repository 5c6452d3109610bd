package tradebot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it, as Caffeine's {@code FakeTicker} does: rate limits,
 * retry pauses and signature windows then depend on what the test says, not on how fast the machine
 * is. {@link #sleep} is a pause that passes at once and moves the clock by its length, for code
 * that takes its pauses from a seam. Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at {@code start}, in UTC. */
  public ManualClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock standing at the real time of its creation (so that "today" is today), in UTC. */
  public static ManualClock startingNow() {
    return new ManualClock(Instant.now());
  }

  /**
   * Moves the clock forward by {@code d}; returns the new time.
   *
   * @throws IllegalArgumentException when {@code d} is negative
   */
  public Instant advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward: " + d);
    }
    return now.updateAndGet(t -> t.plus(d));
  }

  /** A pause of {@code d} that returns at once, the clock moved by {@code d}. */
  public void sleep(Duration d) {
    advance(d);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock (moving with this one) seen in {@code zone}. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new ManualClock(now, zone);
  }
}
