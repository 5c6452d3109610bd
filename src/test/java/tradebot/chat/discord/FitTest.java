package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FitTest {
  @Test
  void wordsKeepsTextThatFits() {
    assertEquals("tariffs rose", Fit.words("tariffs rose", 12));
  }

  @Test
  void wordsCutsAtTheLastSpaceAndMarksTheCut() {
    assertEquals("tariffs rose…", Fit.words("tariffs rose to 125%", 15));
    assertEquals("tariffs…", Fit.words("tariffs rose to 125%", 12));
  }

  @Test
  void wordsCutsInsideOnlyAWordLongerThanTheLimit() {
    assertEquals("abcd…", Fit.words("abcdefghij", 5));
  }

  @Test
  void wordsNeverSplitsASurrogatePair() {
    String s = "a\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
    String fitted = Fit.words(s, 3);
    assertEquals("a…", fitted);
  }

  @Test
  void splitMakesChunksThatEndAtWords() {
    List<String> chunks = Fit.split("one two three four five six", 9);
    assertEquals(List.of("one two", "three", "four five", "six"), chunks);
  }

  @Test
  void splitRejoinsToTheSameWords() {
    String text =
        "The United States and China agreed to cut tariffs for 90 days ".repeat(40).strip();
    List<String> chunks = Fit.split(text, 100);
    assertTrue(chunks.stream().allMatch(c -> c.length() <= 100));
    assertEquals(text, String.join(" ", chunks));
  }

  @Test
  void linesCountsWhatDoesNotFit() {
    assertEquals(
        "alpha\nbeta\n… and 3 more",
        Fit.lines(List.of("alpha", "beta", "gamma", "delta", "epsilon"), 23));
    assertEquals("alpha\nbeta\ngamma", Fit.lines(List.of("alpha", "beta", "gamma"), 16));
  }
}
