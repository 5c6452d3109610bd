package tradebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tradebot.config.TradebotConfig.RateLimit;
import tradebot.testing.ManualClock;

class RateLimiterTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2025-04-11T12:00:00Z"));
  private final RateLimiter limiter =
      new RateLimiter(
          new RateLimit(2, Duration.ofSeconds(30)),
          new RateLimit(3, Duration.ofSeconds(60)),
          clock);

  @Test
  void userIsLimitedAfterCapacityWithSecondsUntilATokenIsBack() {
    assertInstanceOf(RateLimiter.Allowed.class, limiter.check("u1", "c1"));
    assertInstanceOf(RateLimiter.Allowed.class, limiter.check("u1", "c1"));
    RateLimiter.Limited l = assertInstanceOf(RateLimiter.Limited.class, limiter.check("u1", "c1"));
    assertEquals(RateLimiter.Scope.USER, l.scope());
    assertEquals(15, l.retryAfterSeconds());
  }

  @Test
  void tokensComeBackAsTimePasses() {
    limiter.check("u1", "c1");
    limiter.check("u1", "c1");
    clock.advance(Duration.ofSeconds(15));
    assertInstanceOf(RateLimiter.Allowed.class, limiter.check("u1", "c1"));
    assertInstanceOf(RateLimiter.Limited.class, limiter.check("u1", "c1"));
  }

  @Test
  void channelIsLimitedAcrossUsersAndRefundsTheUsersToken() {
    limiter.check("u1", "c1");
    limiter.check("u2", "c1");
    limiter.check("u3", "c1");
    RateLimiter.Limited l = assertInstanceOf(RateLimiter.Limited.class, limiter.check("u4", "c1"));
    assertEquals(RateLimiter.Scope.CHANNEL, l.scope());
    assertEquals(20, l.retryAfterSeconds());
    // u4's token was given back: two requests elsewhere still pass.
    assertInstanceOf(RateLimiter.Allowed.class, limiter.check("u4", "c2"));
    assertInstanceOf(RateLimiter.Allowed.class, limiter.check("u4", "c2"));
  }

  @Test
  void usersAreIndependent() {
    limiter.check("u1", "");
    limiter.check("u1", "");
    assertInstanceOf(RateLimiter.Limited.class, limiter.check("u1", ""));
    assertInstanceOf(RateLimiter.Allowed.class, limiter.check("u2", ""));
  }

  @Test
  void withoutChannelLimitOnlyUsersCount() {
    RateLimiter perUser = new RateLimiter(new RateLimit(1, Duration.ofSeconds(10)), null, clock);
    assertInstanceOf(RateLimiter.Allowed.class, perUser.check("u1", "c1"));
    assertInstanceOf(RateLimiter.Allowed.class, perUser.check("u2", "c1"));
    assertEquals(2, perUser.size());
  }

  @Test
  void idleBucketsAreForgottenWhenManyKeysPileUp() {
    RateLimiter perUser = new RateLimiter(new RateLimit(1, Duration.ofSeconds(1)), null, clock);
    for (int i = 0; i < RateLimiter.SWEEP_AT; i++) {
      perUser.check("u" + i, "");
    }
    clock.advance(Duration.ofSeconds(2));
    perUser.check("late", "");
    assertEquals(1, perUser.size());
  }

  @Test
  void limitedNeedsAtLeastOneSecond() {
    assertThrows(
        IllegalArgumentException.class, () -> new RateLimiter.Limited(0, RateLimiter.Scope.USER));
    assertTrue(new RateLimiter.Limited(1, RateLimiter.Scope.USER).retryAfterSeconds() > 0);
  }
}
