package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentenceSplitterTest {
  private final SentenceSplitter splitter =
      SentenceSplitter.fromFile(Path.of("config/abbreviations.txt"));

  private List<String> sentences(String text) {
    return splitter.split(text, 0, text.length()).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  @Test
  void anAbbreviationDoesNotEndTheSentenceButAPeriodAfterASingleLetterWordCan() {
    assertEquals(
        List.of("U.S. officials said X.", "Then Y."), sentences("U.S. officials said X. Then Y."));
  }

  @Test
  void titlesBeforeNamesDoNotEndSentences() {
    assertEquals(List.of("Gov. Cuomo spoke."), sentences("Gov. Cuomo spoke."));
    assertEquals(
        List.of("Photo shows Rep. Clyde barricading door during insurrection.", "He left."),
        sentences("Photo shows Rep. Clyde barricading door during insurrection. He left."));
  }

  @Test
  void clockTimesRanksAndDecimalsDoNotEndSentences() {
    assertEquals(
        List.of("The delegations reconvened at 9 a.m. ET, talks resumed."),
        sentences("The delegations reconvened at 9 a.m. ET, talks resumed."));
    assertEquals(
        List.of("The No. 2 official left Beijing."), sentences("The No. 2 official left Beijing."));
    assertEquals(
        List.of("The surplus was $34.1 billion in September.", "It grew."),
        sentences("The surplus was $34.1 billion in September. It grew."));
  }

  @Test
  void aQuoteOfSeveralSentencesStaysWithItsLowerCaseAttribution() {
    String text =
        "“Tariffs will make our Country MUCH STRONGER, not weaker. Just sit back and watch!” he"
            + " wrote. “In the meantime, China should not renegotiate deals with the U.S. at the"
            + " last minute.”";
    assertEquals(
        List.of(
            "“Tariffs will make our Country MUCH STRONGER, not weaker. Just sit back and watch!” he"
                + " wrote.",
            "“In the meantime, China should not renegotiate deals with the U.S. at the last"
                + " minute.”"),
        sentences(text));
  }

  @Test
  void aStraightQuotedAttributionTakesTheWholeQuoteToo() {
    assertEquals(
        List.of("He said \"We wait. We see!\" he wrote.", "Then he left."),
        sentences("He said \"We wait. We see!\" he wrote. Then he left."));
  }

  @Test
  void aCapitalizedAttributionAfterAQuoteIsItsOwnSentence() {
    assertEquals(
        List.of("“We are waiting for their call.", "It will happen!”", "Trump posted this week."),
        sentences("“We are waiting for their call. It will happen!” Trump posted this week."));
  }

  @Test
  void anEllipsisBeforeLowerCaseContinuesTheSentence() {
    assertEquals(
        List.of("We will see... and then decide."), sentences("We will see... and then decide."));
  }

  @Test
  void aMiddleInitialDoesNotEndTheSentence() {
    assertEquals(
        List.of("Robert E. Lighthizer said so."), sentences("Robert E. Lighthizer said so."));
  }

  @Test
  void plainSentencesSplitWithExactSpans() {
    String text = "China cancelled talks. Beijing vowed to strike back! Will markets fall?";
    assertEquals(
        List.of(
            new SentenceSplitter.Span(0, 22),
            new SentenceSplitter.Span(23, 52),
            new SentenceSplitter.Span(53, 71)),
        splitter.split(text, 0, text.length()));
  }

  @Test
  void spansAreOffsetsIntoTheWholeTextAndTrimmed() {
    String text = "HEADLINE\n  First one.   Second one.  \nFOOTER";
    int start = text.indexOf("  First");
    int end = text.indexOf("\nFOOTER");
    assertEquals(
        List.of(new SentenceSplitter.Span(11, 21), new SentenceSplitter.Span(24, 35)),
        splitter.split(text, start, end));
  }

  @Test
  void aBlankRegionHasNoSentences() {
    assertEquals(List.of(), splitter.split("   \n  ", 0, 6));
  }

  @Test
  void abbreviationsFileIgnoresCommentsAndCase(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("abbreviations.txt");
    Files.writeString(file, "# comment\nGOV.  # trailing comment\n\n");
    SentenceSplitter custom = SentenceSplitter.fromFile(file);
    String text = "Gov. Cuomo spoke. Sen. Smith left.";
    assertEquals(
        List.of("Gov. Cuomo spoke.", "Sen.", "Smith left."),
        custom.split(text, 0, text.length()).stream()
            .map(s -> text.substring(s.start(), s.end()))
            .toList());
  }

  @Test
  void aMissingAbbreviationsFileNamesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.txt");
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> SentenceSplitter.fromFile(missing));
    assertEquals("cannot read abbreviations " + missing, e.getMessage());
  }

  @Test
  void withoutAbbreviationsTheJdkBreaksAfterTitles() {
    SentenceSplitter bare = new SentenceSplitter(Set.of());
    String text = "Gov. Cuomo spoke.";
    assertEquals(2, bare.split(text, 0, text.length()).size());
  }
}
