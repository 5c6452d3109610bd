package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Any paragraph splits into trimmed, non-empty sentences, in order, that do not overlap and leave
 * out nothing but white space.
 */
class SentenceSplitterFuzzTest {
  private static final SentenceSplitter SPLITTER =
      SentenceSplitter.fromFile(Path.of("config/abbreviations.txt"));

  @FuzzTest(maxDuration = "10s")
  void sentencesAreTrimmedOrderedAndCoverEveryWord(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<SentenceSplitter.Span> spans = SPLITTER.split(text, 0, text.length());
    int previousEnd = 0;
    for (SentenceSplitter.Span s : spans) {
      assertTrue(
          previousEnd <= s.start() && s.start() < s.end() && s.end() <= text.length(),
          s + " after " + previousEnd + " in " + text.length() + " chars");
      assertFalse(Character.isWhitespace(text.charAt(s.start())), "trimmed at the start: " + s);
      assertFalse(Character.isWhitespace(text.charAt(s.end() - 1)), "trimmed at the end: " + s);
      assertTrue(text.substring(previousEnd, s.start()).isBlank(), "nothing left out before " + s);
      previousEnd = s.end();
    }
    assertTrue(text.substring(previousEnd).isBlank(), "nothing left out at the end");
    assertEquals(spans.isEmpty(), text.isBlank());
  }
}
