package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleUploadTest {
  private static final Ingester INGESTER = Ingester.fromConfig(Path.of("config"));

  private static ArticleUpload.Fields fields(String title, String outlet, String published) {
    return new ArticleUpload.Fields(title, outlet, published, null, null);
  }

  private static Document load(ArticleUpload.Prepared prepared) throws Exception {
    ArticleUpload.Prepared.Ready ready = (ArticleUpload.Prepared.Ready) prepared;
    return new KnowledgeLoader(INGESTER).check(Path.of(ready.fileName()), ready.content());
  }

  @Test
  void savedPageBecomesAnArticleFileNamedByDayOutletAndTitleThatTheLoaderReadsBack()
      throws Exception {
    ArticleUpload.Prepared p =
        ArticleUpload.prepare(
            "China lowers tariffs.html",
            HtmlPageTest.page("wire-article.html"),
            ArticleUpload.Fields.none());

    assertEquals(
        "2025-12-05-pacific-trade-review-china-lowers-tariffs-on-us-soybeans-and-pork.txt",
        ((ArticleUpload.Prepared.Ready) p).fileName());
    Document d = load(p);
    Source s = d.article().source();
    assertEquals(
        "2025-12-05-pacific-trade-review-china-lowers-tariffs-on-us-soybeans-and-pork", s.id());
    assertEquals("China lowers tariffs on US soybeans and pork ahead of winter talks", s.title());
    assertEquals("Pacific Trade Review", s.outlet());
    assertEquals(LocalDate.of(2025, 12, 5), s.published());
    assertEquals("https://ptr.example.com/2025/12/05/china-lowers-farm-tariffs", s.url());
    assertEquals("Lena Park", s.author());
    assertEquals(
        "BEIJING — China will cut its tariff on US soybeans to 3% from 13% starting December 10,"
            + " the finance ministry said on Friday, the latest step in a truce that has cooled"
            + " the trade war.",
        d.sentences().getFirst().text());
  }

  @Test
  void pageWithoutOutletOrDateAsksForBothAndTakesThemFromTheFields() throws Exception {
    byte[] page = HtmlPageTest.page("legacy-table.html");

    ArticleUpload.Prepared asked = ArticleUpload.prepare("drones.htm", page, null);
    ArticleUpload.Prepared given =
        ArticleUpload.prepare("drones.htm", page, fields(null, "Eastern Wire", "2025-12-09"));

    assertEquals(List.of("outlet", "published"), ((ArticleUpload.Prepared.Missing) asked).fields());
    assertEquals(
        "the file does not say its outlet, published: give them with the command, e.g."
            + " outlet: Reuters published: 2025-04-11",
        ((ArticleUpload.Prepared.Missing) asked).message());
    Source s = load(given).article().source();
    assertEquals("Beijing adds US drone makers to export control list", s.title());
    assertEquals("Eastern Wire", s.outlet());
    assertEquals(LocalDate.of(2025, 12, 9), s.published());
    assertEquals("Wei Zhang", s.author());
  }

  @Test
  void fieldsGivenWinOverThePagesOwnMetaTags() throws Exception {
    ArticleUpload.Prepared p =
        ArticleUpload.prepare(
            "p.html",
            HtmlPageTest.page("wire-article.html"),
            fields("Soybean tariff cut", null, "2025-12-06"));

    Source s = load(p).article().source();
    assertEquals("Soybean tariff cut", s.title());
    assertEquals("Pacific Trade Review", s.outlet());
    assertEquals(LocalDate.of(2025, 12, 6), s.published());
  }

  @Test
  void articleWithFrontMatterIsKeptByteForByteUnderItsOwnNameAndFieldsAreNotedAsUnused() {
    byte[] file =
        "---\ntitle: T\noutlet: O\npublished: 2025-01-02\n---\nA sentence here.\n"
            .getBytes(StandardCharsets.UTF_8);

    ArticleUpload.Prepared.Ready r =
        (ArticleUpload.Prepared.Ready)
            ArticleUpload.prepare("My Article (1).md", file, fields("X", null, null));

    assertEquals("My-Article-1-.md", r.fileName());
    assertArrayEquals(file, r.content());
    assertEquals(
        List.of("the fields given with the file are not used: its front matter names its source"),
        r.notes());
  }

  @Test
  void plainTextWithoutFrontMatterGetsItFromTheFieldsAndKeepsItsName() throws Exception {
    byte[] text = "China raised tariffs on US goods on Monday.\n".getBytes(StandardCharsets.UTF_8);

    ArticleUpload.Prepared none = ArticleUpload.prepare("note.txt", text, null);
    ArticleUpload.Prepared p =
        ArticleUpload.prepare("note.txt", text, fields("Tariffs raised", "Desk", "2025-02-03"));

    assertEquals(
        List.of("title", "outlet", "published"), ((ArticleUpload.Prepared.Missing) none).fields());
    assertEquals("note.txt", ((ArticleUpload.Prepared.Ready) p).fileName());
    assertEquals("Tariffs raised", load(p).article().source().title());
  }

  @Test
  void uploadNamesLoseTheirDirectoriesAndOtherKindsOfFileAreRefusedByName() {
    byte[] file =
        "---\ntitle: T\noutlet: O\npublished: 2025-01-02\n---\nText.\n"
            .getBytes(StandardCharsets.UTF_8);

    assertEquals(
        "x.md",
        ((ArticleUpload.Prepared.Ready) ArticleUpload.prepare("../../etc/x.md", file, null))
            .fileName());
    assertEquals(
        "x.md",
        ((ArticleUpload.Prepared.Ready) ArticleUpload.prepare("..\\x.md", file, null)).fileName());
    assertEquals(
        new ArticleUpload.Prepared.Refused(
            "a knowledge file must end in .md, .txt, .html, .htm: report.pdf"),
        ArticleUpload.prepare("report.pdf", file, null));
  }

  @Test
  void publishedFieldThatIsNoDayIsRefusedNamingIt() {
    assertEquals(
        new ArticleUpload.Prepared.Refused(
            "published must be an ISO date like 2025-04-11: 5 December"),
        ArticleUpload.prepare(
            "drones.html",
            "<p>Text.</p>".getBytes(StandardCharsets.UTF_8),
            fields("T", "O", "5 December")));
  }

  @Test
  void brokenFrontMatterIsTheLoadersOwnErrorWithItsLine() {
    byte[] file = "---\ntitle: T\noutlet: O\n---\nText.\n".getBytes(StandardCharsets.UTF_8);
    ArticleUpload.Prepared.Ready r =
        (ArticleUpload.Prepared.Ready) ArticleUpload.prepare("a.md", file, null);

    KnowledgeLoader.FileProblem p =
        org.junit.jupiter.api.Assertions.assertThrows(
            KnowledgeLoader.FileProblem.class,
            () -> new KnowledgeLoader(INGESTER).check(Path.of(r.fileName()), r.content()));
    assertEquals("front matter lacks 'published'", p.getMessage());
  }
}
