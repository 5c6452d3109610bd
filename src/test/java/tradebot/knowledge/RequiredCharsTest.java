package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredCharsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '→',
      value = {
        "a?b → b",
        "ab* → a",
        "\\(x\\)$ → (x)",
        "(?i)abc → ''",
        "a|b → ''",
        "(a|b)c → c",
        "[ab(]c{0,2}d → d",
        "x{2}y{1,}z{0} → xy",
        "\\Qab\\E → ''",
        "a+?b → b",
        "a\\d\\s\\p{Lu}\\.: → a.:",
        "\\12b → ''",
        "(?:[/·|] ?|\\bvia )Getty Images/?$ → Gety Imags",
        "\uD83D\uDE00?a → a",
        "(?i:photo credit) → ''"
      })
  void readsTheLiteralsEveryMatchHolds(String regex, String chars) {
    assertEquals(chars, RequiredChars.of(Pattern.compile(regex)).chars());
  }

  @Test
  void aPatternCompiledWithFlagsRequiresNothing() {
    assertEquals("", RequiredChars.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE)).chars());
  }

  /** Every line of the seed and test articles, and random mixtures of their characters. */
  private static List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path dir : List.of(Path.of("knowledge"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
          String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
          lines.addAll(List.of(text.split("\n", -1)));
        }
      }
    }
    Random random = new Random(3);
    String alphabet = "()/:|·—–-.,'’ GettyImagesAPREUTERSPhotoviaby©0123456789";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(40); i >= 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      lines.add(b.toString());
    }
    return lines;
  }

  @Test
  void noLineMatchedByARuleOfTheConfigLacksWhatTheRuleRequires() throws IOException {
    BoilerplateRules rules =
        BoilerplateRules.parse(
            Files.readString(Path.of("config/boilerplate.yaml")), "config/boilerplate.yaml");
    List<String> lines = lines();
    int matched = 0;
    int spared = 0;
    for (BoilerplateRules.PatternRule rule : rules.patterns()) {
      RequiredChars required = RequiredChars.of(rule.regex());
      for (String line : lines) {
        boolean has = required.allIn(line);
        if (rule.regex().matcher(line).find()) {
          matched++;
          assertTrue(has, rule.name() + " matches [" + line + "] without " + required.chars());
        } else if (!has) {
          spared++;
        }
      }
    }
    assertTrue(matched > 100, "lines matched: " + matched);
    assertTrue(spared > 100_000, "tries spared: " + spared);
  }
}
