package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step chart is a PNG of the requested size with a line of each direction's colour. */
class TariffChartTest {
  private static final Clock NOW = TariffFixtures.clockAt(LocalDate.of(2025, 6, 1));

  @TempDir Path dir;

  @Test
  void theSeedsChartIsA1000By500PngWithBothDirectionsDrawn() throws IOException {
    TariffTimeline t =
        TariffTimeline.build(
            TariffFixtures.load(Path.of("knowledge")),
            TariffFixtures.VOCABULARY,
            TariffFixtures.CUES);
    byte[] png = t.chart(NOW, null, 1000, 500);
    Path file = dir.resolve("tariff-chart.png");
    Files.write(file, png);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(1000, image.getWidth());
    assertEquals(500, image.getHeight());
    assertTrue(pixels(image, 0xC0392B) > 500, "the US-on-China line is drawn");
    assertTrue(pixels(image, 0x1F5FA8) > 500, "the China-on-US line is drawn");
  }

  @Test
  void oneDirectionAndAnEmptyTimelineStillGiveAChart() throws IOException {
    TariffTimeline seeds =
        TariffTimeline.build(
            TariffFixtures.load(Path.of("knowledge")),
            TariffFixtures.VOCABULARY,
            TariffFixtures.CUES);
    BufferedImage one =
        ImageIO.read(
            new ByteArrayInputStream(seeds.chart(NOW, seeds.direction("china-us"), 1000, 500)));
    assertEquals(1000, one.getWidth());
    assertTrue(pixels(one, 0xC0392B) > 500, "the only direction takes the first colour");
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
