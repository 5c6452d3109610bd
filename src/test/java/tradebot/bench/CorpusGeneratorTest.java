package tradebot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.knowledge.Document;
import tradebot.knowledge.Ingester;
import tradebot.knowledge.KnowledgeLoader;
import tradebot.knowledge.LoadResult;
import tradebot.knowledge.Sentence;

class CorpusGeneratorTest {
  private static final Path CONFIG = Path.of("config");

  @TempDir Path tmp;
  private final CorpusGenerator generator = CorpusGenerator.standard();

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static KnowledgeLoader loader() {
    return new KnowledgeLoader(Ingester.fromConfig(CONFIG));
  }

  @Test
  void theSameSeedWritesTheSameFilesTwice() throws IOException {
    generator.write(tmp.resolve("a"), 40, 7);
    generator.write(tmp.resolve("b"), 40, 7);
    Map<String, byte[]> a = files(tmp.resolve("a"));
    Map<String, byte[]> b = files(tmp.resolve("b"));
    assertEquals(41, a.size()); // 40 articles and the marker
    assertEquals(a.keySet(), b.keySet());
    a.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, b.get(name)), name));
  }

  @Test
  void anArticleDoesNotDependOnHowManyAreWritten() throws IOException {
    generator.write(tmp.resolve("few"), 3, 7);
    CorpusGenerator.Article third = generator.article(7, 2);
    assertEquals(third.text(), Files.readString(tmp.resolve("few").resolve(third.relativePath())));
  }

  @Test
  void anotherSeedWritesOtherArticles() {
    assertNotEquals(generator.article(1, 0).text(), generator.article(2, 0).text());
    assertNotEquals(generator.article(1, 0).text(), generator.article(1, 1).text());
  }

  @Test
  void generatedArticlesLoadWithZeroErrors() throws IOException {
    Path dir = tmp.resolve("corpus");
    generator.write(dir, 60, 3);
    LoadResult loaded = loader().load(dir);
    assertEquals(List.of(), loaded.errors());
    assertEquals(60, loaded.documents().size());
    List<String> expected =
        IntStream.range(0, 60).mapToObj(n -> generator.article(3, n).id()).sorted().toList();
    assertEquals(expected, loaded.documents().stream().map(d -> d.source().id()).toList());
  }

  @Test
  void everyProseParagraphLoadsAsSentences() throws IOException {
    Path dir = tmp.resolve("corpus");
    generator.write(dir, 30, 5);
    Map<String, Document> byId =
        loader().load(dir).documents().stream()
            .collect(Collectors.toMap(d -> d.source().id(), d -> d));
    for (int n = 0; n < 30; n++) {
      CorpusGenerator.Article article = generator.article(5, n);
      Document doc = byId.get(article.id());
      String sentences = String.join(" ", doc.sentences().stream().map(Sentence::text).toList());
      assertFalse(article.prose().isEmpty());
      for (String paragraph : article.prose()) {
        assertTrue(sentences.contains(paragraph), article.id() + " lost: " + paragraph);
      }
    }
  }

  @Test
  void articlesArePublishedFrom2017To2026WithTariffFiguresAndFurniture() {
    List<CorpusGenerator.Article> articles =
        IntStream.range(0, 500).mapToObj(n -> generator.article(11, n)).toList();
    assertEquals(
        2017, articles.stream().mapToInt(a -> a.published().getYear()).min().orElseThrow());
    assertEquals(
        2026, articles.stream().mapToInt(a -> a.published().getYear()).max().orElseThrow());
    assertTrue(articles.stream().allMatch(a -> !a.furniture().isEmpty()));
    assertTrue(
        articles.stream().allMatch(a -> a.text().matches("(?s).*\\d+(%| percent| per cent).*")));
    assertTrue(
        articles.stream().allMatch(a -> a.text().contains("$") && a.text().contains(" billion")));
  }

  @Test
  void writeRefusesADirectoryItDidNotWrite() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> generator.write(dir, 2, 1));
    assertTrue(e.getMessage().contains("was not written by gen-corpus"), e.getMessage());
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void writeReplacesItsOwnEarlierOutput() throws IOException {
    Path dir = tmp.resolve("corpus");
    generator.write(dir, 5, 1);
    generator.write(dir, 2, 9);
    assertEquals(3, files(dir).size());
    assertTrue(generator.holds(dir, 2, 9));
    assertFalse(generator.holds(dir, 5, 1));
  }

  @Test
  void questionsAreDeterministicAndFilled() {
    List<String> questions = generator.questions(4, 50);
    assertEquals(questions, generator.questions(4, 50));
    assertEquals(50, questions.size());
    assertTrue(questions.stream().noneMatch(q -> q.contains("{")), questions.toString());
  }
}
