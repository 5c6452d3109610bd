package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {
  private static final String GOOD =
      "---\ntitle: Good\noutlet: CNN\npublished: 2019-05-10\n---\n"
          + "China and the US held talks. Tariffs rose to 25 percent.\n";

  @TempDir Path root;
  private Path dir;
  private final KnowledgeLoader loader = new KnowledgeLoader(Ingesters.keepingEveryLine());

  @BeforeEach
  void writeAGoodFile() throws IOException {
    dir = Files.createDirectory(root.resolve("knowledge"));
    Files.writeString(dir.resolve("good.txt"), GOOD);
  }

  private static List<String> ids(LoadResult result) {
    return result.documents().stream().map(d -> d.source().id()).toList();
  }

  /** Loads, checks the good file still loaded, and returns the one error. */
  private LoadError onlyError() throws IOException {
    LoadResult result = loader.load(dir);
    assertEquals(List.of("good"), ids(result));
    assertEquals(1, result.errors().size(), result.errors().toString());
    return result.errors().getFirst();
  }

  private void assertError(String file, int line, String message) throws IOException {
    assertEquals(new LoadError(dir.resolve(file), line, message), onlyError());
  }

  @Test
  void aFileWithoutFrontMatterIsSkipped() throws IOException {
    Files.writeString(dir.resolve("bare.txt"), "Just pasted text.\n");
    assertError("bare.txt", 1, "no front matter: the file must start with a '---' line");
  }

  @Test
  void unclosedFrontMatterIsSkipped() throws IOException {
    Files.writeString(dir.resolve("open.md"), "---\ntitle: T\noutlet: CNN\nBody.\n");
    assertError("open.md", 1, "front matter is not closed: no second '---' line");
  }

  @Test
  void invalidYamlIsReportedOnItsFileLine() throws IOException {
    Files.writeString(dir.resolve("yaml.txt"), GOOD.replace("outlet: CNN", "outlet: CNN: Biz"));
    assertError(
        "yaml.txt", 3, "front matter is not valid YAML: mapping values are not allowed here");
  }

  @Test
  void missingRequiredKeysAreNamed() throws IOException {
    Files.writeString(dir.resolve("a.txt"), GOOD.replace("title: Good\n", ""));
    Files.writeString(dir.resolve("b.txt"), GOOD.replace("outlet: CNN\n", ""));
    Files.writeString(dir.resolve("c.txt"), GOOD.replace("published: 2019-05-10\n", ""));
    LoadResult result = loader.load(dir);
    assertEquals(List.of("good"), ids(result));
    assertEquals(
        List.of(
            new LoadError(dir.resolve("a.txt"), 0, "front matter lacks 'title'"),
            new LoadError(dir.resolve("b.txt"), 0, "front matter lacks 'outlet'"),
            new LoadError(dir.resolve("c.txt"), 0, "front matter lacks 'published'")),
        result.errors());
  }

  @Test
  void aBadDateNamesTheValue() throws IOException {
    Files.writeString(dir.resolve("date.txt"), GOOD.replace("2019-05-10", "2025-13-45"));
    assertError("date.txt", 4, "published must be an ISO date like 2025-04-11: 2025-13-45");
  }

  @Test
  void anUnknownKeyIsReportedAsAWarningAndTheArticleStillLoads() throws IOException {
    Files.writeString(dir.resolve("key.txt"), GOOD.replace("---\nChina", "tags: x\n---\nChina"));
    LoadResult r = loader.load(dir);
    assertEquals(List.of(), r.errors());
    assertTrue(r.documents().stream().anyMatch(d -> d.article().id().equals("key")));
    assertTrue(
        r.warnings()
            .contains(
                dir.resolve("key.txt")
                    + ": line 5: unknown front matter key 'tags' ignored (known: author, id, outlet, published, title, url)"),
        r.warnings().toString());
  }

  @Test
  void theIdIsTheFileStemUnlessGiven() throws IOException {
    Files.writeString(
        dir.resolve("stem-only.md"), GOOD.replace("---\nChina", "author: Ann\n---\nChina"));
    Files.writeString(dir.resolve("x.txt"), GOOD.replace("---\nChina", "id: explicit\n---\nChina"));
    LoadResult result = loader.load(dir);
    assertEquals(List.of("explicit", "good", "stem-only"), ids(result));
    assertEquals(List.of(), result.errors());
  }

  @Test
  void aDuplicateIdSkipsTheSecondFileNamingTheFirst() throws IOException {
    Files.writeString(dir.resolve("z.txt"), GOOD.replace("---\nChina", "id: good\n---\nChina"));
    assertError("z.txt", 0, "duplicate id 'good': already used by " + dir.resolve("good.txt"));
  }

  @Test
  void aBinaryFileIsSkipped() throws IOException {
    Files.write(dir.resolve("bin.txt"), "---\ntitle: T\n\0\n".getBytes(StandardCharsets.UTF_8));
    assertError("bin.txt", 3, "binary file: NUL byte at offset 13");
  }

  @Test
  void invalidUtf8IsSkippedNamingTheByte() throws IOException {
    byte[] head = GOOD.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    Files.write(dir.resolve("latin.txt"), bytes);
    assertError("latin.txt", 7, "not valid UTF-8 at byte offset " + head.length);
  }

  @Test
  void anEmptyBodyIsSkipped() throws IOException {
    Files.writeString(
        dir.resolve("empty.txt"), "---\ntitle: E\noutlet: CNN\npublished: 2019-05-10\n---\n\n  \n");
    assertError("empty.txt", 0, "no article text after the front matter");
  }

  @Test
  void aFileOverTheLimitIsNotRead() throws IOException {
    Path big = dir.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(KnowledgeLoader.MAX_FILE_BYTES + 1);
    }
    assertError(
        "big.txt",
        0,
        "file is " + (KnowledgeLoader.MAX_FILE_BYTES + 1) + " bytes; the limit is 8388608 bytes");
  }

  @Test
  void aLinkOutsideTheDirectoryIsNeverRead() throws IOException {
    Path outside = Files.writeString(root.resolve("secret.txt"), GOOD.replace("Good", "Secret"));
    Files.createSymbolicLink(dir.resolve("link.txt"), outside);
    assertError(
        "link.txt",
        0,
        "links outside the knowledge directory (to " + outside.toRealPath() + "): not read");
  }

  @Test
  void aLinkInsideTheDirectoryIsRead() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    Path target = Files.writeString(dir.resolve("sub/real.txt"), GOOD.replace("Good", "Real"));
    Files.createSymbolicLink(dir.resolve("alias.txt"), target);
    LoadResult result = loader.load(dir);
    assertEquals(List.of("alias", "good", "real"), ids(result));
  }

  @Test
  void hiddenFilesReadmesAndOtherExtensionsAreIgnored() throws IOException {
    Files.writeString(dir.resolve(".draft.txt"), GOOD.replace("Good", "Draft"));
    Files.createDirectory(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/note.md"), "no front matter");
    Files.writeString(dir.resolve("README.md"), "# How to add an article\n");
    Files.writeString(dir.resolve("notes.html"), "<p>not an article</p>");
    LoadResult result = loader.load(dir);
    assertEquals(List.of("good"), ids(result));
    assertEquals(List.of(), result.errors());
  }

  @Test
  void aMissingDirectoryLoadsNothingWithAWarning() throws IOException {
    LoadResult result = loader.load(root.resolve("nowhere"));
    assertEquals(List.of(), result.documents());
    assertEquals(
        List.of(
            "knowledge directory "
                + root.resolve("nowhere")
                + " does not exist: no sources are loaded"),
        result.warnings());
  }

  @Test
  void theVersionChangesWhenAFileChanges() throws IOException {
    String before = loader.load(dir).version();
    assertEquals(before, loader.load(dir).version());
    Files.writeString(dir.resolve("good.txt"), GOOD.replace("25 percent", "30 percent"));
    assertTrue(!before.equals(loader.load(dir).version()));
  }

  @Test
  void streamingHandsEachDocumentToTheSinkInFileOrderAndKeepsNone() throws IOException {
    Files.writeString(dir.resolve("a.txt"), GOOD.replace("---\nChina", "id: zeta\n---\nChina"));
    Files.writeString(dir.resolve("b.txt"), GOOD.replace("title: Good\n", ""));
    Files.writeString(dir.resolve("c.txt"), GOOD.replace("---\nChina", "id: good\n---\nChina"));
    List<String> seen = new ArrayList<>();
    LoadResult streamed = loader.load(dir, d -> d.source().id(), seen::add);
    assertEquals(List.of("zeta", "good"), seen);
    assertEquals(List.of(), streamed.documents());
    assertEquals(
        List.of(
            new LoadError(dir.resolve("b.txt"), 0, "front matter lacks 'title'"),
            new LoadError(
                dir.resolve("good.txt"),
                0,
                "duplicate id 'good': already used by " + dir.resolve("c.txt"))),
        streamed.errors());
    LoadResult kept = loader.load(dir);
    assertEquals(kept.errors(), streamed.errors());
    assertEquals(kept.warnings(), streamed.warnings());
    assertEquals(kept.version(), streamed.version());
  }

  @Test
  void unreadableFilesAreReportedBeforeRefusedOnesAsTheOnePassLoaderDid() throws IOException {
    Files.writeString(dir.resolve("a.txt"), GOOD.replace("---\nChina", "id: good\n---\nChina"));
    Files.writeString(dir.resolve("z.txt"), "no front matter\n");
    assertEquals(
        List.of(
            new LoadError(
                dir.resolve("z.txt"), 1, "no front matter: the file must start with a '---' line"),
            new LoadError(
                dir.resolve("good.txt"),
                0,
                "duplicate id 'good': already used by " + dir.resolve("a.txt"))),
        loader.load(dir, d -> d, d -> {}).errors());
  }

  @Test
  void theLoadedVersionIsTheFingerprintOfTheFilesWhenNothingChangesWhileLoading()
      throws IOException {
    Files.writeString(dir.resolve("broken.txt"), "no front matter");
    Files.writeString(dir.resolve("empty.md"), "");
    assertEquals(KnowledgeLoader.fingerprint(dir), loader.load(dir).version());
    Path missing = root.resolve("nowhere");
    assertEquals(KnowledgeLoader.fingerprint(missing), loader.load(missing).version());
  }

  @Test
  void theFingerprintChangesWhenAnyArticleFileChangesAndOnlyThen() throws IOException {
    String before = KnowledgeLoader.fingerprint(dir);
    Files.writeString(dir.resolve(".hidden.txt"), "not an article");
    Files.writeString(dir.resolve("notes.csv"), "not an article");
    Files.writeString(dir.resolve("README.md"), "not an article");
    assertEquals(before, KnowledgeLoader.fingerprint(dir));
    Files.writeString(dir.resolve("good.txt"), GOOD.replace("25 percent", "30 percent"));
    String edited = KnowledgeLoader.fingerprint(dir);
    assertTrue(!before.equals(edited));
    Files.writeString(dir.resolve("broken.txt"), "no front matter");
    String added = KnowledgeLoader.fingerprint(dir);
    assertTrue(!edited.equals(added));
    Files.move(dir.resolve("broken.txt"), dir.resolve("renamed.txt"));
    assertTrue(!added.equals(KnowledgeLoader.fingerprint(dir)));
  }

  @Test
  void anIngesterFailureStopsTheLoadAndIsNotTakenForABadFile() throws IOException {
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                loader.load(
                    dir,
                    d -> {
                      throw new IllegalStateException("prepare failed on " + d.source().id());
                    },
                    d -> {}));
    assertEquals("prepare failed on good", e.getMessage());
  }

  @Test
  void theRepositoryKnowledgeLoadsFourArticles() throws IOException {
    LoadResult result = loader.load(Path.of("knowledge"));
    Map<String, LocalDate> published = new TreeMap<>();
    result.documents().forEach(d -> published.put(d.source().id(), d.source().published()));
    assertEquals(
        Map.of(
            "2018-05-04-ap-beijing-talks", LocalDate.of(2018, 5, 4),
            "2018-09-21-wapo-china-cancels-talks", LocalDate.of(2018, 9, 21),
            "2019-05-10-cnn-talks-end-without-deal", LocalDate.of(2019, 5, 10),
            "2025-04-11-bloomberg-tariffs-peak-125", LocalDate.of(2025, 4, 11)),
        published);
    assertEquals(List.of(), result.errors());
    assertEquals(4, result.documents().size());
  }
}
