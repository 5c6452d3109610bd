package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.Main;

class ConfigCommandTest {

  /** What {@code run} printed on standard output ({@code stdout}) or standard error. */
  static String capture(boolean stdout, Runnable run) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream old = stdout ? System.out : System.err;
    PrintStream to = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    if (stdout) {
      System.setOut(to);
    } else {
      System.setErr(to);
    }
    try {
      run.run();
    } finally {
      if (stdout) {
        System.setOut(old);
      } else {
        System.setErr(old);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void checkPrintsTheEffectiveConfigWithSecretsMasked(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tradebot.yaml"), "server:\n  port: 9191\n");
    ConfigCommand.Check check = new ConfigCommand.Check();
    check.options = new Options();
    check.options.configDir = dir;
    check.env = Map.of("TRADEBOT_ADMIN_TOKEN", "supersecret-value", "SLACK_BOT_TOKEN", "");

    String out = capture(true, () -> assertEquals(0, check.call()));

    assertTrue(out.startsWith("# " + dir.resolve("tradebot.yaml") + ": OK\n"), out);
    assertTrue(out.contains("server:\n  port: 9191\n  bind: 127.0.0.1\n"), out);
    assertTrue(out.contains("#   TRADEBOT_ADMIN_TOKEN: set (********)"), out);
    assertTrue(out.contains("#   SLACK_BOT_TOKEN: not set"), out);
    assertTrue(out.contains("#   DISCORD_TOKEN: not set"), out);
    assertFalse(out.contains("supersecret"), out);
  }

  @Test
  void badConfigStopsWithTheKeyAndTheLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tradebot.yaml"), "# settings\nserver:\n  port: 99999\n");
    int[] code = new int[1];
    String err =
        capture(false, () -> code[0] = Main.run("config", "check", "--config", dir.toString()));
    assertEquals(1, code[0]);
    assertEquals(
        "tradebot: " + dir.resolve("tradebot.yaml") + ":3: server.port must be 0 to 65535: 99999",
        err.strip());
  }

  @Test
  void everyCommandStopsOnABadConfig(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tradebot.yaml"), "knowledge:\n  dri: knowledge\n");
    int[] code = new int[1];
    String err =
        capture(
            false, () -> code[0] = Main.run("serve", "--config", dir.toString(), "--port", "0"));
    assertEquals(1, code[0]);
    assertTrue(err.contains(":2: unknown key 'knowledge.dri'; did you mean 'dir'?"), err);
  }
}
