package tradebot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
  @ParameterizedTest
  @CsvSource({
    "april, april, 0, true",
    "apirl, april, 1, true",
    "aprl, april, 1, true",
    "tarrif, tariff, 1, false",
    "tarrif, tariff, 2, true",
    "kitten, sitting, 2, false",
    "kitten, sitting, 3, true",
    "port, data_dir, 2, false"
  })
  void twoWordsAreWithinAnEditBudgetWhenThatManyEditsOrSwapsTurnOneIntoTheOther(
      String a, String b, int max, boolean within) {
    assertEquals(within, EditDistance.within(a, b, max));
    assertEquals(within, EditDistance.within(b, a, max));
  }
}
