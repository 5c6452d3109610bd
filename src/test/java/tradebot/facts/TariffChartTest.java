package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step chart is a PNG of the requested size with a line of each direction's colour, solid up to
 * the newest article about its direction and dashed after, and both lines visible where they share
 * a level: checked on the lines' segments and on the pixels drawn.
 */
class TariffChartTest {
  private static final Clock NOW = TariffFixtures.clockAt(LocalDate.of(2025, 6, 1));
  private static final Clock LATER = TariffFixtures.clockAt(LocalDate.of(2026, 12, 2));
  private static final TariffTimeline.Direction US_CN = new TariffTimeline.Direction("US", "CN");
  private static final TariffTimeline.Direction CN_US = new TariffTimeline.Direction("CN", "US");
  private static final int RED = 0xC0392B;
  private static final int BLUE = 0x1F5FA8;

  @TempDir Path dir;

  private static TariffTimeline seeds() {
    return TariffTimeline.build(
        TariffFixtures.load(Path.of("knowledge")), TariffFixtures.VOCABULARY, TariffFixtures.CUES);
  }

  private TariffTimeline timeline() {
    return TariffTimeline.build(
        TariffFixtures.load(dir), TariffFixtures.VOCABULARY, TariffFixtures.CUES);
  }

  private static ChartSeries.Segment segment(
      String from, String to, double percent, boolean dashed) {
    return new ChartSeries.Segment(LocalDate.parse(from), LocalDate.parse(to), percent, dashed);
  }

  @Test
  void theSeedsLinesAreSolidUpToTheNewestArticleAndDashedFromItToToday() {
    List<ChartSeries.Line> lines = ChartSeries.of(seeds(), LATER, null);
    assertEquals(List.of(US_CN, CN_US), lines.stream().map(ChartSeries.Line::direction).toList());
    assertEquals(
        List.of(
            segment("2018-09-24", "2025-04-11", 10, false),
            segment("2025-04-11", "2026-12-02", 145, true)),
        lines.get(0).segments());
    assertEquals(
        List.of(
            segment("2018-09-21", "2025-04-11", 10, false),
            segment("2025-04-11", "2026-12-02", 125, true)),
        lines.get(1).segments());
    assertEquals(LocalDate.of(2025, 4, 11), lines.get(0).confirmedUntil());
    assertEquals(new java.awt.Color(RED), lines.get(0).colour());
    assertEquals(8f, lines.get(0).width());
    assertEquals(4f, lines.get(1).width());
  }

  @Test
  void aDirectionTurnsDashedAtTheNewestArticleAboutItNotAtTheNewestOfAll() {
    TariffFixtures.article(
        dir,
        "a",
        "Reuters",
        "2025-01-10",
        "The US raised tariffs on Chinese goods to 20%.",
        "China imposed a 10% tariff on US goods.");
    TariffFixtures.article(
        dir, "b", "AP", "2025-03-01", "The US raised tariffs on Chinese goods to 30%.");
    List<ChartSeries.Line> lines = ChartSeries.of(timeline(), NOW, null);
    assertEquals(
        List.of(
            segment("2025-01-10", "2025-03-01", 20, false),
            segment("2025-03-01", "2025-06-01", 30, true)),
        lines.get(0).segments());
    assertEquals(List.of(segment("2025-01-10", "2025-06-01", 10, true)), lines.get(1).segments());
    assertEquals(LocalDate.of(2025, 1, 10), lines.get(1).confirmedUntil());
    assertEquals(
        List.of(segment("2025-01-10", "2025-06-01", 10, true)),
        ChartSeries.of(timeline(), NOW, CN_US).getFirst().segments());
  }

  @Test
  void aLevelAnnouncedForALaterDayIsDashedFromTheArticleAndDrawnPastItsDay() {
    TariffFixtures.guardian125ThenCnbcAnother100FromNovember1(dir);
    Clock october = TariffFixtures.clockAt(LocalDate.of(2025, 10, 20));
    assertEquals(
        List.of(
            segment("2025-04-09", "2025-10-10", 125, false),
            segment("2025-10-10", "2025-11-01", 125, true),
            segment("2025-11-01", "2025-12-01", 225, true)),
        ChartSeries.of(timeline(), october, null).getFirst().segments());
  }

  @Test
  void whereTheLinesShareALevelBothColoursShowAndAfterTheNewestArticleTheyHaveGaps()
      throws IOException {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(seeds().chart(LATER, null, 1000, 500)));
    // Late 2021: both directions at 10%; US on China, drawn first and wider, shows on both sides.
    List<Integer> red = column(image, RED, 450);
    List<Integer> blue = column(image, BLUE, 450);
    assertFalse(blue.isEmpty(), "the China-on-US line is drawn at 10%");
    assertTrue(
        !red.isEmpty() && red.getFirst() < blue.getFirst() && red.getLast() > blue.getLast(),
        "red " + red + " frames blue " + blue);
    int solidRow = busiestRow(image, BLUE, 400, 700);
    assertEquals(1, runs(image, BLUE, solidRow, 400, 700), "solid up to the newest article");
    // From April 2025 to today: 145% and 125% after the last article, dashed.
    int usRow = busiestRow(image, RED, 790, 880);
    int cnRow = busiestRow(image, BLUE, 790, 880);
    assertTrue(usRow < cnRow, usRow + " is above " + cnRow);
    assertTrue(runs(image, RED, usRow, 790, 880) >= 3, "US on China dashed");
    assertTrue(runs(image, BLUE, cnRow, 790, 880) >= 3, "China on US dashed");
  }

  @Test
  void theSeedsChartIsA1000By500PngWithBothDirectionsDrawn() throws IOException {
    TariffTimeline t = seeds();
    byte[] png = t.chart(NOW, null, 1000, 500);
    Path file = dir.resolve("tariff-chart.png");
    Files.write(file, png);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(1000, image.getWidth());
    assertEquals(500, image.getHeight());
    assertTrue(pixels(image, RED) > 500, "the US-on-China line is drawn");
    assertTrue(pixels(image, BLUE) > 500, "the China-on-US line is drawn");
  }

  @Test
  void oneDirectionAndAnEmptyTimelineStillGiveAChart() throws IOException {
    TariffTimeline seeds = seeds();
    BufferedImage one =
        ImageIO.read(
            new ByteArrayInputStream(seeds.chart(NOW, seeds.direction("china-us"), 1000, 500)));
    assertEquals(1000, one.getWidth());
    assertTrue(pixels(one, RED) > 500, "the only direction takes the first colour");
    TariffTimeline empty =
        TariffTimeline.build(List.of(), TariffFixtures.VOCABULARY, TariffFixtures.CUES);
    BufferedImage none = ImageIO.read(new ByteArrayInputStream(empty.chart(NOW, null, 800, 400)));
    assertEquals(800, none.getWidth());
    assertEquals(400, none.getHeight());
  }

  @Test
  void aChartTooSmallToReadIsRefused() {
    TariffTimeline empty =
        TariffTimeline.build(List.of(), TariffFixtures.VOCABULARY, TariffFixtures.CUES);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> empty.chart(NOW, null, 100, 50));
    assertTrue(e.getMessage().contains("100x50"), e.getMessage());
  }

  /** The rows of column {@code x} drawn in exactly {@code rgb}, top down. */
  private static List<Integer> column(BufferedImage image, int rgb, int x) {
    List<Integer> rows = new ArrayList<>();
    for (int y = 0; y < image.getHeight(); y++) {
      if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
        rows.add(y);
      }
    }
    return rows;
  }

  /** The row with the most pixels of exactly {@code rgb} between x0 and x1: a line's middle. */
  private static int busiestRow(BufferedImage image, int rgb, int x0, int x1) {
    int best = -1;
    int most = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      int n = 0;
      for (int x = x0; x <= x1; x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
      if (n > most) {
        most = n;
        best = y;
      }
    }
    assertTrue(best >= 0, "no pixel of " + Integer.toHexString(rgb) + " in " + x0 + ".." + x1);
    return best;
  }

  /** How many unbroken runs of {@code rgb} row {@code y} has between x0 and x1. */
  private static int runs(BufferedImage image, int rgb, int y, int x0, int x1) {
    int runs = 0;
    boolean in = false;
    for (int x = x0; x <= x1; x++) {
      boolean on = (image.getRGB(x, y) & 0xFFFFFF) == rgb;
      runs += on && !in ? 1 : 0;
      in = on;
    }
    return runs;
  }

  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
