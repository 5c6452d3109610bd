package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar, as {@code mvn package} built it: the product and nothing that measures it.
 */
class ProductionJarIT {
  static final Path JAR = Path.of("target/tradebot.jar");

  @Test
  void theProductionJarHoldsTheAppButNoBenchmarkOrMeasurementClass() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by mvn package before the ITs run");
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertTrue(names.contains("tradebot/Main.class"), "the app's main class is in the jar");
      assertTrue(names.contains("tradebot/cli/Commands.class"), "the commands are in the jar");
      List<String> measuring =
          names.stream()
              .filter(
                  n ->
                      n.startsWith("tradebot/bench/")
                          || n.startsWith("tradebot/cli/BenchCommand")
                          || n.startsWith("tradebot/cli/GenCorpusCommand")
                          || n.startsWith("org/openjdk/jmh/")
                          || n.equals("META-INF/services/tradebot.cli.MeasurementCommand"))
              .toList();
      assertEquals(List.of(), measuring);
    }
  }
}
