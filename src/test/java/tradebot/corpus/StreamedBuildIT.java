package tradebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.index.IndexStore;

/** The corpus build that streams documents into the index, on disk. */
class StreamedBuildIT {
  private static final String ARTICLE =
      "---\ntitle: T\noutlet: CNN\npublished: 2019-05-10\n---\nChina raised tariffs on soybeans to 25 percent. Talks went on.\n";

  @TempDir Path tmp;
  private Path knowledge;
  private Path data;

  @BeforeEach
  void writeArticles() throws IOException {
    knowledge = Files.createDirectories(tmp.resolve("knowledge"));
    data = tmp.resolve("data");
    Files.writeString(knowledge.resolve("b.txt"), ARTICLE);
    Files.writeString(knowledge.resolve("a.txt"), ARTICLE.replace("soybeans", "pork"));
  }

  private CorpusManager manager() {
    return new CorpusManager(
        knowledge, Path.of("config"), IndexStore.onDisk(data), Clock.systemUTC());
  }

  private List<String> indexes() throws IOException {
    try (Stream<Path> list = Files.list(data)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("index-"))
          .sorted()
          .toList();
    }
  }

  @Test
  void startupStreamsEveryArticleIntoTheIndexAndListsThemById() throws IOException {
    try (CorpusManager m = manager()) {
      ReloadReport r = m.start();
      assertEquals(ReloadReport.Outcome.SWAPPED, r.outcome());
      assertEquals(2, r.articles());
      assertEquals(4, r.passages());
      try (CorpusManager.Lease lease = m.acquire()) {
        assertEquals(
            List.of("a", "b"),
            lease.corpus().articles().stream().map(a -> a.source().id()).toList());
        assertEquals(4, lease.corpus().index().passageCount());
      }
    }
    assertEquals(1, indexes().size());
  }

  @Test
  void aReloadWithNothingChangedKeepsTheServingCorpus() throws Exception {
    try (CorpusManager m = manager()) {
      ReloadReport first = m.start();
      ReloadReport again = m.reload("test", "test").get();
      assertEquals(ReloadReport.Outcome.UNCHANGED, again.outcome());
      assertEquals(first.version(), again.version());
      assertEquals(2, again.articles());
    }
  }

  @Test
  void aChangedFileSwapsInANewIndexAndARestartOpensItWithoutBuilding() throws Exception {
    String version;
    try (CorpusManager m = manager()) {
      String before = m.start().version();
      Files.writeString(knowledge.resolve("c.txt"), ARTICLE.replace("soybeans", "steel"));
      ReloadReport r = m.reload("test", "test").get();
      assertEquals(ReloadReport.Outcome.SWAPPED, r.outcome());
      assertEquals(List.of("c"), r.added());
      assertNotEquals(before, r.version());
      version = r.version();
    }
    assertEquals(List.of("index-" + version), indexes());
    long built = Files.getLastModifiedTime(data.resolve("index-" + version)).toMillis();
    try (CorpusManager m = manager()) {
      assertEquals(version, m.start().version());
    }
    assertEquals(built, Files.getLastModifiedTime(data.resolve("index-" + version)).toMillis());
  }

  @Test
  void aRestartThatReusesTheIndexStillKnowsEveryArticleAndTariffEvent() throws Exception {
    List<Corpus.ArticleInfo> built;
    int events;
    try (CorpusManager m = manager();
        CorpusManager.Lease lease = acquired(m)) {
      built = lease.corpus().articles();
      events = lease.corpus().tariffs().size();
    }
    assertEquals(2, events);
    try (CorpusManager m = manager();
        CorpusManager.Lease lease = acquired(m)) {
      assertEquals(built, lease.corpus().articles());
      assertEquals(events, lease.corpus().tariffs().size());
      assertEquals(4, lease.corpus().index().passageCount());
    }
  }

  private static CorpusManager.Lease acquired(CorpusManager m) {
    m.start();
    return m.acquire();
  }

  @Test
  void aChangedConfigDataFileChangesTheVersion() throws Exception {
    Path config = tmp.resolve("config");
    CorpusManagerIT.copy(Path.of("config"), config);
    try (CorpusManager m =
        new CorpusManager(knowledge, config, IndexStore.onDisk(data), Clock.systemUTC())) {
      String before = m.start().version();
      Files.writeString(
          config.resolve("abbreviations.txt"),
          Files.readString(config.resolve("abbreviations.txt")) + "\nZzz.\n");
      ReloadReport r = m.reload("test", "test").get();
      assertEquals(ReloadReport.Outcome.SWAPPED, r.outcome());
      assertNotEquals(before, r.version());
    }
  }

  @Test
  void aReloadThatLoadsNothingIsRefusedAndLeavesNoPartialIndex() throws Exception {
    try (CorpusManager m = manager()) {
      String serving = m.start().version();
      Files.delete(knowledge.resolve("a.txt"));
      Files.writeString(knowledge.resolve("b.txt"), "no front matter\n");
      ReloadReport r = m.reload("test", "test").get();
      assertEquals(ReloadReport.Outcome.REFUSED, r.outcome());
      assertEquals(serving, r.version());
      try (CorpusManager.Lease lease = m.acquire()) {
        assertEquals(serving, lease.corpus().version());
        assertEquals(4, lease.corpus().index().passageCount());
      }
      assertEquals(List.of("index-" + serving), indexes());
    }
  }
}
