package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading and checking a rules file: bad rules fail at load time, naming the rule and the file. */
class BoilerplateRulesTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("boilerplate.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void badRegexNamesTheRuleAndTheFile() throws Exception {
    Path file =
        write(
            """
            patterns:
              - name: share-prompt
                why: sharing buttons
                regex: '^Share( story$'
            """);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BoilerplateCleaner.fromFile(file));
    assertEquals(
        file + ": rule 'share-prompt': bad regex: Unclosed group near index 14 of ^Share( story$",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "patterns: [{name: a, regex: x}]" + " | pattern #1: 'why' is missing",
        "patterns: [{name: a, why: w, regex: x, max_wrds: 3}]"
            + " | pattern #1: unknown key 'max_wrds' (known: list_after, max_words, name, regex, why)",
        "patterns: [{name: a, why: w, regex: x}, {name: a, why: w, regex: y}]"
            + " | pattern 'a': the name is used twice",
        "patterns: [{name: a, why: w, regex: '{{agency}}'}]"
            + " | rule 'a': unknown term {{agency}} (terms: )",
        "patterns: [{name: a, why: w, regex: x, max_words: 0}]"
            + " | pattern 'a': 'max_words' must be a positive whole number: 0",
        "patterns: [{name: a, why: w, regex: x}]\\nstructure: {carousel: {why: w, marker: a, clip_length: b}}"
            + " | rule 'carousel': 'clip_length' names no pattern: 'b'",
        "patterns: []\\nstructure: {shortline: {why: w}}"
            + " | structure: unknown key 'shortline' (known: caption-echo, carousel, duplicate, preamble, repeated-text, short-line)",
        "patterns: []\\nstructure: {preamble: {why: w, lead: x, min_share: 2}}"
            + " | rule 'preamble': 'min_share' must be a number in (0, 1]: 2",
        "limits: {max_furniture_words: -1}\\npatterns: []"
            + " | limits: 'max_furniture_words' must be a positive whole number: -1",
        "structure: {}" + " | the file: 'patterns' is missing",
      })
  void badRulesFailWithAClearMessage(String yaml, String message) throws Exception {
    Path file = write(yaml.replace("\\n", "\n"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BoilerplateCleaner.fromFile(file));
    assertEquals(file + ": " + message, e.getMessage());
  }

  @Test
  void yamlThatDoesNotParseNamesTheFile() throws Exception {
    Path file = write("patterns: [\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BoilerplateCleaner.fromFile(file));
    assertEquals(true, e.getMessage().startsWith(file + ": not valid YAML: "));
  }

  @Test
  void missingFileIsAnIoError() {
    assertThrows(
        UncheckedIOException.class, () -> BoilerplateCleaner.fromFile(dir.resolve("none.yaml")));
  }

  @Test
  void termsAreSubstitutedIntoPatterns() {
    BoilerplateCleaner cleaner =
        BoilerplateCleaner.fromYaml(
            """
            terms: {agency: 'AP|AFP'}
            patterns: [{name: credit, why: a credit, regex: '^(?:{{agency}})$'}]
            """,
            "test");
    assertEquals(
        List.of("prose", "credit", "prose"),
        cleaner.classify("Talks ended.\nAFP\nAPE").stream().map(LineVerdict::reason).toList());
  }

  @Test
  void aRegexThatBacktracksForeverGivesUpAndKeepsTheLine() {
    BoilerplateCleaner cleaner =
        BoilerplateCleaner.fromYaml(
            "patterns: [{name: evil, why: nested open quantifiers, regex: '^(a+)+$'}]", "test");
    String line = "a".repeat(60) + "!";
    assertEquals(List.of(new LineVerdict(1, 0, 61, true, "prose")), cleaner.classify(line));
  }

  @Test
  void withoutStructuralRulesOnlyPatternsDrop() {
    BoilerplateCleaner cleaner =
        BoilerplateCleaner.fromYaml(
            "patterns: [{name: ad, why: an ad, regex: '^Advertisement$'}]", "test");
    assertEquals(
        List.of("prose", "ad", "prose", "prose"),
        cleaner.classify("Talks ended.\nAdvertisement\nTalks ended.\nUS Navy").stream()
            .map(LineVerdict::reason)
            .toList());
  }
}
