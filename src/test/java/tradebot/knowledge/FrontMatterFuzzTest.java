package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any file text is either split into a valid source and the rest of the file, or refused with a
 * message and a line of the file; nothing else escapes. Seeds: {@code FrontMatterFuzzTestInputs/}.
 */
class FrontMatterFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyFileIsReadOrRefusedWithALine(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      FrontMatter.Parsed p = FrontMatter.parse(text, "stem");
      assertEquals(text.substring(p.bodyStart()), p.body(), "the body is the rest of the file");
      Source s = p.source();
      assertTrue(s.id().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}"), s.id());
      assertFalse(s.title().isBlank() || s.outlet().isBlank(), s.toString());
    } catch (FrontMatter.Problem e) {
      long lines = text.chars().filter(c -> c == '\n').count() + 1;
      assertTrue(e.line >= 0 && e.line <= lines, e.line + " of " + lines + ": " + e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }
}
