package tradebot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped rules ({@code config/boilerplate.yaml}) on the seed articles and on articles of other
 * layouts.
 */
class BoilerplateCleanerTest {
  static final BoilerplateCleaner CLEANER =
      BoilerplateCleaner.fromFile(Path.of("config/boilerplate.yaml"));

  /**
   * What the cleaner made of one body: kept lines and dropped lines with their reasons, blank lines
   * left out.
   */
  record Outcome(List<String> kept, Map<String, String> dropped) {
    static Outcome of(String body) {
      List<String> kept = new ArrayList<>();
      Map<String, String> dropped = new LinkedHashMap<>();
      for (LineVerdict v : CLEANER.classify(body)) {
        String text = BodyLines.normalize(body, v.start(), v.end());
        if (v.kept()) {
          assertEquals(BoilerplateCleaner.PROSE, v.reason());
          kept.add(text);
        } else if (!text.isEmpty()) {
          dropped.putIfAbsent(text, v.reason());
        }
      }
      return new Outcome(kept, dropped);
    }
  }

  static String body(String file) throws Exception {
    Path path = Path.of(file).toAbsolutePath();
    return KnowledgeLoader.read(path.getParent().toRealPath(), path.toRealPath()).body();
  }

  static String seed(String name) throws Exception {
    return body("knowledge/" + name);
  }

  static String article(String name) throws Exception {
    return body("src/test/resources/articles/" + name);
  }

  @Test
  void cleanerDropsEveryCnnCarouselLineAndKeepsEveryParagraph() throws Exception {
    String body = seed("2019-05-10-cnn-talks-end-without-deal.txt");
    List<LineVerdict> verdicts = CLEANER.classify(body);
    Outcome o = Outcome.of(body);

    assertEquals(26, o.kept().size());
    assertTrue(
        o.kept()
            .getFirst()
            .startsWith(
                "American and Chinese negotiators completed another round of trade talks Friday morning"));
    assertTrue(
        o.kept()
            .getLast()
            .startsWith("Still, that could change if this week’s discussions prove fruitful."));
    // Everything up to the "(CNN) —" line is carousel: 82 lines, none kept.
    int lead = body.substring(0, body.indexOf("(CNN) —")).split("\n", -1).length;
    assertEquals(82, lead);
    assertTrue(verdicts.subList(0, lead).stream().noneMatch(LineVerdict::kept));
    assertEquals("now-playing", o.dropped().get("Now playing"));
    assertEquals("clip-length", o.dropped().get("01:04"));
    assertEquals("byline-alone", o.dropped().get("(CNN) —"));
    assertEquals(
        "carousel",
        o.dropped().get("Hear what Republicans are saying about Kevin McCarthy's move"));
    assertEquals(
        "caption-echo",
        o.dropped().get("The U.S. Supreme Court on April 29, 2021 in Washington, DC."));
    assertEquals("carousel", o.dropped().get("tom williams rep clyde resurfaced photo"));
    // Every paragraph after the byline is kept, and nothing else.
    List<String> paragraphs =
        verdicts.subList(lead, verdicts.size()).stream()
            .map(v -> BodyLines.normalize(body, v.start(), v.end()))
            .filter(t -> !t.isEmpty())
            .toList();
    assertEquals(paragraphs, o.kept());
  }

  @Test
  void cleanerDropsWashingtonPostDatelineCaption() throws Exception {
    String body = seed("2018-09-21-wapo-china-cancels-talks.txt");
    LineVerdict first = CLEANER.classify(body).getFirst();
    assertFalse(first.kept());
    assertEquals("stray-dateline", first.reason());
    Outcome o = Outcome.of(body);
    assertEquals(12, o.kept().size());
    assertTrue(
        o.kept().getFirst().startsWith("China has scrapped trade talks with the United States"));
    assertEquals(1, o.dropped().size());
  }

  @Test
  void cleanerDropsApShareStoryAndTheStandfirstRepeatedInTheBody() throws Exception {
    String body = seed("2018-05-04-ap-beijing-talks.txt");
    Outcome o = Outcome.of(body);
    String standfirst =
        "The two sides appear to be at loggerheads, with both making long lists of demands the other won’t meet, analysts say.";
    assertEquals(Map.of("Share story", "share-prompt", standfirst, "repeated-text"), o.dropped());
    assertEquals(12, o.kept().size());
    // The paragraph that repeats it is kept whole.
    assertTrue(o.kept().get(2).startsWith(standfirst + " Trump wants China to cut"));
  }

  @Test
  void cleanerDropsBloombergMostReadPhotoCaptionAndAssistanceCredit() throws Exception {
    Outcome o = Outcome.of(seed("2025-04-11-bloomberg-tariffs-peak-125.txt"));
    assertEquals(
        List.of("most-read", "caption-dateline", "with-assistance"),
        List.copyOf(o.dropped().values()));
    assertTrue(
        o.dropped().keySet().stream()
            .toList()
            .get(1)
            .startsWith("ANKARA, TURKIYE – APRIL 10: In this photo illustration"));
    assertEquals(25, o.kept().size());
    assertTrue(
        o.kept().getFirst().startsWith("(Bloomberg) — President Donald Trump has floated talks"));
    assertTrue(
        o.kept().getLast().startsWith("“China still has a lot of leverage, a lot,” she said."));
  }

  @Test
  void cleanerDropsReutersFurnitureAndKeepsHeadlineListAndShortProse() throws Exception {
    Outcome o = Outcome.of(article("reuters-style.txt"));
    assertEquals(
        List.of(
            "China says it will not be bullied as tariffs on U.S. goods take effect",
            "BEIJING (Reuters) - China said on Sunday it would not back down on major matters of principle, blaming the United States for the collapse of trade talks in a policy paper released a day after its higher tariffs on $60 billion of U.S. goods took effect.",
            "Vice Commerce Minister Wang Shouwen told reporters that the U.S. side had \"backtracked\" on commitments made in earlier rounds.",
            "“China will not be bullied,” Wang said. “If the United States wants to talk, our door is open.”",
            "The higher Chinese tariffs, of up to 25%, apply to 5,140 U.S. products, the finance ministry said.",
            "The goods on the list include:",
            "- liquefied natural gas",
            "- Aircraft parts",
            "Did Beijing blink? It did not."),
        o.kept());
    assertEquals(
        List.of(
            "reading-time",
            "byline",
            "agency-caption",
            "advertisement",
            "newsletter",
            "read-more",
            "agency-in-brackets",
            "reporting-credits",
            "copyright"),
        List.copyOf(o.dropped().values()));
  }

  @Test
  void cleanerDropsGuardianCaptionsPromptsAndMostViewedList() throws Exception {
    Outcome o = Outcome.of(article("guardian-style.txt"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("This article is more than 5 years old", "article-age");
    expected.put("Fri 10 May 2019 06.01 BST", "date-alone");
    expected.put(
        "Xi Jinping and Donald Trump in Beijing in 2017. Photograph: Nicolas Asfouri/AFP/Getty Images",
        "photograph-label");
    expected.put("Sign up to Business Today, our free daily newsletter", "newsletter");
    expected.put("Share", "share-prompt");
    expected.put("Photograph: Andy Wong/AP", "photograph-label");
    expected.put("Explore more on these topics", "share-prompt");
    expected.put("US economy", "short-line");
    expected.put("Trade wars", "short-line");
    expected.put("Reuse this content", "share-prompt");
    expected.put("Most viewed", "most-read");
    expected.put("Trump says Xi letter was beautiful", "most-read");
    expected.put("Markets fall as tariff deadline passes", "most-read");
    expected.put("Soybean farmers brace for a long fight", "most-read");
    assertEquals(expected, o.dropped());
    // Headline, standfirst and the byline without "By" are kept: no rule is sure of them.
    assertEquals(7, o.kept().size());
    assertEquals("Dominic Rushe in New York and Lily Kuo in Beijing", o.kept().get(2));
    assertEquals("“We’ll see what happens,” Trump said on Thursday evening.", o.kept().get(5));
  }

  @Test
  void cleanerDropsAVideoCarouselInAnotherLayout() throws Exception {
    Outcome o = Outcome.of(article("video-page-style.txt"));
    assertEquals(3, o.kept().size());
    assertEquals("“We are running out of patience,” said one Illinois farmer.", o.kept().getLast());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("Video", "short-line");
    expected.put("02:15", "clip-length");
    expected.put("Now playing", "now-playing");
    expected.put("How tariffs on Chinese goods hit American farmers", "carousel");
    expected.put("A soybean farmer stands in his field in Illinois.", "carousel");
    expected.put("Scott Olson/Getty Images", "getty-credit");
    expected.put("03:40", "clip-length");
    expected.put("Why China is buying fewer US soybeans", "short-line");
    expected.put(
        "A combine harvester at a dealership in Iowa, in a file photo from 2018", "carousel");
    expected.put("01:12", "clip-length");
    expected.put("Up next", "now-playing");
    expected.put("Trade war explained in 60 seconds", "carousel");
    assertEquals(expected, o.dropped());
  }

  @Test
  void cleanerDropsBloombergLinkListUnderMostReadAndContactLines() throws Exception {
    Outcome o = Outcome.of(article("bloomberg-style.txt"));
    assertEquals(
        List.of(
            "(Bloomberg) -- China’s exports fell in May as the trade war with the US weighed on demand, customs data showed Monday.",
            "Shipments to the U.S. dropped 4.2% from a year earlier, while imports from the U.S. plunged 26.7%.",
            "“The trade war is clearly hurting,” said an economist in Hong Kong.",
            "China could still curb exports of rare earths, analysts said."),
        o.kept());
    assertEquals(
        List.of(
            "most-read",
            "most-read",
            "most-read",
            "most-read",
            "photograph-label",
            "photograph-label",
            "short-line",
            "contact-credit",
            "contact-credit",
            "copyright"),
        List.copyOf(o.dropped().values()));
  }

  @Test
  void cleanerKeepsHardWrappedLinesAndListItemsOfAWireStory() throws Exception {
    Outcome o = Outcome.of(article("wire-wrapped.txt"));
    assertEquals(
        List.of(
            "WASHINGTON (AP) — The Trump administration on Monday proposed tariffs of up",
            "to 25% on another $300 billion of Chinese imports, a move that would extend",
            "the import taxes to nearly everything China ships to the United States,",
            "according to a statement released by the office of U.S. Trade",
            "Representative Robert Lighthizer",
            "on Monday evening.",
            "Among the items that would be hit:",
            "— smartphones",
            "— laptops",
            "China said it would never surrender to external pressure."),
        o.kept());
    assertEquals(
        List.of("advertisement", "photo-credit", "contributed", "copyright"),
        List.copyOf(o.dropped().values()));
  }

  @Test
  void cleanerDropsAFurnitureDensePreambleBeforeTheOpeningByline() throws Exception {
    Outcome o = Outcome.of(article("gallery-preamble.txt"));
    assertEquals(2, o.kept().size());
    assertTrue(
        o.kept().getFirst().startsWith("(CNN Business) — China will raise tariffs on $60 billion"));
    assertEquals("preamble", o.dropped().get("A worker checks steel coils at a mill in Tangshan."));
    assertEquals("preamble", o.dropped().get("Workers stack boxes for export."));
    assertEquals(
        "caption-echo",
        o.dropped().get("Soybean farmers harvest their crop near Hope, North Dakota."));
  }

  @Test
  void carouselKeepsAClipTitleShapedLikeASentence() {
    String body =
        "Now playing\n01:04\nWill tariffs hurt US farmers?\nNow playing\n02:00\nHow the trade war between the two countries began\n";
    assertEquals(
        List.of(
            "now-playing",
            "clip-length",
            "prose",
            "now-playing",
            "clip-length",
            "carousel",
            "blank"),
        CLEANER.classify(body).stream().map(LineVerdict::reason).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "More — much more — is at stake, Trump said.",
        "May 10, 2019 was the day the talks broke down.",
        "Published March 5, the report found that tariffs raised prices.",
        "With assistance from China, the project stalled.",
        "Reporting by the Journal showed the talks had stalled.",
        "Sign up for the program was slow, officials said.",
        "More from the talks is expected next week.",
        "By Friday, Beijing had retaliated with tariffs of its own.",
        "Share prices fell 3% on the news.",
        "Investors who subscribe to that view sold stocks.",
        "It did not.",
        "Tariffs rose to 25%",
        "“No deal”",
        "soybeans and pork",
      })
  void proseThatStartsOrEndsLikeFurnitureIsKept(String line) {
    String body = "The talks ended on Friday without a deal, officials said.\n" + line + "\n";
    List<LineVerdict> verdicts = CLEANER.classify(body);
    assertEquals(BoilerplateCleaner.PROSE, verdicts.get(1).reason(), line);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Advertisement | advertisement",
        "Story continues below advertisement | advertisement",
        "Sign up for our newsletter | newsletter",
        "Subscribe now | newsletter",
        "Read more: China hits back with tariffs on $60 billion of US goods | read-more",
        "Updated 10:32 AM ET, Fri May 10, 2019 | timestamp",
        "May 10, 2019 / 4:05 PM / Updated 2 hours ago | date-alone",
        "By David Lawder and Andrea Shalal, Reuters | byline",
        "WASHINGTON (AP) — | byline-alone",
        "(Bloomberg) — | byline-alone",
        "Evan Vucci/AP | credit-line",
        "Jim Watson/AFP via Getty Images | getty-credit",
        "Reuters | agency-alone",
        "—With assistance from Josh Xiao and Jordan Fabian. | with-assistance",
        "(Reporting by David Lawder in Washington; Editing by Sam Holmes) | reporting-credits",
        "Follow us on Twitter | follow-prompt",
      })
  void furnitureAloneOnItsLineIsDroppedByItsRule(String line, String rule) {
    String body = "The talks ended on Friday without a deal, officials said.\n" + line + "\n";
    assertEquals(rule, CLEANER.classify(body).get(1).reason(), line);
  }

  @Test
  void cleanerGivesOneVerdictPerLineWithItsOffsets() {
    String body = "First line of prose here.\n\n  Share story \r\nLast line.";
    List<LineVerdict> verdicts = CLEANER.classify(body);
    assertEquals(
        List.of(
            new LineVerdict(1, 0, 25, true, "prose"),
            new LineVerdict(2, 26, 26, false, "blank"),
            new LineVerdict(3, 27, 42, false, "share-prompt"),
            new LineVerdict(4, 43, 53, true, "prose")),
        verdicts);
    assertEquals(List.of(new LineVerdict(1, 0, 0, false, "blank")), CLEANER.classify(""));
  }

  @Test
  void cleanerClassifiesA200000CharacterLine() {
    String prose =
        "China raised tariffs on American goods again. ".repeat(4_400).substring(0, 200_000);
    List<LineVerdict> verdicts = CLEANER.classify("Now playing\n" + prose);
    assertEquals(2, verdicts.size());
    assertEquals(new LineVerdict(2, 12, 200_012, true, "prose"), verdicts.get(1));
    // One "word" of 200,000 characters, built to make credit and caption regexes backtrack.
    String token = "A/(B/".repeat(40_000);
    assertEquals(List.of(new LineVerdict(1, 0, 200_000, true, "prose")), CLEANER.classify(token));
  }

  @Test
  void cleanerIsSafeToShareBetweenThreads() throws Exception {
    String body = seed("2019-05-10-cnn-talks-end-without-deal.txt");
    List<LineVerdict> expected = CLEANER.classify(body);
    List<Thread> threads = new ArrayList<>();
    List<List<LineVerdict>> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 20; i++) {
                      results.add(CLEANER.classify(body));
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(80, results.size());
    assertTrue(results.stream().allMatch(r -> Objects.equals(r, expected)));
  }

  @Test
  void everyRuleNameExplainsItself() {
    assertEquals(
        "a video player's label, alone on its line", CLEANER.why("now-playing").orElseThrow());
    assertTrue(CLEANER.why("carousel").orElseThrow().startsWith("a video carousel"));
    assertTrue(CLEANER.why("prose").isPresent());
    assertTrue(CLEANER.why("no-such-rule").isEmpty());
  }
}
