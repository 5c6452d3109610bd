package tradebot.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * A map of values that are costly to compute and cheap to keep, bounded in size (Caffeine, which
 * keeps the entries most likely to be asked again): the work answers repeat (the same sentences
 * analyzed, the same passages decoded) stays cheap without memory growing with the index.
 * Thread-safe.
 */
final class BoundedCache<K, V> {
  private final Cache<K, V> cache;

  BoundedCache(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    // Eviction runs on the calling thread: no pool thread for a cache this cheap to maintain.
    this.cache = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
  }

  /**
   * The value of {@code key}, computed (outside any lock: two threads may both compute a value that
   * is missing, and one is kept) when it is not cached.
   */
  V get(K key, Function<K, V> compute) {
    V v = cache.getIfPresent(key);
    if (v != null) {
      return v;
    }
    v = compute.apply(key);
    cache.put(key, v);
    return v;
  }

  /** How many values are kept, once pending evictions are done. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
