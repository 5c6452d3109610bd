package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tradebot.knowledge.Sentence;

class EvidenceTest {
  static Sentence sentence(String text) {
    return new Sentence(text, 0, text.length(), List.of());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"A framework is not a final deal,\" said Fan Qiuyu, an associate professor at Renmin"
            + " University.|Fan Qiuyu",
        "Wilbur Ross said the department would remain vigilant.|Wilbur Ross",
        "US Treasury Secretary Scott Bessent told Fox News that the talks went well.|",
        "Jane Doe said Xi Jinping would visit in April.|Jane Doe",
        "The talks went well, according to Wang Wentao.|Wang Wentao"
      })
  void theSpeakerIsTheNameBeforeSaidOrTheNameThatEndsTheClauseAfterIt(
      String text, String expected) {
    Optional<Evidence.Span> speaker = Evidence.speaker(sentence(text));
    assertEquals(Optional.ofNullable(expected), speaker.map(Evidence.Span::text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "She said the call would be the real test.",
        "They added that no date was set.",
        "His visit was cut short."
      })
  void aSentenceOpeningWithAPersonalPronounPointsBackToSomeone(String text) {
    assertTrue(Evidence.opensWithPronoun(sentence(text)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "He Lifeng led the Chinese side.",
        "\"They are bullying us,\" said Mao Ning.",
        "Shenzhen said the rules would change."
      })
  void aNameOrAQuotedPronounIsNotAPronounPointingBack(String text) {
    assertFalse(Evidence.opensWithPronoun(sentence(text)));
  }
}
