package tradebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void aValueIsComputedOnceWhileCached() {
    AtomicInteger calls = new AtomicInteger();
    BoundedCache<String, Integer> cache = new BoundedCache<>(10);
    assertEquals(5, cache.get("tariff", k -> calls.incrementAndGet() + 4));
    assertEquals(5, cache.get("tariff", k -> calls.incrementAndGet() + 4));
    assertEquals(1, calls.get());
  }

  @Test
  void theCacheNeverHoldsMoreThanItsCapacity() {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(3);
    for (int i = 0; i < 3; i++) {
      cache.get(i, k -> k);
    }
    assertEquals(3, cache.size());
    for (int i = 3; i < 100; i++) {
      assertEquals(i, cache.get(i, k -> k));
    }
    assertEquals(3, cache.size());
  }
}
