package tradebot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTablesTest {
  @Test
  void pairsKeepTheFileOrderAndKeysMayHoldSpacesAndSigns() {
    assertEquals(
        Map.of("half a dozen", "6", "#", "hash"), WordTables.pairs("test-good", String::valueOf));
    assertEquals(
        List.of("half a dozen", "#"),
        List.copyOf(WordTables.pairs("test-good", String::valueOf).keySet()));
  }

  @Test
  void anEntryWithoutAnEqualsSignIsRefusedWithItsFileAndLine() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> WordTables.pairs("test-bad-pair", Integer::valueOf));
    assertEquals(
        "tradebot/text/test-bad-pair.txt:3: expected key=value, got 'gamma'", e.getMessage());
  }

  @Test
  void aValueTheReaderRefusesIsReportedWithItsFileAndLine() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WordTables.pairs("test-bad-value", Integer::valueOf));
    assertEquals(
        "tradebot/text/test-bad-value.txt:2: bad value in 'beta=x': For input string: \"x\"",
        e.getMessage());
  }

  @Test
  void aWordListedTwiceIsRefusedAndCommentLinesAreNotWords() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WordTables.words("test-twice"));
    assertEquals("tradebot/text/test-twice.txt:4: 'red' is listed twice", e.getMessage());
  }

  @Test
  void aMissingTableNamesTheResource() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WordTables.words("no-such-table"));
    assertEquals("tradebot/text/no-such-table.txt is missing from the class path", e.getMessage());
  }

  @Test
  void theShippedStopWordsHoldThePronounsPorterWouldMangle() {
    assertTrue(WordTables.words("stop-words").containsAll(List.of("his", "has", "its")));
  }
}
