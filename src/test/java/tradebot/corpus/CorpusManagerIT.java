package tradebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.index.IndexStore;

class CorpusManagerIT {
  private static final String AP = "2018-05-04-ap-beijing-talks";

  @TempDir Path tmp;
  Path knowledge;
  Path config;
  Path data;

  @BeforeEach
  void copySeeds() throws IOException {
    knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    config = copy(Path.of("config"), tmp.resolve("config"));
    data = tmp.resolve("data");
  }

  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private CorpusManager manager() {
    return new CorpusManager(knowledge, config, IndexStore.onDisk(data), Clock.systemUTC());
  }

  private List<String> indexDirs() throws IOException {
    try (Stream<Path> s = Files.list(data)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("index-"))
          .sorted()
          .toList();
    }
  }

  private String current() throws IOException {
    return Files.readString(data.resolve("CURRENT")).strip();
  }

  @Test
  void fileBrokenBetweenReloadsKeepsTheOldIndexServingAndReportsTheError() throws Exception {
    try (CorpusManager m = manager()) {
      ReloadReport first = m.start();
      assertEquals(4, first.articles());
      Path ap = knowledge.resolve(AP + ".txt");
      byte[] good = Files.readAllBytes(ap);
      byte[] broken = good.clone();
      broken[200] = 0;
      Files.write(ap, broken);

      ReloadReport r = m.reload("mod", "test").get(30, TimeUnit.SECONDS);

      assertEquals(ReloadReport.Outcome.REFUSED, r.outcome());
      assertEquals(first.version(), r.version());
      assertEquals(1, r.errors().size());
      assertEquals(ap, r.errors().getFirst().file());
      assertTrue(
          r.errors().getFirst().message().startsWith("binary file: NUL byte at offset 200"),
          r.errors().toString());
      assertTrue(r.message().contains("the old index keeps serving"), r.message());
      try (CorpusManager.Lease lease = m.acquire()) {
        assertEquals(first.version(), lease.corpus().version());
        assertTrue(lease.corpus().articles().stream().anyMatch(a -> a.source().id().equals(AP)));
        assertFalse(lease.corpus().index().search(query("Mnuchin")).isEmpty());
      }
      assertEquals(List.of("index-" + first.version()), indexDirs());

      Files.write(ap, good);
      ReloadReport fixed = m.reload("mod", "test").get(30, TimeUnit.SECONDS);
      assertEquals(ReloadReport.Outcome.UNCHANGED, fixed.outcome());
      assertEquals(List.of(), fixed.errors());
    }
  }

  @Test
  void newBrokenFileIsSkippedAndReportedWhileTheRestReloads() throws Exception {
    try (CorpusManager m = manager()) {
      m.start();
      Files.writeString(knowledge.resolve("new-article.txt"), "no front matter here\n");
      Files.writeString(
          knowledge.resolve("2020-01-15-phase-one.txt"),
          "---\nid: 2020-01-15-phase-one\ntitle: \"Phase one deal signed\"\noutlet: \"Test Wire\"\npublished: 2020-01-15\n---\n"
              + "The United States and China signed the phase one trade deal in Washington on Wednesday.\n");

      ReloadReport r = m.reload("mod", "test").get(30, TimeUnit.SECONDS);

      assertEquals(ReloadReport.Outcome.SWAPPED, r.outcome());
      assertEquals(List.of("2020-01-15-phase-one"), r.added());
      assertEquals(5, r.articles());
      assertEquals(1, r.errors().size());
      assertEquals(knowledge.resolve("new-article.txt"), r.errors().getFirst().file());
      assertEquals(1, r.errors().getFirst().line());
    }
  }

  @Test
  void emptyKnowledgeDirectoryIsRefused() throws Exception {
    try (CorpusManager m = manager()) {
      ReloadReport first = m.start();
      try (Stream<Path> files = Files.list(knowledge)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      ReloadReport r = m.reload("mod", "test").get(30, TimeUnit.SECONDS);
      assertEquals(ReloadReport.Outcome.REFUSED, r.outcome());
      assertEquals(4, r.articles());
      try (CorpusManager.Lease lease = m.acquire()) {
        assertEquals(first.version(), lease.corpus().version());
      }
    }
  }

  @Test
  void reportNamesAddedChangedAndRemovedArticles() throws Exception {
    try (CorpusManager m = manager()) {
      m.start();
      Files.delete(knowledge.resolve("2018-09-21-wapo-china-cancels-talks.txt"));
      Files.writeString(
          knowledge.resolve(AP + ".txt"),
          Files.readString(knowledge.resolve(AP + ".txt"))
              + "\nA sentence added at the end for this test.\n");
      Files.writeString(
          knowledge.resolve("extra.txt"),
          "---\nid: extra\ntitle: \"Extra\"\noutlet: \"Test Wire\"\npublished: 2020-02-02\n---\nTariffs on Chinese steel rose to 30 percent.\n");

      ReloadReport r = m.reload("mod", "test").get(30, TimeUnit.SECONDS);

      assertEquals(ReloadReport.Outcome.SWAPPED, r.outcome());
      assertEquals(List.of("extra"), r.added());
      assertEquals(List.of(AP), r.changed());
      assertEquals(List.of("2018-09-21-wapo-china-cancels-talks"), r.removed());
      assertEquals(4, r.articles());
      assertTrue(r.message().contains("(1 added, 1 changed, 1 removed)"), r.message());
    }
  }

  @Test
  void concurrentRequestsDuringABuildCoalesceIntoOneBuild() throws Exception {
    try (CorpusManager m = manager()) {
      m.start();
      CountDownLatch building = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      List<ReloadReport> reports = new CopyOnWriteArrayList<>();
      m.onReload(
          r -> {
            reports.add(r);
            building.countDown();
            try {
              release.await(30, TimeUnit.SECONDS); // holds the builder: later requests queue
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      CompletableFuture<ReloadReport> first = m.reload("a", "test");
      assertTrue(building.await(30, TimeUnit.SECONDS));
      CompletableFuture<ReloadReport> second = m.reload("b", "test");
      CompletableFuture<ReloadReport> third = m.reload("c", "api");
      CompletableFuture<ReloadReport> fourth = m.reload("d", "discord");
      release.countDown();

      assertNotSame(first, second);
      assertSame(second, third);
      assertSame(second, fourth);
      fourth.get(30, TimeUnit.SECONDS);
      assertEquals(2, reports.size());
    }
  }

  @Test
  void oldIndexDirectoryGoesOnceTheLastQuestionOnItIsDone() throws Exception {
    try (CorpusManager m = manager()) {
      String v1 = m.start().version();
      CorpusManager.Lease inFlight = m.acquire();
      Files.writeString(
          knowledge.resolve("extra.txt"),
          "---\nid: extra\ntitle: \"Extra\"\noutlet: \"W\"\npublished: 2020-02-02\n---\nSoybean purchases resumed.\n");
      String v2 = m.reload("mod", "test").get(30, TimeUnit.SECONDS).version();

      assertEquals(List.of("index-" + v1, "index-" + v2).stream().sorted().toList(), indexDirs());
      assertFalse(
          inFlight.corpus().index().search(query("Mnuchin")).isEmpty(),
          "the old searcher still answers");
      assertEquals(v2, current());

      inFlight.close();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (indexDirs().size() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(List.of("index-" + v2), indexDirs());
    }
  }

  @Test
  void partialBuildLeftByACrashIsIgnoredAndRemovedAtTheNextStart() throws Exception {
    String good;
    try (CorpusManager m = manager()) {
      good = m.start().version();
    }
    // What a build killed midway leaves: a half-written directory of a dead process, a CURRENT.tmp.
    Path partial =
        Files.createDirectories(data.resolve("index-0123456789ab.build-" + Long.MAX_VALUE + "-1"));
    Files.write(partial.resolve("_0.cfs"), new byte[] {1, 2, 3});
    Files.writeString(data.resolve("CURRENT.tmp"), "0123456789ab\n");

    try (CorpusManager m = manager()) {
      ReloadReport r = m.start();
      assertEquals(good, r.version());
      assertEquals(4, r.articles());
      assertEquals(good, current());
      assertEquals(List.of("index-" + good), indexDirs());
    }
  }

  @Test
  void buildKilledMidwayLeavesTheLastGoodIndexToOpenAtTheNextStart() throws Exception {
    // Many articles make each build long enough to be caught in the act.
    for (int i = 0; i < 12; i++) {
      for (String seed : List.of(AP, "2019-05-10-cnn-talks-end-without-deal")) {
        String text =
            Files.readString(Path.of("knowledge", seed + ".txt"))
                .replace("id: " + seed, "id: copy-" + i + "-" + seed);
        Files.writeString(knowledge.resolve("copy-" + i + "-" + seed + ".txt"), text);
      }
    }
    String base =
        "---\nid: variant\ntitle: \"Variant\"\noutlet: \"Test Wire\"\npublished: 2020-03-03\n---\n";
    Path a =
        Files.writeString(
            tmp.resolve("a.txt"), base + "Tariffs on Chinese steel rose to 25 percent in March.\n");
    Path b =
        Files.writeString(
            tmp.resolve("b.txt"),
            base + "Tariffs on Chinese steel rose to 35 percent in March.\nA second sentence.\n");
    Files.copy(a, knowledge.resolve("variant.txt"));

    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ReloadLoop.class.getName(),
                knowledge.toString(),
                config.toString(),
                data.toString(),
                "variant.txt",
                a.toString(),
                b.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  lines.add(l);
                }
              } catch (IOException e) {
                // the child was killed
              }
            });
    reader.start();
    Map<String, String> variantOf = new HashMap<>();
    Map<String, Integer> passagesOf = new HashMap<>();
    boolean caught = false;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline && !caught) {
        for (String l = lines.poll(); l != null; l = lines.poll()) {
          String[] f = l.split(" ");
          variantOf.put(f[2], f[1]);
          passagesOf.put(f[2], Integer.parseInt(f[3]));
        }
        if (variantOf.size() == 2 && Files.isDirectory(data) && buildUnderWay()) {
          child.destroyForcibly();
          caught = true;
        } else {
          Thread.sleep(1);
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    assertTrue(caught, "never saw a build under way to kill; lines: " + variantOf);

    String last = current();
    assertTrue(
        variantOf.containsKey(last),
        "CURRENT names a complete build: " + last + " of " + variantOf);
    try (var index = IndexStore.onDisk(data).openCurrent()) {
      assertEquals((int) passagesOf.get(last), index.passageCount());
    }
    // The files as they were for the last good index: it opens, and the dead build is cleared away.
    Files.copy(
        variantOf.get(last).equals("A") ? a : b,
        knowledge.resolve("variant.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (CorpusManager m = manager()) {
      ReloadReport r = m.start();
      assertEquals(last, r.version());
      assertEquals((int) passagesOf.get(last), r.passages());
      assertEquals(List.of("index-" + last), indexDirs());
    }
  }

  private boolean buildUnderWay() throws IOException {
    try (Stream<Path> s = Files.list(data)) {
      return s.anyMatch(p -> p.getFileName().toString().contains(".build-"));
    }
  }

  @Test
  void watcherReloadsWhenAnArticleIsAdded() throws Exception {
    try (CorpusManager m = manager()) {
      m.start();
      BlockingQueue<ReloadReport> reports = new LinkedBlockingQueue<>();
      m.onReload(reports::add);
      m.watch(Duration.ofMillis(200));
      Files.writeString(
          knowledge.resolve("watched.txt"),
          "---\nid: watched\ntitle: \"Watched\"\noutlet: \"W\"\npublished: 2020-02-02\n---\nExports of soybeans fell sharply.\n");

      List<ReloadReport> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.stream().noneMatch(r -> r.added().contains("watched"))
          && System.nanoTime() < deadline) {
        ReloadReport r = reports.poll(1, TimeUnit.SECONDS);
        if (r != null) {
          seen.add(r);
        }
      }
      assertTrue(
          seen.stream().anyMatch(r -> r.added().equals(List.of("watched"))), seen.toString());
    }
  }

  private static tradebot.index.SearchQuery query(String word) {
    return new tradebot.index.SearchQuery(
        List.of(new tradebot.index.TermGroup(List.of(word), 1f, false)), 5);
  }
}
