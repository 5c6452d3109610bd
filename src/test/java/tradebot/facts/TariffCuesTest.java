package tradebot.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tradebot.config.ConfigException;

/** tariffs.yaml is read strictly: what it must give has no default in Java. */
class TariffCuesTest {
  private static final Path FILE = Path.of("config/tariffs.yaml");

  private static byte[] without(String key) throws IOException {
    String yaml = Files.readString(FILE);
    String cut = yaml.replaceAll("(?m)^" + key + ":.*\\R", "");
    if (cut.equals(yaml)) {
      throw new AssertionError(key + " is not in " + FILE);
    }
    return cut.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFileWithoutPlanWindowDaysIsRefusedNamingTheFileAndTheKey() throws IOException {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> TariffCues.parse(without("plan_window_days"), FILE));
    assertEquals("plan_window_days", e.key());
    assertEquals(FILE.toString(), e.file());
    assertTrue(
        e.getMessage()
            .contains("plan_window_days: Missing required creator property 'plan_window_days'"),
        e.getMessage());
  }

  @Test
  void aFileWithoutSameDateDaysIsRefusedNamingTheFileAndTheKey() throws IOException {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> TariffCues.parse(without("same_date_days"), FILE));
    assertEquals("same_date_days", e.key());
    assertEquals(FILE.toString(), e.file());
    assertTrue(
        e.getMessage()
            .contains("same_date_days: Missing required creator property 'same_date_days'"),
        e.getMessage());
  }

  @Test
  void anUnknownKeyIsRefusedAtItsLine() throws IOException {
    byte[] yaml = (Files.readString(FILE) + "plan_windows: 3\n").getBytes(StandardCharsets.UTF_8);
    long line = Files.readString(FILE).lines().count() + 1;
    ConfigException e = assertThrows(ConfigException.class, () -> TariffCues.parse(yaml, FILE));
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(FILE.toString(), e.file());
  }
}
