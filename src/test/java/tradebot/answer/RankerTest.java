package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ranker's text measures that its fragment and length features read. */
class RankerTest {
  @Test
  void aSentenceEndsWithAStopPerhapsInsideQuotationMarksOrBrackets() {
    assertTrue(Ranker.endsAsSentence("Talks resumed on Friday."));
    assertTrue(Ranker.endsAsSentence("\"Don't say we didn't warn you,\" the commentary said."));
    assertTrue(Ranker.endsAsSentence("He asked: \"Is this truce different?\""));
    assertTrue(Ranker.endsAsSentence("It was not (as he said.)"));
    assertTrue(Ranker.endsAsSentence("And then…"));
    assertFalse(Ranker.endsAsSentence("26:20 Is this truce different"));
    assertFalse(Ranker.endsAsSentence("Photo: containers stacked at a port \""));
    assertFalse(Ranker.endsAsSentence("\"\""));
  }

  @Test
  void wordsAreRunsBetweenWhiteSpace() {
    assertEquals(6, Ranker.words("The talks ended  without\ta deal"));
    assertEquals(1, Ranker.words("Deadlock."));
    assertEquals(0, Ranker.words(" \n "));
  }
}
