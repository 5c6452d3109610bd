package tradebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

/** An index written passage by passage, on disk. */
class IndexBuildIT {
  @TempDir Path data;

  private static Passage passage(String article, String text) {
    Source source =
        new Source(article, "Title of " + article, "CNN", LocalDate.of(2019, 5, 10), null, null);
    return new Passage(
        article + "#0.0", source, 0, List.of(new Sentence(text, 0, text.length(), List.of())), 0);
  }

  private List<String> children() throws IOException {
    try (Stream<Path> list = Files.list(data)) {
      return list.map(p -> p.getFileName().toString())
          .filter(name -> !name.equals(".install.lock")) // held by replicas while they install
          .sorted()
          .toList();
    }
  }

  @Test
  void passagesAddedOneByOneAreSearchableOnceCommitted() throws IOException {
    IndexStore store = IndexStore.onDisk(data);
    try (IndexBuild build = store.begin()) {
      build.add(passage("a", "China raised tariffs on soybeans."));
      build.add(passage("b", "The talks in Geneva ended without a deal."));
      assertEquals(2, build.size());
      try (PassageIndex index = build.commit("v1")) {
        assertEquals(2, index.passageCount());
        assertEquals(1, index.documentFrequency("soybean"));
      }
    }
    assertEquals(Optional.of("v1"), store.currentVersion());
    assertEquals(List.of("CURRENT", "index-v1"), children());
  }

  @Test
  void twoReplicasCommittingTheSameVersionIntoOneDirectoryAtOnceBothOpenIt() throws Exception {
    IndexStore one = IndexStore.onDisk(data);
    IndexStore two = IndexStore.onDisk(data);
    IndexBuild a = one.begin();
    IndexBuild b = two.begin();
    a.add(passage("a", "China raised tariffs on soybeans."));
    b.add(passage("a", "China raised tariffs on soybeans."));
    java.util.concurrent.CompletableFuture<PassageIndex> first =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> commit(a));
    PassageIndex second = commit(b);
    try (PassageIndex x = first.get();
        PassageIndex y = second) {
      assertEquals(1, x.passageCount());
      assertEquals(1, y.passageCount());
    }
    assertEquals(Optional.of("v1"), one.currentVersion());
    assertEquals(List.of("CURRENT", "index-v1"), children());
  }

  private static PassageIndex commit(IndexBuild build) {
    try (build) {
      return build.commit("v1");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aBuildClosedWithoutCommitLeavesTheCurrentIndexAndNoFiles() throws IOException {
    IndexStore store = IndexStore.onDisk(data);
    store.build("v1", List.of(passage("a", "China raised tariffs on soybeans."))).close();
    try (IndexBuild build = store.begin()) {
      build.add(passage("b", "The talks in Geneva ended without a deal."));
    }
    assertEquals(Optional.of("v1"), store.currentVersion());
    assertEquals(List.of("CURRENT", "index-v1"), children());
    try (PassageIndex index = store.openCurrent()) {
      assertEquals(1, index.passageCount());
    }
  }

  @Test
  void preparedPassagesIndexExactlyAsPassagesAddedOneByOne() throws IOException {
    List<Passage> passages =
        List.of(
            passage("a", "China raised tariffs on soybeans to 25 percent."),
            passage("b", "The talks in Geneva ended without a deal."));
    IndexStore one = IndexStore.inMemory();
    IndexStore prepared = IndexStore.inMemory();
    try (PassageIndex byOne = one.build("v1", passages);
        IndexBuild build = prepared.begin()) {
      IndexBuild.Prepared ready = build.prepare(passages);
      assertEquals(2, ready.size());
      build.add(ready);
      try (PassageIndex byBatch = build.commit("v1")) {
        SearchQuery q = new SearchQuery(List.of(new TermGroup(List.of("soybeans"), 1f, false)), 5);
        assertEquals(byOne.search(q), byBatch.search(q));
        assertEquals(1, byBatch.search(q).size());
        assertEquals(byOne.terms("tariffs"), byBatch.terms("tariffs"));
      }
    }
  }

  @Test
  void aCommittedOrClosedBuildTakesNoMorePassages() throws IOException {
    IndexStore store = IndexStore.onDisk(data);
    IndexBuild build = store.begin();
    build.add(passage("a", "China raised tariffs on soybeans."));
    build.commit("v1").close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> build.add(passage("b", "More.")));
    assertEquals("index build already committed or closed", e.getMessage());
    build.close(); // does nothing once committed
    assertEquals(List.of("CURRENT", "index-v1"), children());
  }

  @Test
  void aBadVersionIsRefusedAtCommitAndTheBuildThrownAway() throws IOException {
    IndexStore store = IndexStore.onDisk(data);
    try (IndexBuild build = store.begin()) {
      build.add(passage("a", "China raised tariffs on soybeans."));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> build.commit("../v1"));
      assertEquals("bad index version: ../v1", e.getMessage());
    }
    assertEquals(Optional.empty(), store.currentVersion());
    assertEquals(List.of(), children());
  }
}
