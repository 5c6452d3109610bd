package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
  static byte[] page(String name) throws IOException {
    try (InputStream in = HtmlPageTest.class.getResourceAsStream("/html/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void wireArticleKeepsItsStoryWithoutNavigationAdSlotShareBarCaptionRelatedLinksOrFooter()
      throws IOException {
    HtmlPage p = HtmlPage.read(page("wire-article.html"));

    assertEquals(
        List.of(
            "BEIJING — China will cut its tariff on US soybeans to 3% from 13% starting December"
                + " 10, the finance ministry said on Friday, the latest step in a truce that has"
                + " cooled the trade war.",
            "The ministry said the lower rate would also apply to US pork, and that the move was"
                + " meant to “create good conditions” for talks planned in January.",
            "Farm groups in Iowa welcomed the cut. “Our growers have waited two seasons for"
                + " this,” said Mark Hollis, president of the state’s soybean association.",
            "A fragile truce",
            "Analysts cautioned that the cut could be reversed if negotiations stall, as happened"
                + " in 2019."),
        p.paragraphs());
    assertEquals("China lowers tariffs on US soybeans and pork ahead of winter talks", p.title());
    assertEquals("Pacific Trade Review", p.outlet());
    assertEquals(LocalDate.of(2025, 12, 5), p.published());
    assertEquals("https://ptr.example.com/2025/12/05/china-lowers-farm-tariffs", p.url());
    assertEquals("Lena Park", p.author());
  }

  @Test
  void blogLayoutWithoutArticleElementTakesTheParagraphsBesideTheSidebarAndDropsBoxesAndComments()
      throws IOException {
    HtmlPage p = HtmlPage.read(page("cms-blog.html"));

    assertEquals(
        List.of(
            "WASHINGTON — The Office of the US Trade Representative said on Monday it would"
                + " suspend for one year the port fees it charges on Chinese-built and"
                + " Chinese-operated ships.",
            "The fees, which began in October at $50 per net ton, were to rise in April. China had"
                + " answered them with special port charges on US vessels, which it said it would"
                + " also suspend.",
            "Shipping lines said the pause would ease costs on trans-Pacific routes. “This takes a"
                + " real weight off carriers for the coming season,” said Priya Nair, an analyst"
                + " at Tidewater Research.",
            "The trade representative’s office said the suspension follows commitments both"
                + " governments made in November."),
        p.paragraphs());
    // Only JSON-LD says what the page is: its article node, not the site's, names it.
    assertEquals("US delays port fees on Chinese-built ships for a year", p.title());
    assertEquals("Harbor Ledger", p.outlet());
    assertEquals(LocalDate.of(2025, 12, 8), p.published());
    assertEquals("https://harborledger.example.org/2025/12/08/port-fees-delayed/", p.url());
    assertEquals("Dana Ortiz", p.author());
  }

  @Test
  void legacyTablePageInItsOwnCharsetDropsTheLinkLineAndTrendingBoxAndNamesNoOutletOrDate()
      throws IOException {
    HtmlPage p = HtmlPage.read(page("legacy-table.html"));

    assertEquals(
        List.of(
            "SHANGHAI — China’s commerce ministry on Tuesday added five US drone makers to its"
                + " export control list, barring them from buying Chinese dual-use goods.",
            "The ministry said the companies had supplied parts for weapons sold to Taiwan. It did"
                + " not name the parts.",
            "A spokesman for one of the companies said it buys no goods from China and expects"
                + " “no effect” on its business."),
        p.paragraphs());
    assertEquals("Beijing adds US drone makers to export control list", p.title());
    assertNull(p.outlet());
    assertNull(p.published());
    assertNull(p.url());
    assertEquals("Wei Zhang", p.author());
  }

  @Test
  void titleTagLosesTheOutletSuffixWhenNothingElseNamesTheHeadline() {
    HtmlPage p =
        HtmlPage.read(
            ("<html><head><title>Tariffs rise again - Daily Ledger</title>"
                    + "<meta property='og:site_name' content='Daily Ledger'></head>"
                    + "<body><p>Tariffs rose again on Monday.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));

    assertEquals("Tariffs rise again", p.title());
    assertEquals(List.of("Tariffs rose again on Monday."), p.paragraphs());
  }

  @Test
  void brokenStructuredDataIsIgnoredAndTheMetaTagsStillCount() {
    HtmlPage p =
        HtmlPage.read(
            ("<html><head><script type='application/ld+json'>{not json</script>"
                    + "<meta name='date' content='2025-03-04'></head>"
                    + "<body><h1>A headline</h1><p>Text.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));

    assertEquals("A headline", p.title());
    assertEquals(LocalDate.of(2025, 3, 4), p.published());
  }
}
