package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Any body gets exactly one verdict per line, in order, with the line's offsets and a reason the
 * cleaner can explain, under the project's own rules ({@code config/boilerplate.yaml}).
 */
class BoilerplateCleanerFuzzTest {
  private static final BoilerplateCleaner CLEANER =
      BoilerplateCleaner.fromFile(Path.of("config/boilerplate.yaml"));

  @FuzzTest(maxDuration = "10s")
  void everyLineGetsOneVerdictWithItsOffsetsAndAReason(byte[] bytes) {
    String body = new String(bytes, StandardCharsets.UTF_8);
    List<LineVerdict> verdicts = CLEANER.classify(body);
    String[] lines = body.split("\n", -1);
    assertEquals(lines.length, verdicts.size());
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      LineVerdict v = verdicts.get(i);
      assertEquals(
          new LineVerdict(i + 1, offset, offset + lines[i].length(), v.kept(), v.reason()), v);
      assertTrue(CLEANER.why(v.reason()).isPresent(), "unexplained reason " + v.reason());
      assertTrue(!v.kept() || !lines[i].isBlank(), "a blank line is never kept");
      offset += lines[i].length() + 1;
    }
  }
}
