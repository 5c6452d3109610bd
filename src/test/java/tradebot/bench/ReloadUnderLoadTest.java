package tradebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadUnderLoadTest {
  private static final long S = 1_000_000_000L;

  @Test
  void aWindowWithoutAnswersShowsAsZero() {
    long[] done = {1 * S, 2 * S, 3 * S, 25 * S, 26 * S};
    assertEquals(0, ReloadUnderLoad.slowestWindow(done, 30 * S)); // nothing from 10 s to 20 s
  }

  @Test
  void theFewestAnswersInAnyWholeWindowCount() {
    long[] done = {1 * S, 9 * S, 11 * S, 12 * S, 13 * S, 21 * S, 35 * S};
    assertEquals(1, ReloadUnderLoad.slowestWindow(done, 30 * S)); // 2, 3, then 1 in [20 s, 30 s)
  }

  @Test
  void aPhaseShorterThanAWindowCountsWhole() {
    assertEquals(3, ReloadUnderLoad.slowestWindow(new long[] {1, 2, 3}, 2 * S));
  }

  @Test
  void theLongestPauseIsReadFromAUnifiedGcLog(@TempDir Path tmp) throws IOException {
    Path log = tmp.resolve("gc.log");
    Files.writeString(
        log,
        "[0.5s][info][gc] Using G1\n"
            + "[1.2s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 50M->10M(1024M) 6.478ms\n"
            + "[9.9s][info][gc] GC(1) Pause Remark 815M->815M(1024M) 25.223ms\n"
            + "[9.9s][info][gc] GC(2) Concurrent Mark Cycle 2168.084ms\n");
    assertEquals(25.223, BenchRunner.longestPauseMs(log));
  }
}
