package tradebot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tradebot.testing.ManualClock;

class LocalStateTest {
  private final ManualClock clock = ManualClock.startingNow();
  private final LocalState state = new LocalState(clock);

  @Test
  void aKeyIsClaimedOnceUntilItsClaimExpires() {
    assertTrue(state.claim("slack:event:Ev1", Duration.ofMinutes(60)));
    assertFalse(state.claim("slack:event:Ev1", Duration.ofMinutes(60)));
    assertTrue(state.claim("slack:event:Ev2", Duration.ofMinutes(60)), "another key is free");
    clock.advance(Duration.ofMinutes(60));
    assertTrue(state.claim("slack:event:Ev1", Duration.ofMinutes(60)), "expired, claimable again");
  }

  @Test
  void nothingIsSharedAndNoReloadIsEverAnnounced() {
    assertTrue(state.buckets().isEmpty());
    int[] heard = {0};
    state.onReloadAnnounced(n -> heard[0]++);
    state.announceReload("abc", "someone");
    assertEquals(0, heard[0]);
    assertEquals("in process", state.label());
  }
}
