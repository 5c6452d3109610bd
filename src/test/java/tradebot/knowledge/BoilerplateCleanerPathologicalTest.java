package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines built to make the cleaner's rules backtrack or go quadratic, under the project's own rules:
 * each gets its verdict. A line is at most 120 words and 3000 characters (longer lines are prose
 * without a regex being tried), so that every pattern really runs on it. The time limits only catch
 * a hang (a catastrophic regex, a rule quadratic in the number of lines); speed is measured
 * elsewhere.
 */
class BoilerplateCleanerPathologicalTest {
  private static final BoilerplateCleaner CLEANER =
      BoilerplateCleaner.fromFile(Path.of("config/boilerplate.yaml"));
  private static final Duration HANG = Duration.ofSeconds(30);

  static Stream<Arguments> lines() {
    return Stream.of(
        line("newsletter: sign up, then no keyword", "Sign up " + "x ".repeat(110), "prose"),
        line("newsletter: one long word", "Subscribe " + "y".repeat(2900), "short-line"),
        line("byline: one long name", "By A" + "a".repeat(2900), "byline"),
        line("byline: many names", "By " + "Aa Bb, ".repeat(55) + "x", "prose"),
        line(
            "with-assistance: many names",
            "With assistance from " + "Ab, ".repeat(110) + "x",
            "prose"),
        line(
            "reporting credits: no end",
            "Reporting by " + "Ab and ".repeat(100) + ";" + "x".repeat(1500),
            "prose"),
        line("timestamp: long tail", "Updated May 1, 2019" + " 1".repeat(110) + " x", "prose"),
        line("photo credit: unclosed", "(Photo by " + "a".repeat(2900), "short-line"),
        line("caption credit: slashes", "(" + "Ab / ".repeat(110), "prose"),
        line("credit line: slashes", "Ab/".repeat(950) + "x", "short-line"),
        line("agency caption: slashes", "REUTERS/" + "Ab/".repeat(950) + " x", "short-line"),
        line("photograph label: names", "Photograph: " + "Ab / ".repeat(110) + "x", "prose"),
        line("prose shape: quotes", "." + "\"".repeat(2900) + "x", "prose"),
        line("byline alone: capitals", "A" + "B ".repeat(1400) + "(X) -- x", "prose"),
        line("date alone: dates", "Monday, " + "May 1, 2019 ".repeat(200), "prose"),
        line("most read: long place", "Most read from " + "x".repeat(2900), "short-line"),
        line("copyright: repeated marks", "© ".repeat(1400) + "2019 x", "prose"),
        line("nested brackets", "(".repeat(1450) + ")".repeat(1450), "short-line"),
        line("control characters", "\u0000\u0007\u001b".repeat(900), "short-line"),
        line("zero-width spaces", "By\u200b Aa\u200b".repeat(300), "prose"));
  }

  private static Arguments line(String name, String text, String reason) {
    return Arguments.of(name, text, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void aLineBuiltToBacktrackGetsItsVerdict(String name, String text, String reason) {
    List<LineVerdict> verdicts = assertTimeoutPreemptively(HANG, () -> CLEANER.classify(text));
    assertEquals(
        List.of(new LineVerdict(1, 0, text.length(), reason.equals("prose"), reason)), verdicts);
  }

  @Test
  void eightyThousandLinesThatStartAlikeAreAllKept() {
    // Found by the hostile-input work: repeated-text compared every such line with every other.
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 80_000; i++) {
      body.append("alpha beta gamma delta epsilon zeta ").append(i).append('\n');
    }
    List<LineVerdict> verdicts =
        assertTimeoutPreemptively(HANG, () -> CLEANER.classify(body.toString()));
    assertEquals(80_001, verdicts.size());
    assertEquals(80_000, verdicts.stream().filter(v -> v.reason().equals("prose")).count());
  }

  @Test
  void aLineRepeatedInsideALongerOneIsStillFoundAmongManyThatStartAlike() {
    String standfirst = "alpha beta gamma delta epsilon zeta eta theta";
    String body =
        standfirst
            + "\n"
            + "alpha beta gamma delta epsilon zeta 1\n".repeat(3)
            + "Officials said alpha beta gamma delta epsilon zeta eta theta on Monday.\n";
    List<LineVerdict> verdicts = CLEANER.classify(body);
    assertEquals("repeated-text", verdicts.getFirst().reason());
  }

  @Test
  void aOneMegabyteLineWithoutANewlineIsProse() {
    String text = "word ".repeat(200_000);
    assertEquals(
        List.of(new LineVerdict(1, 0, text.length(), true, "prose")),
        assertTimeoutPreemptively(HANG, () -> CLEANER.classify(text)));
  }
}
