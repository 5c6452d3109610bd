package tradebot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonthsTest {
  @Test
  void theTableGivesEachNameAndAbbreviationItsMonth() {
    assertEquals(24, Months.NUMBERS.size());
    assertEquals(9, Months.NUMBERS.get("Sept"));
    assertEquals(9, Months.NUMBERS.get("Sep"));
    assertEquals(5, Months.NUMBERS.get("May"));
    assertEquals(12, Months.lowerCase().get("dec"));
  }

  @Test
  void theFullNamesAreTheFirstNameOfEachMonthInOrder() {
    assertEquals(
        List.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December"),
        Months.FULL_NAMES);
  }
}
