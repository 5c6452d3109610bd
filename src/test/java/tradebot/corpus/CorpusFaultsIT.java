package tradebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tradebot.index.IndexStore;
import tradebot.index.SearchQuery;
import tradebot.index.TermGroup;

/**
 * Faults under the corpus: a data directory that cannot be written, index files corrupted on disk,
 * and knowledge files deleted while a reload reads them. The bot keeps answering and says why.
 */
class CorpusFaultsIT {
  @TempDir Path tmp;
  Path knowledge;
  Path config;
  Path data;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void copySeeds() throws IOException {
    knowledge = CorpusManagerIT.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    config = CorpusManagerIT.copy(Path.of("config"), tmp.resolve("config"));
    data = tmp.resolve("data");
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void detach() {
    root().detachAppender(logs);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private CorpusManager manager(IndexStore store) {
    return new CorpusManager(knowledge, config, store, Clock.systemUTC());
  }

  private List<String> logged(Level level) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static boolean answersMnuchin(CorpusManager m) {
    try (CorpusManager.Lease lease = m.acquire()) {
      return !lease
          .corpus()
          .index()
          .search(new SearchQuery(List.of(new TermGroup(List.of("Mnuchin"), 1f, false)), 5))
          .isEmpty();
    }
  }

  @Test
  void anUnwritableDataDirectorySaysSoAndKeepsTheIndexInMemory() throws Exception {
    Path blocked = Files.writeString(tmp.resolve("not-a-directory"), "a file, not a directory");
    IndexStore store = IndexStore.onDisk(blocked.resolve("data"));

    assertFalse(store.persistent());
    assertEquals(
        List.of(
            "data directory "
                + blocked.resolve("data")
                + " is not writable (java.nio.file.FileSystemException: "
                + blocked.resolve("data")
                + ": Not a directory); keeping the index in memory"),
        logged(Level.ERROR));
    try (CorpusManager m = manager(store)) {
      assertEquals(4, m.start().articles());
      assertTrue(answersMnuchin(m));
      Files.writeString(
          knowledge.resolve("extra.txt"),
          "---\nid: extra\ntitle: \"Extra\"\noutlet: \"W\"\npublished: 2020-02-02\n---\nSoybean purchases resumed.\n");
      assertEquals(
          ReloadReport.Outcome.SWAPPED,
          m.reload("mod", "test").get(30, TimeUnit.SECONDS).outcome());
    }
  }

  /** Starts once to build the index, and returns the version and passage count it has. */
  private ReloadReport buildOnce() {
    try (CorpusManager m = manager(IndexStore.onDisk(data))) {
      return m.start();
    }
  }

  private List<Path> indexFiles(String version) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("index-" + version))) {
      return files.sorted().toList();
    }
  }

  /** Starts again over the damaged index: the same corpus, rebuilt, and why in the log. */
  private void assertRebuiltOnStart(ReloadReport first) throws Exception {
    try (CorpusManager m = manager(IndexStore.onDisk(data))) {
      ReloadReport again = m.start();
      assertEquals(first.version(), again.version());
      assertEquals(first.passages(), again.passages());
      assertTrue(answersMnuchin(m));
    }
    assertTrue(
        logged(Level.WARN).stream()
            .anyMatch(
                l ->
                    l.startsWith("index " + first.version() + " is unreadable (")
                        && l.endsWith("); rebuilding it from the knowledge files")),
        logged(Level.WARN).toString());
    // And what was rebuilt opens cleanly.
    logs.list.clear();
    try (CorpusManager m = manager(IndexStore.onDisk(data))) {
      assertEquals(first.version(), m.start().version());
    }
    assertEquals(List.of(), logged(Level.WARN));
  }

  @Test
  void indexFilesOverwrittenWithGarbageAreRebuiltFromTheKnowledgeFiles() throws Exception {
    ReloadReport first = buildOnce();
    for (Path f : indexFiles(first.version())) {
      byte[] garbage = new byte[(int) Files.size(f)];
      new java.util.Random(7).nextBytes(garbage);
      Files.write(f, garbage);
    }
    assertRebuiltOnStart(first);
  }

  @Test
  void oneFlippedByteInTheMiddleOfTheIndexIsFoundAndTheIndexRebuilt() throws Exception {
    ReloadReport first = buildOnce();
    Path largest =
        indexFiles(first.version()).stream()
            .max(Comparator.comparingLong(p -> p.toFile().length()))
            .orElseThrow();
    try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
      long middle = f.length() / 2;
      f.seek(middle);
      int b = f.read();
      f.seek(middle);
      f.write(b ^ 0x5a);
    }
    assertRebuiltOnStart(first);
  }

  @Test
  void truncatedAndMissingIndexFilesAreRebuiltFromTheKnowledgeFiles() throws Exception {
    ReloadReport first = buildOnce();
    List<Path> files = indexFiles(first.version());
    try (RandomAccessFile f = new RandomAccessFile(files.getLast().toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    Files.delete(files.getFirst());
    assertRebuiltOnStart(first);
  }

  @Test
  void aCurrentFileNamingAMissingOrForeignIndexIsRebuilt() throws Exception {
    ReloadReport first = buildOnce();
    for (String current : List.of("../../../etc\n", "", "\0\0\0")) {
      Files.writeString(data.resolve("CURRENT"), current);
      try (CorpusManager m = manager(IndexStore.onDisk(data))) {
        ReloadReport again = m.start();
        assertEquals(first.version(), again.version());
        assertTrue(answersMnuchin(m));
      }
      assertEquals(first.version(), Files.readString(data.resolve("CURRENT")).strip());
    }
    Files.walk(data.resolve("index-" + first.version()))
        .sorted(Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    try (CorpusManager m = manager(IndexStore.onDisk(data))) {
      assertEquals(first.passages(), m.start().passages());
      assertTrue(answersMnuchin(m));
    }
  }

  @Test
  void knowledgeFilesDeletedWhileReloadsReadThemNeverBreakAReload() throws Exception {
    // Churn: one file appears and vanishes over and over while reloads run back to back.
    Path churn = knowledge.resolve("churn.txt");
    String text =
        "---\nid: churn\ntitle: \"Churn\"\noutlet: \"W\"\npublished: 2020-02-02\n---\n"
            + "Soybean purchases resumed after the talks.\n".repeat(200);
    AtomicBoolean stop = new AtomicBoolean();
    Thread churner =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  Files.writeString(churn, text);
                  Files.deleteIfExists(churn);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    Map<ReloadReport.Outcome, Integer> outcomes = new EnumMap<>(ReloadReport.Outcome.class);
    List<String> messages = new ArrayList<>();
    try (CorpusManager m = manager(IndexStore.onDisk(data))) {
      m.start();
      churner.start();
      try {
        for (int i = 0; i < 60; i++) {
          ReloadReport r = m.reload("mod", "test").get(30, TimeUnit.SECONDS);
          outcomes.merge(r.outcome(), 1, Integer::sum);
          if (r.outcome() == ReloadReport.Outcome.FAILED) {
            messages.add(r.message());
          }
          r.errors().forEach(e -> messages.add(e.toString()));
          assertTrue(answersMnuchin(m), "the seed articles serve throughout");
        }
      } finally {
        stop.set(true);
        churner.join();
      }
      Files.deleteIfExists(churn);
      ReloadReport settled = m.reload("mod", "test").get(30, TimeUnit.SECONDS);
      assertTrue(settled.ok(), settled.message());
      assertEquals(4, settled.articles());
    }
    System.out.println("churn outcomes " + outcomes + " " + messages);
    assertFalse(outcomes.containsKey(ReloadReport.Outcome.FAILED), messages.toString());
  }
}
