package tradebot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One process on its own: no shared buckets (each rate limiter keeps its own), claims remembered in
 * a bounded in-memory cache until they expire by the clock, and no other replica to tell of a
 * reload.
 */
public final class LocalState implements SharedState {
  /** Claims remembered at most (the least recently claimed go first). */
  static final int CLAIMS = 10_000;

  private final Clock clock;
  private final Cache<String, Long> claims; // key -> expiry, epoch millis
  private final String replica = Replicas.name();

  public LocalState(Clock clock) {
    this.clock = clock;
    this.claims = Caffeine.newBuilder().maximumSize(CLAIMS).executor(Runnable::run).build();
  }

  @Override
  public Optional<Buckets> buckets() {
    return Optional.empty();
  }

  @Override
  public boolean claim(String key, Duration ttl) {
    long now = clock.millis();
    boolean[] first = {false};
    claims
        .asMap()
        .compute(
            key,
            (k, until) -> {
              if (until != null && until > now) {
                return until;
              }
              first[0] = true;
              return now + ttl.toMillis();
            });
    return first[0];
  }

  @Override
  public void announceReload(String version, String who) {
    // No other replica to tell.
  }

  @Override
  public void onReloadAnnounced(Consumer<ReloadNotice> listener) {
    // None will come.
  }

  @Override
  public String replica() {
    return replica;
  }

  @Override
  public String label() {
    return "in process";
  }

  @Override
  public void close() {
    claims.invalidateAll();
  }
}
