package tradebot.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.config.TradebotConfig;

/**
 * Shared state in Redis through one Lettuce client: Bucket4j's compare-and-swap buckets under
 * {@code tradebot:bucket:*}, claims as {@code SET key NX PX ttl} under {@code tradebot:claim:*},
 * and reload announcements on the pub/sub channel {@value #RELOADS}, the version announced last
 * also kept under {@value #VERSION} and re-read every {@link #RECHECK}, so that a replica that
 * missed an announcement (disconnected at the time) still follows it. When Redis stops answering
 * mid-run, a rate limit lets the request through and a claim counts as first (a possible repeat
 * answer is better than none): commands fail at once while the connection is down, take at most
 * {@link #TIMEOUT} otherwise, and after a failure Redis is not asked again for {@link #BACK_OFF}
 * (one warning, then one line when it answers again), so that no chat event waits on an outage.
 */
public final class RedisState implements SharedState {
  private static final Logger log = LoggerFactory.getLogger(RedisState.class);

  /** The pub/sub channel of reload announcements. */
  public static final String RELOADS = "tradebot:reloads";

  /** The key holding the knowledge version announced last. */
  public static final String VERSION = "tradebot:version";

  /** How often a replica re-reads {@value #VERSION} for an announcement it may have missed. */
  static final Duration RECHECK = Duration.ofSeconds(30);

  /**
   * How long one Redis command may take before it counts as failed: short, since rate limits and
   * claims are asked on the way to a chat platform's 3-second deadline.
   */
  static final Duration TIMEOUT = Duration.ofMillis(250);

  /** How long Redis is left alone after a command failed. */
  static final Duration BACK_OFF = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> strings;
  private final StatefulRedisConnection<byte[], byte[]> bytes;
  private final StatefulRedisPubSubConnection<String, String> pubsub;
  private final ProxyManager<byte[]> proxies;
  private final List<Consumer<ReloadNotice>> listeners = new CopyOnWriteArrayList<>();
  private final String replica = Replicas.name();
  private final java.util.concurrent.ScheduledExecutorService rechecks;
  private volatile String lastVersion; // announced by this replica or heard of, or null
  private final Clock clock;
  private volatile long downUntil; // epoch millis; 0: reachable

  private RedisState(String label, RedisClient client, Clock clock, Duration recheck) {
    this.clock = clock;
    this.label = label;
    this.client = client;
    this.strings = client.connect();
    this.bytes = client.connect(ByteArrayCodec.INSTANCE);
    this.pubsub = client.connectPubSub();
    TimeMeter time = ClockTime.of(clock);
    this.proxies =
        Bucket4jLettuce.casBasedBuilder(bytes)
            .clientClock(time)
            .requestTimeout(TIMEOUT)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
    pubsub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            if (RELOADS.equals(channel)) {
              deliver(message);
            }
          }
        });
    pubsub.sync().subscribe(RELOADS);
    lastVersion = strings.sync().get(VERSION);
    rechecks =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "redis-version-recheck");
              t.setDaemon(true);
              return t;
            });
    rechecks.scheduleWithFixedDelay(
        this::recheck,
        recheck.toMillis(),
        recheck.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Connects to {@code url} ({@code redis://host:port[/db]}), with {@code password} when not blank,
   * and subscribes to reload announcements.
   *
   * @throws IllegalStateException when Redis cannot be reached or refuses the password, naming the
   *     address (never the password)
   */
  static RedisState connect(String url, String password, Clock clock) {
    return connect(url, password, clock, RECHECK);
  }

  /** As {@link #connect(String, String, Clock)}, re-reading the version every {@code recheck}. */
  static RedisState connect(String url, String password, Clock clock, Duration recheck) {
    RedisURI uri = RedisURI.create(url);
    if (password != null && !password.isBlank()) {
      uri.setCredentialsProvider(
          RedisCredentialsProvider.from(() -> RedisCredentials.just(null, password)));
    }
    uri.setTimeout(TIMEOUT);
    String label =
        (uri.isSsl() ? "rediss://" : "redis://")
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "/"
            + uri.getDatabase();
    RedisClient client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    try {
      RedisState state = new RedisState(label, client, clock, recheck);
      log.info("shared state in Redis at {} (replica {})", label, state.replica);
      return state;
    } catch (RuntimeException e) {
      client.shutdown();
      throw new IllegalStateException(
          "cannot use Redis at " + label + " (state.redis_url): " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Buckets> buckets() {
    return Optional.of(
        new Buckets() {
          @Override
          public io.github.bucket4j.Bucket bucket(String key, TradebotConfig.RateLimit rate) {
            return proxies
                .builder()
                .build(
                    ("tradebot:bucket:" + key).getBytes(StandardCharsets.UTF_8),
                    () ->
                        BucketConfiguration.builder()
                            .addLimit(
                                l ->
                                    l.capacity(rate.capacity())
                                        .refillGreedy(rate.capacity(), rate.per()))
                            .build());
          }

          @Override
          public boolean reachable() {
            return RedisState.this.reachable();
          }

          @Override
          public void failed(RuntimeException e) {
            down("a rate limit", e);
          }
        });
  }

  /** Whether Redis answered lately; the first call after {@link #BACK_OFF} tries it again. */
  private boolean reachable() {
    long until = downUntil;
    return until == 0 || clock.millis() >= until;
  }

  private void down(String what, RuntimeException e) {
    boolean first = downUntil == 0;
    downUntil = clock.millis() + BACK_OFF.toMillis();
    if (first) {
      log.warn(
          "Redis at {} did not answer {} ({}): rate limits let requests through and each replica"
              + " answers the events it gets, until it answers again (asked every {} s)",
          label,
          what,
          e.toString(),
          BACK_OFF.toSeconds());
    }
  }

  private void up() {
    if (downUntil != 0) {
      downUntil = 0;
      log.info("Redis at {} answers again: rate limits and claims are shared again", label);
    }
  }

  @Override
  public boolean claim(String key, Duration ttl) {
    if (!reachable()) {
      return true;
    }
    try {
      boolean first =
          "OK"
              .equals(
                  strings
                      .sync()
                      .set(
                          "tradebot:claim:" + key,
                          replica,
                          SetArgs.Builder.nx().px(ttl.toMillis())));
      up();
      return first;
    } catch (RuntimeException e) {
      down("a claim", e);
      return true;
    }
  }

  @Override
  public void announceReload(String version, String who) {
    if (version.equals(lastVersion)) {
      return; // the replicas know it already
    }
    try {
      String message =
          JSON.writeValueAsString(Map.of("replica", replica, "version", version, "who", who));
      lastVersion = version;
      strings.sync().set(VERSION, version);
      long heard = strings.sync().publish(RELOADS, message);
      log.info("announced knowledge version {} to {} subscribers", version, heard - 1);
    } catch (Exception e) {
      log.warn(
          "could not announce version {} through Redis at {}: {}", version, label, e.toString());
    }
  }

  private void deliver(String message) {
    ReloadNotice notice;
    try {
      JsonNode n = JSON.readTree(message);
      notice =
          new ReloadNotice(
              n.path("replica").asText(), n.path("version").asText(), n.path("who").asText());
    } catch (Exception e) {
      log.warn("ignored a malformed reload announcement on {}: {}", RELOADS, e.toString());
      return;
    }
    if (notice.replica().equals(replica) || notice.version().isBlank()) {
      return;
    }
    lastVersion = notice.version();
    tell(notice);
  }

  /** Tells the listeners of a version announced while this replica was not listening. */
  private void recheck() {
    try {
      String version = strings.sync().get(VERSION);
      if (version != null) {
        up();
      }
      if (version != null && !version.equals(lastVersion)) {
        log.info(
            "knowledge version {} was announced while this replica was not listening", version);
        lastVersion = version;
        tell(new ReloadNotice("redis", version, "recheck"));
      }
    } catch (RuntimeException e) {
      log.debug("could not re-read {} from Redis at {}: {}", VERSION, label, e.toString());
    }
  }

  private void tell(ReloadNotice notice) {
    for (Consumer<ReloadNotice> l : listeners) {
      try {
        l.accept(notice);
      } catch (RuntimeException e) {
        log.error("a reload announcement's listener failed: {}", e.toString(), e);
      }
    }
  }

  @Override
  public void onReloadAnnounced(Consumer<ReloadNotice> listener) {
    listeners.add(listener);
  }

  @Override
  public String replica() {
    return replica;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public void close() {
    rechecks.shutdownNow();
    try {
      pubsub.close();
      bytes.close();
      strings.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
