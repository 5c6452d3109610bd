package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngesterTest {
  private static final String BODY =
      "China cancelled talks. Beijing vowed to strike back. Markets fell 3.1%. Investors fled.\n"
          + "\n"
          + "A one-sentence paragraph about $200 billion.\n"
          + "The talks, which began on May 22,\n"
          + "resumed  later. They ended.\n";

  private final Document doc = Ingesters.keepingEveryLine().ingest(article(BODY));

  private static Article article(String body) {
    Source source = new Source("art", "Title", "CNN", LocalDate.of(2019, 5, 10), null, null);
    return new Article(source, body, Path.of("art.txt"), "hash");
  }

  private static List<String> texts(List<Sentence> sentences) {
    return sentences.stream().map(Sentence::text).toList();
  }

  @Test
  void sentencesAreTheBodyWithWhitespaceCollapsed() {
    assertEquals(
        List.of(
            "China cancelled talks.",
            "Beijing vowed to strike back.",
            "Markets fell 3.1%.",
            "Investors fled.",
            "A one-sentence paragraph about $200 billion.",
            "The talks, which began on May 22, resumed later.",
            "They ended."),
        texts(doc.sentences()));
    for (Sentence s : doc.sentences()) {
      assertEquals(BODY.substring(s.start(), s.end()).replaceAll("\\s+", " "), s.text());
    }
  }

  @Test
  void everySentenceAnchorsOnePassageWithStableIds() {
    assertEquals(
        List.of("art#0.0", "art#0.1", "art#0.2", "art#0.3", "art#1.0", "art#2.0", "art#2.1"),
        doc.passages().stream().map(Passage::id).toList());
    assertEquals(doc.sentences(), doc.passages().stream().map(Passage::anchorSentence).toList());
  }

  @Test
  void windowsHoldTheAnchorAndItsNeighboursWithinTheParagraph() {
    List<Passage> p = doc.passages();
    List<Sentence> s = doc.sentences();
    assertEquals(List.of(s.get(0), s.get(1)), p.get(0).sentences());
    assertEquals(0, p.get(0).anchor());
    assertEquals(List.of(s.get(0), s.get(1), s.get(2)), p.get(1).sentences());
    assertEquals(1, p.get(1).anchor());
    assertEquals(List.of(s.get(1), s.get(2), s.get(3)), p.get(2).sentences());
    assertEquals(1, p.get(2).anchor());
    assertEquals(List.of(s.get(2), s.get(3)), p.get(3).sentences());
    assertEquals(1, p.get(3).anchor());
    assertEquals(List.of(s.get(4)), p.get(4).sentences());
    assertEquals(0, p.get(4).anchor());
    assertEquals(List.of(s.get(5), s.get(6)), p.get(5).sentences());
    assertEquals(List.of(s.get(5), s.get(6)), p.get(6).sentences());
    assertEquals(List.of(0, 0, 0, 0, 1, 2, 2), p.stream().map(Passage::paragraph).toList());
  }

  @Test
  void aPassageTextJoinsItsSentencesAndSpansTheBody() {
    Passage second = doc.passages().get(1);
    assertEquals(
        "China cancelled talks. Beijing vowed to strike back. Markets fell 3.1%.", second.text());
    assertEquals(0, second.start());
    assertEquals(BODY.indexOf(" Investors"), second.end());
  }

  @Test
  void figuresCarryBodyOffsets() {
    List<String> found =
        doc.sentences().stream()
            .flatMap(s -> s.figures().stream())
            .map(f -> f.text() + "@" + f.start())
            .toList();
    assertEquals(
        List.of(
            "3.1%@" + BODY.indexOf("3.1%"),
            "$200 billion@" + BODY.indexOf("$200"),
            "May 22@" + BODY.indexOf("May 22")),
        found);
    assertEquals(3, doc.figureCount());
  }

  @Test
  void aDroppedLineEndsAParagraphAndAWrappedLineContinuesIt() {
    String body = "First line goes on\nand ends here.\nDropped.\nNext paragraph.";
    List<LineVerdict> verdicts =
        Ingesters.everyLine(body).stream()
            .map(v -> v.number() == 3 ? new LineVerdict(3, v.start(), v.end(), false, "x") : v)
            .toList();
    assertEquals(
        List.of(
            new SentenceSplitter.Span(0, body.indexOf("\nDropped")),
            new SentenceSplitter.Span(body.indexOf("Next"), body.length())),
        Ingester.paragraphs(body, verdicts));
  }

  @Test
  void aLineEndingASentenceIsItsOwnParagraphEvenBeforeLowerCase() {
    String body = "It ended.\nthen more.";
    assertEquals(
        List.of(new SentenceSplitter.Span(0, 9), new SentenceSplitter.Span(10, 20)),
        Ingester.paragraphs(body, Ingesters.everyLine(body)));
  }

  @Test
  void aBodyWithoutProseHasNoSentences() {
    Document empty = Ingesters.keepingEveryLine().ingest(article("\n  \n\n"));
    assertEquals(List.of(), empty.sentences());
    assertEquals(List.of(), empty.passages());
  }
}
