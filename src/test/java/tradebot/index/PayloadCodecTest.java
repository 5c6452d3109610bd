package tradebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import tradebot.knowledge.Document;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

class PayloadCodecTest {
  private final Analyzer analyzer = Schema.analyzer();

  private PayloadCodec.Payload payload(Passage p) {
    List<List<Token>> tokens = new ArrayList<>();
    for (Sentence s : p.sentences()) {
      tokens.add(Analysis.tokens(analyzer, s.text()));
    }
    return new PayloadCodec.Payload(p, tokens);
  }

  private static PayloadCodec.Payload roundTrip(PayloadCodec.Payload payload) {
    byte[] bytes = PayloadCodec.write(payload);
    byte[] framed = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, framed, 3, bytes.length);
    return PayloadCodec.read(framed, 3, bytes.length);
  }

  @Test
  void everyPassageOfTheSeedArticlesReadsBackEqualAndSmallerThanAsJson() throws IOException {
    Path config = Path.of("config");
    Ingester ingester = Ingester.fromConfig(config);
    List<Document> documents = new KnowledgeLoader(ingester).load(Path.of("knowledge")).documents();
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    long binary = 0;
    long asJson = 0;
    int passages = 0;
    int figures = 0;
    for (Document d : documents) {
      for (Passage p : d.passages()) {
        PayloadCodec.Payload payload = payload(p);
        assertEquals(payload, roundTrip(payload));
        binary += PayloadCodec.write(payload).length;
        asJson += json.writeValueAsBytes(payload).length;
        passages++;
        figures += p.sentences().stream().mapToInt(s -> s.figures().size()).sum();
      }
    }
    assertEquals(4, documents.size());
    assertTrue(passages > 100 && figures > 50, passages + " passages, " + figures + " figures");
    assertTrue(binary * 5 < asJson * 2, binary + " bytes against " + asJson + " as JSON");
  }

  @Test
  void oddTextNullsAndTokensThatAreNotTheirWordsReadBackEqual() {
    String text = "Zölle \uD83D\uDE00 stiegen: \uD800 lone, TARIFFS’ 25%\u00A0.";
    Source source =
        new Source("a#b", "T\u00EFtle", "Out\nlet", LocalDate.of(-5, 1, 31), null, "An Author");
    Figure f = new Figure("25%", Figure.Kind.PERCENT, 25.000000001, "%", 1034, 1037);
    Figure negative = new Figure("-0", Figure.Kind.COUNT, -0.0, "things", 1000, 1002);
    Sentence s = new Sentence(text, 1000, 1000 + text.length(), List.of(negative, f));
    Sentence t = new Sentence("Second.", 5, 12, List.of());
    Passage p = new Passage("a#b#0.1", source, 3, List.of(t, s), 1);
    List<List<Token>> tokens =
        List.of(
            List.of(new Token("second", 0, 6), new Token("elsewhere", 40, 50)),
            List.of(
                new Token("zöll", 0, 5),
                new Token("tariff", 31, 38),
                new Token("x", 2, 1),
                new Token("", 3, 3),
                new Token("stiegen", 9, 16)));
    PayloadCodec.Payload payload = new PayloadCodec.Payload(p, tokens);
    assertEquals(payload, roundTrip(payload));
    assertEquals(Double.doubleToRawLongBits(-0.0), rawValueOfFirstFigure(roundTrip(payload)));
  }

  private static long rawValueOfFirstFigure(PayloadCodec.Payload payload) {
    return Double.doubleToRawLongBits(
        payload.passage().sentences().get(1).figures().getFirst().value());
  }

  @Test
  void damagedBytesAreRefusedNamingThePayload() {
    Source source = new Source("a", "T", "O", LocalDate.of(2019, 5, 10), "https://x", null);
    Passage p =
        new Passage(
            "a#0.0", source, 0, List.of(new Sentence("Tariffs rose.", 0, 13, List.of())), 0);
    byte[] bytes = PayloadCodec.write(payload(p));
    for (byte[] bad :
        List.of(
            new byte[0],
            Arrays.copyOf(bytes, bytes.length - 1),
            Arrays.copyOf(bytes, bytes.length + 1),
            new byte[] {9, 1, 2})) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> PayloadCodec.read(bad, 0, bad.length));
      assertTrue(e.getMessage().startsWith("corrupt passage payload: "), e.getMessage());
    }
  }

  @Test
  void tokenListsMustMatchTheSentences() {
    Source source = new Source("a", "T", "O", LocalDate.of(2019, 5, 10), null, null);
    Passage p =
        new Passage(
            "a#0.0", source, 0, List.of(new Sentence("Tariffs rose.", 0, 13, List.of())), 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PayloadCodec.write(new PayloadCodec.Payload(p, List.of())));
    assertEquals("passage a#0.0 has 1 sentences and 0 token lists", e.getMessage());
  }
}
