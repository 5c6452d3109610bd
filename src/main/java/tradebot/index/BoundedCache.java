package tradebot.index;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A map of values that are costly to compute and cheap to keep, emptied when it reaches its
 * capacity: the work answers repeat (the same sentences analyzed, the same passages decoded) stays
 * cheap without memory growing with the index. Thread-safe.
 */
final class BoundedCache<K, V> {
  private final int capacity;
  private final ConcurrentHashMap<K, V> map;

  BoundedCache(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.map = new ConcurrentHashMap<>();
  }

  /** The value of {@code key}, computed (outside any lock) when it is not cached. */
  V get(K key, Function<K, V> compute) {
    V v = map.get(key);
    if (v != null) {
      return v;
    }
    v = compute.apply(key);
    if (map.size() >= capacity) {
      map.clear();
    }
    map.put(key, v);
    return v;
  }

  int size() {
    return map.size();
  }
}
