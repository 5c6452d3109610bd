package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradebot.facts.TariffTimeline.Direction;
import tradebot.facts.TariffTimeline.Standing;
import tradebot.facts.TariffTimeline.Status;

/** The acceptance facts over the four seed articles of {@code knowledge/}. */
class TariffSeedsTest {
  private static final Clock NOW = TariffFixtures.clockAt(LocalDate.of(2025, 6, 1));
  private final TariffTimeline timeline =
      TariffTimeline.build(
          TariffFixtures.load(Path.of("knowledge")),
          TariffFixtures.VOCABULARY,
          TariffFixtures.CUES);

  @Test
  void usOnChinaIs125OnTopOfAnExisting20ComputedAs145FromTheApril2025Article() {
    Standing s = timeline.latest(NOW, new Direction("US", "CN")).orElseThrow();
    TariffEvent e = s.level();
    assertEquals(125.0, e.ratePercent());
    assertEquals(20.0, e.basePercent());
    assertEquals(145.0, e.combinedPercent());
    assertTrue(e.combinedComputed());
    assertEquals("2025-04-11-bloomberg-tariffs-peak-125", e.source().id());
    assertTrue(e.quote().contains("on top of an existing 20% tax"), e.quote());
    assertTrue(s.pending().isEmpty());
    assertTrue(s.disagreeing().isEmpty());
  }

  @Test
  void chinaOnTheUsIs125FromTheApril2025Article() {
    TariffEvent e = timeline.latest(NOW, new Direction("CN", "US")).orElseThrow().level();
    assertEquals(125.0, e.levelPercent());
    assertEquals("all US goods", e.coverage());
    assertEquals("2025-04-11-bloomberg-tariffs-peak-125", e.source().id());
  }

  @Test
  void historyHoldsTheThreatTheSeptember2018RoundsAndTheMay2019Increase() {
    List<String> lines = timeline.history(NOW, null).stream().map(this::describe).toList();
    assertEquals(
        List.of(
            "2018-05-04 US-CN threatened null as much as $150 billion in Chinese goods",
            "2018-09-21 CN-US announced 10.0 an additional $60 billion in American products",
            "2018-09-21 US-CN announced 10.0 another $200 billion in Chinese imports",
            "2019-05-10 US-CN in effect null $200 billion worth of Chinese exports",
            "2019-05-10 US-CN announced null another $300 billion in goods",
            "2025-04-11 CN-US in effect 125.0 all US goods",
            "2025-04-11 US-CN in effect 125.0 Chinese imports"),
        lines);
    TariffEvent threat = timeline.history(NOW, null).getFirst();
    assertEquals(Status.THREATENED, threat.status());
  }

  private String describe(TariffEvent e) {
    return e.source().published()
        + " "
        + e.direction()
        + " "
        + e.status().text()
        + " "
        + e.ratePercent()
        + " "
        + e.coverage();
  }
}
