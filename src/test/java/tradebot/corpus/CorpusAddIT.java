package tradebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.index.IndexStore;
import tradebot.knowledge.ArticleUpload;
import tradebot.knowledge.LoadError;

class CorpusAddIT {
  private static final String AP = "2018-05-04-ap-beijing-talks";
  private static final Clock DEC_2025 =
      Clock.fixed(Instant.parse("2025-12-20T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  Path knowledge;
  Path config;

  @BeforeEach
  void copySeeds() throws IOException {
    knowledge = CorpusManagerIT.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    config = CorpusManagerIT.copy(Path.of("config"), tmp.resolve("config"));
  }

  private CorpusManager manager() {
    return new CorpusManager(knowledge, config, IndexStore.onDisk(tmp.resolve("data")), DEC_2025);
  }

  private static ArticleUpload.Prepared.Ready wirePage() throws IOException {
    try (InputStream in = CorpusAddIT.class.getResourceAsStream("/html/wire-article.html")) {
      return (ArticleUpload.Prepared.Ready)
          ArticleUpload.prepare("page.html", in.readAllBytes(), ArticleUpload.Fields.none());
    }
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(knowledge)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void addedPageIsWrittenLoadedAndItsNewTariffLevelIsInTheReport() throws Exception {
    ArticleUpload.Prepared.Ready page = wirePage();
    try (CorpusManager m = manager()) {
      m.start();

      CorpusManager.Added.Loaded added =
          (CorpusManager.Added.Loaded)
              m.add(page.fileName(), page.content(), "mod", "test").get(60, TimeUnit.SECONDS);

      ReloadReport r = added.report();
      assertTrue(added.kept());
      assertEquals(knowledge.resolve(page.fileName()), added.file());
      assertEquals(ReloadReport.Outcome.SWAPPED, r.outcome());
      String id = page.fileName().replaceFirst("\\.txt$", "");
      assertEquals(List.of(id), r.added());
      assertEquals(5, r.articles());
      assertEquals(
          List.of(
              "BEIJING — China will cut its tariff on US soybeans to 3% from 13% starting December"
                  + " 10, the finance ministry said on Friday, the latest step in a truce that has"
                  + " cooled the trade war."),
          r.tariffEvents().stream().map(e -> e.quote()).toList());
      assertEquals("CN", r.tariffEvents().getFirst().imposer());
      assertEquals(3.0, r.tariffEvents().getFirst().ratePercent());
      // No hidden temporary file is left behind.
      assertEquals(
          List.of(
              "2018-05-04-ap-beijing-talks.txt",
              "2018-09-21-wapo-china-cancels-talks.txt",
              "2019-05-10-cnn-talks-end-without-deal.txt",
              "2025-04-11-bloomberg-tariffs-peak-125.txt",
              page.fileName()),
          files());
      try (CorpusManager.Lease lease = m.acquire()) {
        assertTrue(lease.corpus().articles().stream().anyMatch(a -> a.source().id().equals(id)));
      }
    }
  }

  @Test
  void brokenUploadIsRefusedWithTheLoadersLineAndNothingIsWrittenOrReloaded() throws Exception {
    try (CorpusManager m = manager()) {
      ReloadReport first = m.start();
      byte[] broken =
          "---\ntitle: T\noutlet: O\npublished: 5 May\n---\nText here.\n"
              .getBytes(StandardCharsets.UTF_8);

      CorpusManager.Added a = m.add("broken.md", broken, "mod", "test").get(60, TimeUnit.SECONDS);

      assertEquals(
          new CorpusManager.Added.Refused(
              new LoadError(
                  Path.of("broken.md"), 4, "published must be an ISO date like 2025-04-11: 5 May")),
          a);
      assertFalse(files().contains("broken.md"));
      try (CorpusManager.Lease lease = m.acquire()) {
        assertEquals(first.version(), lease.corpus().version());
      }
    }
  }

  @Test
  void uploadIsRefusedWhenItsIdServesOrItsNameIsTakenOrItNamesADirectory() throws Exception {
    try (CorpusManager m = manager()) {
      m.start();
      byte[] sameId =
          ("---\nid: " + AP + "\ntitle: T\noutlet: O\npublished: 2025-05-05\n---\nText here.\n")
              .getBytes(StandardCharsets.UTF_8);

      CorpusManager.Added dup = m.add("other.md", sameId, "mod", "test").get(60, TimeUnit.SECONDS);
      CorpusManager.Added taken =
          m.add(AP + ".txt", sameId, "mod", "test").get(60, TimeUnit.SECONDS);
      CorpusManager.Added outside =
          m.add("../escape.md", sameId, "mod", "test").get(60, TimeUnit.SECONDS);

      assertEquals(
          "other.md: duplicate id '" + AP + "': an article of that id already serves",
          ((CorpusManager.Added.Refused) dup).error().toString());
      assertEquals(
          AP
              + ".txt: a file of that name is already in the knowledge directory; remove it or"
              + " rename the upload to replace it",
          ((CorpusManager.Added.Refused) taken).error().toString());
      assertEquals(
          "../escape.md: not a knowledge file name (a .md or .txt name without a directory):"
              + " ../escape.md",
          ((CorpusManager.Added.Refused) outside).error().toString());
      assertFalse(Files.exists(tmp.resolve("escape.md")));
      assertEquals(4, files().size());
    }
  }

  @Test
  void uploadWhoseReloadIsRefusedIsTakenOutAgainAndTheOldCorpusServes() throws Exception {
    ArticleUpload.Prepared.Ready page = wirePage();
    try (CorpusManager m = manager()) {
      ReloadReport first = m.start();
      // A file that serves breaks meanwhile: the reload refuses, the upload must not stay.
      Path ap = knowledge.resolve(AP + ".txt");
      Files.writeString(ap, "no front matter any more\n");

      CorpusManager.Added.Loaded added =
          (CorpusManager.Added.Loaded)
              m.add(page.fileName(), page.content(), "mod", "test").get(60, TimeUnit.SECONDS);

      assertFalse(added.kept());
      assertEquals(ReloadReport.Outcome.REFUSED, added.report().outcome());
      assertFalse(Files.exists(knowledge.resolve(page.fileName())));
      try (CorpusManager.Lease lease = m.acquire()) {
        assertEquals(first.version(), lease.corpus().version());
      }
    }
  }
}
