package tradebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;
import tradebot.knowledge.Source;

class LucenePassageIndexTest {
  /** More look-alikes than the first stage keeps (k x 30), all scoring above the long sentence. */
  static final int LOOK_ALIKES = 400;

  static final String SHORT = "Tariffs on Chinese steel rose again.";
  static final String LONG =
      "Tariffs on Chinese steel rose again, the commerce department said in a long statement"
          + " issued late on Tuesday evening in Washington.";

  static PassageIndex index;

  @BeforeAll
  static void build() throws Exception {
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < LOOK_ALIKES; i++) {
      passages.add(passage("may2019-" + i, LocalDate.of(2019, 5, 1), SHORT));
      passages.add(passage("jan2021-" + i, LocalDate.of(2021, 1, 5), SHORT));
    }
    passages.add(passage("long2018", LocalDate.of(2018, 7, 2), LONG));
    passages.add(passage("long2021", LocalDate.of(2021, 3, 2), LONG));
    passages.add(
        passage("wh", LocalDate.of(2019, 6, 1), "The White House said little on the steel talks."));
    index = IndexStore.inMemory().build("test", passages);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static Passage passage(String id, LocalDate published, String text) {
    Source source =
        new Source(id, "Steel " + id, "Test Wire", published, "https://example.com", "");
    return new Passage(
        id + "-p1", source, 1, List.of(new Sentence(text, 0, text.length(), List.of())), 0);
  }

  static List<TermGroup> steelTariffs() {
    return List.of(
        new TermGroup(List.of("tariffs", "duties"), 1f, false),
        new TermGroup(List.of("steel"), 1f, false));
  }

  static List<String> ids(List<Hit> hits) {
    return hits.stream().map(h -> h.passage().source().id()).toList();
  }

  @Test
  void withoutADateTheShorterLookAlikesTakeEveryPlace() {
    List<Hit> hits = index.search(new SearchQuery(steelTariffs(), 5));

    assertEquals(5, hits.size());
    assertTrue(ids(hits).stream().noneMatch(id -> id.startsWith("long")), ids(hits).toString());
  }

  @Test
  void theOnePassageOfTheNamedYearIsFoundAmongMoreLookAlikesThanTheFirstStageKeeps() {
    List<Hit> hits = index.search(new SearchQuery(steelTariffs(), 5, Optional.of(Year.of(2018))));

    assertEquals(5, hits.size(), "the others fill the places left");
    assertEquals("long2018", hits.getLast().passage().source().id(), "in, and last by its score");
  }

  @Test
  void thePassageOfTheNamedMonthIsFoundAmongLookAlikesOfTheSameYear() {
    List<Hit> hits =
        index.search(
            new SearchQuery(
                steelTariffs(), 5, Optional.of(Year.of(2021)), Optional.of(Month.MARCH)));

    assertEquals("long2021", hits.getLast().passage().source().id());
    assertEquals(
        List.of(2021, 2021, 2021, 2021, 2021),
        hits.stream().map(h -> h.passage().source().published().getYear()).toList());
  }

  @Test
  void aYearWithNoPassageLeavesTheScoresToChoose() {
    List<Hit> withYear =
        index.search(new SearchQuery(steelTariffs(), 5, Optional.of(Year.of(2024))));

    assertEquals(ids(index.search(new SearchQuery(steelTariffs(), 5))), ids(withYear));
  }

  @Test
  void aMonthWithoutAYearIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SearchQuery(steelTariffs(), 5, Optional.empty(), Optional.of(Month.MAY)));
    assertEquals("a month needs a year: MAY", e.getMessage());
  }

  @Test
  void aConceptWrittenOnlyAsAPhraseStillFindsItsPassage() {
    List<Hit> hits =
        index.search(new SearchQuery(List.of(new TermGroup(List.of("white house"), 1f, false)), 5));

    assertEquals(List.of("wh"), ids(hits));
  }

  @Test
  void aPhraseBesideAWordStillScoresItsPassageWhenTheWordsOfOtherConceptsBringItIn() {
    List<Hit> hits =
        index.search(
            new SearchQuery(
                List.of(
                    new TermGroup(List.of("Washington", "white house"), 1f, false),
                    new TermGroup(List.of("steel talks"), 1f, false)),
                5));

    assertEquals("wh", hits.getFirst().passage().source().id());
  }

  @Test
  void anArticleMentionsAConceptWhenAnyPassageHoldsOneOfItsAlternatives() {
    assertTrue(index.articleMentions("wh", List.of("Washington", "white house"), false));
    assertTrue(index.articleMentions("wh", List.of("Washington", "white house"), false), "cached");
    assertEquals(false, index.articleMentions("long2018", List.of("white house"), false));
    assertTrue(index.articleMentions("long2018", List.of("Washingtn"), true), "a typo allowed");
    assertEquals(false, index.articleMentions("long2018", List.of("Washingtn"), false));
  }

  @Test
  void documentFrequencyCountsThePassagesHoldingAnAnalyzedTerm() {
    assertEquals(2 * LOOK_ALIKES + 3, index.documentFrequency(index.terms("steel").getFirst()));
    assertEquals(0, index.documentFrequency("zebra"));
  }

  @Test
  void hitsAreScoredByTheFullQueryBestFirst() {
    List<Hit> hits = index.search(new SearchQuery(steelTariffs(), 10, Optional.of(Year.of(2018))));

    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "order at " + i);
    }
  }
}
