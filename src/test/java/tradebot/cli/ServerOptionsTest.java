package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tradebot.config.TradebotConfig;

class ServerOptionsTest {
  private static final TradebotConfig CONFIG =
      TradebotConfig.defaults(Path.of("config"))
          .withServer(new TradebotConfig.Server(9000, "10.0.0.1"));

  private static ServerOptions parse(String... args) {
    ServerOptions o = new ServerOptions();
    new CommandLine(o).parseArgs(args);
    return o;
  }

  @Test
  void flagsOverrideTheConfig() {
    TradebotConfig c =
        parse("--port", "0", "--bind", "0.0.0.0", "--log-format", "JSON").apply(CONFIG);
    assertEquals(new TradebotConfig.Server(0, "0.0.0.0"), c.server());
    assertEquals(TradebotConfig.LogFormat.JSON, c.logFormat());
  }

  @Test
  void absentFlagsKeepTheConfig() {
    assertSame(CONFIG, parse().apply(CONFIG));
    assertEquals(
        new TradebotConfig.Server(8081, "10.0.0.1"),
        parse("--port", "8081").apply(CONFIG).server());
  }

  @Test
  void badFlagValuesNameTheFlag() {
    assertEquals(
        "--port must be 0 to 65535: 65536",
        assertThrows(IllegalArgumentException.class, () -> parse("--port", "65536").apply(CONFIG))
            .getMessage());
    assertEquals(
        "--log-format must be text or json: yaml",
        assertThrows(
                IllegalArgumentException.class, () -> parse("--log-format", "yaml").apply(CONFIG))
            .getMessage());
    assertEquals(
        "--bind must not be blank",
        assertThrows(IllegalArgumentException.class, () -> parse("--bind", " ").apply(CONFIG))
            .getMessage());
  }
}
