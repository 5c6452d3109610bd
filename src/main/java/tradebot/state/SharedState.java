package tradebot.state;

import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import tradebot.config.TradebotConfig;

/**
 * What the replicas of one bot share: with {@code state.redis_url} set, rate-limit buckets, claims
 * on deliveries (a Slack event answered once by whichever replica claims it first) and reload
 * signals go through Redis ({@link RedisState}); without it, each process keeps them itself ({@link
 * LocalState}). Thread-safe.
 */
public sealed interface SharedState extends AutoCloseable permits LocalState, RedisState {

  /** The token buckets every replica draws from, or empty when each process keeps its own. */
  Optional<Buckets> buckets();

  /**
   * Claims {@code key} (e.g. a Slack event id) for {@code ttl}: true for the first claim by any
   * replica, false for every later one until it expires.
   */
  boolean claim(String key, Duration ttl);

  /** Tells every other replica that this one now serves knowledge version {@code version}. */
  void announceReload(String version, String who);

  /** Calls {@code listener} for each reload another replica announces. */
  void onReloadAnnounced(Consumer<ReloadNotice> listener);

  /** This replica's name in notices: host and process id. */
  String replica();

  /** "in process", or the Redis address (never a password). */
  String label();

  @Override
  void close();

  /**
   * Token buckets by key, shared by every replica. A rate limiter lets requests through without
   * asking while the store is {@linkplain #reachable() unreachable}, and reports each call that
   * failed ({@link #failed}), so that an outage costs one slow call, not one per request.
   */
  interface Buckets {
    /** The bucket named {@code key}, created with {@code rate} when new. */
    Bucket bucket(String key, TradebotConfig.RateLimit rate);

    /** Whether the store answered lately: false for a while after a call failed. */
    boolean reachable();

    /** Notes that a call on a bucket failed with {@code e}. */
    void failed(RuntimeException e);
  }

  /** A replica's announcement that it serves {@code version}, reloaded at {@code who}'s request. */
  record ReloadNotice(String replica, String version, String who) {}

  /**
   * The shared state {@code config} asks for: Redis when {@code state.redis_url} is set (its
   * password from {@code REDIS_PASSWORD}), else in process.
   *
   * @throws IllegalStateException when Redis cannot be reached, naming the address
   */
  static SharedState open(TradebotConfig.State config, Clock clock, String redisPassword) {
    return config.shared()
        ? RedisState.connect(config.redisUrl(), redisPassword, clock)
        : new LocalState(clock);
  }
}
