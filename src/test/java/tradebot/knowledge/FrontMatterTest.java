package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
  private static final String HEAD =
      "---\ntitle: \"Talks end\"\noutlet: CNN\npublished: 2019-05-10\n";

  @Test
  void readsTheSourceAndWhereTheBodyStarts() throws Exception {
    String text = HEAD + "url: https://example.com/a\nauthor: A. Writer\n---\nBody line.\n";
    FrontMatter.Parsed parsed = FrontMatter.parse(text, "stem");
    assertEquals(
        new Source(
            "stem",
            "Talks end",
            "CNN",
            LocalDate.of(2019, 5, 10),
            "https://example.com/a",
            "A. Writer"),
        parsed.source());
    assertEquals("Body line.\n", parsed.body());
    assertEquals(text.indexOf("Body"), parsed.bodyStart());
  }

  @Test
  void anExplicitIdWinsOverTheFileStem() throws Exception {
    FrontMatter.Parsed parsed = FrontMatter.parse(HEAD + "id: cnn-2019\n---\nBody.", "stem");
    assertEquals("cnn-2019", parsed.source().id());
    assertNull(parsed.source().url());
  }

  @Test
  void aByteOrderMarkAndWindowsLineEndsAreAccepted() throws Exception {
    String text = "\uFEFF" + (HEAD + "---\nBody.").replace("\n", "\r\n");
    FrontMatter.Parsed parsed = FrontMatter.parse(text, "stem");
    assertEquals("Talks end", parsed.source().title());
    assertEquals("Body.", parsed.body());
    assertEquals(text.indexOf("Body"), parsed.bodyStart());
  }

  @Test
  void aTimestampIsReadAsItsDate() throws Exception {
    String text = HEAD.replace("2019-05-10", "2019-05-10T08:30:00-04:00") + "---\nBody.";
    assertEquals(LocalDate.of(2019, 5, 10), FrontMatter.parse(text, "s").source().published());
  }

  private static FrontMatter.Problem problem(String text) {
    return assertThrows(FrontMatter.Problem.class, () -> FrontMatter.parse(text, "stem"));
  }

  private static void assertProblem(int line, String message, String text) {
    FrontMatter.Problem p = problem(text);
    assertEquals(message, p.getMessage());
    assertEquals(line, p.line);
  }

  @Test
  void aFileWithoutFrontMatterIsRefusedOnLineOne() {
    assertProblem(
        1, "no front matter: the file must start with a '---' line", "Just a body.\nMore.");
  }

  @Test
  void unclosedFrontMatterIsRefused() {
    assertProblem(1, "front matter is not closed: no second '---' line", HEAD + "Body.");
  }

  @Test
  void invalidYamlNamesItsLine() {
    FrontMatter.Problem p =
        problem("---\ntitle: Good\noutlet: CNN: Business\npublished: 2019-05-10\n---\nBody.");
    assertEquals(3, p.line);
    assertEquals(
        "front matter is not valid YAML: mapping values are not allowed here", p.getMessage());
  }

  @Test
  void eachRequiredKeyIsNamedWhenMissing() {
    assertProblem(
        0, "front matter lacks 'title'", "---\noutlet: CNN\npublished: 2019-05-10\n---\nB");
    assertProblem(0, "front matter lacks 'outlet'", "---\ntitle: T\npublished: 2019-05-10\n---\nB");
    assertProblem(0, "front matter lacks 'published'", "---\ntitle: T\noutlet: CNN\n---\nB");
    assertProblem(3, "front matter lacks 'outlet'", "---\ntitle: T\noutlet: \" \"\n---\nB");
  }

  @Test
  void aBadDateNamesTheValueAndItsLine() {
    assertProblem(
        4,
        "published must be an ISO date like 2025-04-11: 2025-13-45",
        HEAD.replace("2019-05-10", "2025-13-45") + "---\nBody.");
  }

  @Test
  void anUnknownKeyIsIgnoredWithANoteNamingTheKnownOnes() throws Exception {
    FrontMatter.Parsed p = FrontMatter.parse(HEAD + "tags: [trade, china]\n---\nBody.", "stem");
    assertEquals(
        List.of(
            "line 5: unknown front matter key 'tags' ignored (known: author, id, outlet, published, title, url)"),
        p.notes());
    assertEquals("Body.", p.body());
  }

  @Test
  void dateStandsForPublishedWhenPublishedIsMissing() throws Exception {
    FrontMatter.Parsed p =
        FrontMatter.parse("---\ntitle: T\noutlet: O\ndate: 2024-02-03\n---\nBody.", "stem");
    assertEquals(java.time.LocalDate.of(2024, 2, 3), p.source().published());
    assertEquals(List.of("line 4: 'date' read as 'published'"), p.notes());
  }

  @Test
  void aListValueIsRefused() {
    assertProblem(5, "'author' must be a single value", HEAD + "author: [A, B]\n---\nBody.");
  }

  @Test
  void anIdWithSpacesIsRefused() {
    assertProblem(
        5,
        "id must be letters, digits, '.', '_' or '-' (at most 128): my id",
        HEAD + "id: my id\n---\nBody.");
  }

  @Test
  void emptyOrNonMappingFrontMatterIsRefused() {
    assertProblem(
        2, "front matter is empty: title, outlet and published are required", "---\n---\nBody.");
    assertProblem(
        2, "front matter must be a mapping of keys to values, not ARRAY", "---\n- a\n---\nBody.");
  }

  @Test
  void aYamlErrorAfterACarriageReturnIsOnTheFilesLineNotTheParsersLine() {
    // Found by FrontMatterFuzzTest: YAML breaks lines at a lone CR, the file does not.
    FrontMatter.Problem p = problem("---\ntitle: T\r outlet: O\rpublished: [\n---\nBody.");
    assertEquals(2, p.line);
    assertEquals(
        "front matter is not valid YAML: mapping values are not allowed here", p.getMessage());
  }
}
