package tradebot.chat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tradebot.config.TradebotConfig.RateLimit;
import tradebot.state.ClockTime;
import tradebot.state.SharedState;

/**
 * Token buckets per user and per channel, shared by every adapter (Discord, Slack, the HTTP API): a
 * request is allowed when both its user's and its channel's bucket have a token. Buckets that are
 * full again are forgotten once many keys pile up, so memory stays bounded by recent activity. With
 * shared buckets ({@link #shared}) every replica draws from the same bucket in Redis, and a request
 * the shared store cannot answer for is let through (the store logs the outage). Thread-safe.
 */
public final class RateLimiter {
  /** Past this many keys, full (idle) buckets are dropped. */
  static final int SWEEP_AT = 10_000;

  private final RateLimit userRate;
  private final RateLimit channelRate;
  private final TimeMeter time;
  private final Map<String, Bucket> users = new ConcurrentHashMap<>();
  private final Map<String, Bucket> channels = new ConcurrentHashMap<>();
  private final SharedState.Buckets shared; // null: the maps above
  private final String namespace;

  /**
   * @param userRate the limit per user
   * @param channelRate the limit per channel, or null for none
   * @param clock the time the buckets refill by
   */
  public RateLimiter(RateLimit userRate, RateLimit channelRate, Clock clock) {
    this(userRate, channelRate, clock, null, "");
  }

  /**
   * Limits drawn from {@code state}'s shared buckets when it has them ({@code namespace} keeps one
   * platform's users apart from another's, e.g. "discord"), else kept in this process.
   */
  public static RateLimiter of(
      RateLimit userRate, RateLimit channelRate, Clock clock, SharedState state, String namespace) {
    return new RateLimiter(
        userRate,
        channelRate,
        clock,
        state.buckets().orElse(null),
        Objects.requireNonNull(namespace));
  }

  private RateLimiter(
      RateLimit userRate,
      RateLimit channelRate,
      Clock clock,
      SharedState.Buckets shared,
      String namespace) {
    this.userRate = Objects.requireNonNull(userRate, "userRate");
    this.channelRate = channelRate;
    this.shared = shared;
    this.namespace = namespace;
    Objects.requireNonNull(clock, "clock");
    this.time = ClockTime.of(clock);
  }

  /** The outcome of one check. */
  public sealed interface Verdict permits Allowed, Limited {}

  /** Go ahead. */
  public record Allowed() implements Verdict {}

  /**
   * Too many requests.
   *
   * @param retryAfterSeconds whole seconds until a token is back, at least 1
   * @param scope whose bucket ran dry
   */
  public record Limited(long retryAfterSeconds, Scope scope) implements Verdict {
    public Limited {
      if (retryAfterSeconds < 1) {
        throw new IllegalArgumentException(
            "retryAfterSeconds must be at least 1: " + retryAfterSeconds);
      }
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** Which limit a {@link Limited} verdict comes from. */
  public enum Scope {
    USER,
    CHANNEL
  }

  /**
   * Takes a token from {@code userId}'s bucket and from {@code channelId}'s (unless it is blank or
   * there is no channel limit). When the channel refuses, the user's token is given back.
   */
  public Verdict check(String userId, String channelId) {
    Objects.requireNonNull(userId, "userId");
    if (shared == null) {
      return take(userId, channelId);
    }
    if (!shared.reachable()) {
      return new Allowed(); // the outage was logged when it began
    }
    try {
      return take(userId, channelId);
    } catch (RuntimeException e) {
      shared.failed(e);
      return new Allowed();
    }
  }

  private Verdict take(String userId, String channelId) {
    Bucket user = bucket(users, "user:" + userId, userRate);
    ConsumptionProbe u = user.tryConsumeAndReturnRemaining(1);
    if (!u.isConsumed()) {
      return new Limited(seconds(u.getNanosToWaitForRefill()), Scope.USER);
    }
    if (channelRate == null || channelId == null || channelId.isBlank()) {
      return new Allowed();
    }
    ConsumptionProbe c =
        bucket(channels, "channel:" + channelId, channelRate).tryConsumeAndReturnRemaining(1);
    if (!c.isConsumed()) {
      user.addTokens(1);
      return new Limited(seconds(c.getNanosToWaitForRefill()), Scope.CHANNEL);
    }
    return new Allowed();
  }

  private Bucket bucket(Map<String, Bucket> buckets, String key, RateLimit rate) {
    if (shared != null) {
      return shared.bucket(namespace + ":" + key, rate);
    }
    if (buckets.size() >= SWEEP_AT) {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= rate.capacity());
    }
    return buckets.computeIfAbsent(
        key,
        k ->
            Bucket.builder()
                .addLimit(
                    l -> l.capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.per()))
                .withCustomTimePrecision(time)
                .build());
  }

  /** How many keys are tracked (tests). */
  int size() {
    return users.size() + channels.size();
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
