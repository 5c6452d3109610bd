package tradebot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
  /** More look-alikes than the first stage keeps (k x 30), all scoring above the one of 2021. */
  static final int LOOK_ALIKES = 400;

  static PassageIndex index;

  @BeforeAll
  static void build() throws Exception {
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < LOOK_ALIKES; i++) {
      passages.add(
          passage("a" + i, LocalDate.of(2019, 5, 1), "Tariffs on Chinese steel rose again."));
    }
    passages.add(
        passage(
            "b2021",
            LocalDate.of(2021, 3, 2),
            "Tariffs on Chinese steel rose again, the commerce department said in a long statement"
                + " issued late on Tuesday evening in Washington."));
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

  @Test
  void aPassageOfTheNamedYearIsFoundAmongMoreLookAlikesThanTheFirstStageKeeps() {
    List<Hit> hits = index.search(new SearchQuery(steelTariffs(), 5, Optional.of(Year.of(2021))));

    assertEquals(5, hits.size());
    assertEquals("b2021", hits.getLast().passage().source().id(), "in, and last by its score");
  }

  @Test
  void withoutAYearTheShorterLookAlikesScoreHigher() {
    List<Hit> hits = index.search(new SearchQuery(steelTariffs(), 5));

    assertEquals(5, hits.size());
    assertEquals(
        List.of(),
        hits.stream().filter(h -> h.passage().source().id().equals("b2021")).toList(),
        "the long 2021 sentence scores below every short look-alike");
  }

  @Test
  void aConceptWrittenOnlyAsAPhraseStillFindsItsPassage() {
    List<Hit> hits =
        index.search(new SearchQuery(List.of(new TermGroup(List.of("white house"), 1f, false)), 5));

    assertEquals(List.of("wh"), hits.stream().map(h -> h.passage().source().id()).toList());
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
  void documentFrequencyCountsThePassagesHoldingAnAnalyzedTerm() {
    assertEquals(LOOK_ALIKES + 2, index.documentFrequency(index.terms("steel").getFirst()));
    assertEquals(0, index.documentFrequency("zebra"));
  }

  @Test
  void hitsAreScoredByTheFullQueryBestFirst() {
    List<Hit> hits = index.search(new SearchQuery(steelTariffs(), 10));

    for (int i = 1; i < hits.size(); i++) {
      assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), "order at " + i);
    }
  }
}
