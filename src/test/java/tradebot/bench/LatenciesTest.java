package tradebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesAreNearestRank() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 200; i++) {
      l.add(i * 1_000_000L);
    }
    Latencies.Summary s = l.summary();
    assertEquals(200, s.count());
    assertEquals(100.0, s.p50());
    assertEquals(198.0, s.p99());
    assertEquals(200.0, s.max());
    assertEquals(100.5, s.mean());
  }

  @Test
  void nothingRecordedGivesNaN() {
    Latencies.Summary s = new Latencies().summary();
    assertEquals(0, s.count());
    assertTrue(Double.isNaN(s.p99()));
  }
}
