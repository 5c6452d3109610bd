package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tradebot.config.Vocabulary;
import tradebot.corpus.CorpusManager;
import tradebot.index.PassageIndex;
import tradebot.knowledge.Figure;

class QuestionAnalyzerTest {
  static tradebot.cli.App app;
  static CorpusManager.Lease lease;
  static PassageIndex index;
  static QuestionAnalyzer analyzer;

  @BeforeAll
  static void load() {
    app =
        tradebot.cli.App.inMemory(
            tradebot.config.TradebotConfig.defaults(Path.of("config")), AnswerServiceTest.CLOCK);
    lease = app.corpora().acquire();
    index = lease.corpus().index();
    analyzer =
        new QuestionAnalyzer(
            Vocabulary.load(Path.of("config/vocabulary.yaml")),
            AnswerRules.load(Path.of("config/answers.yaml")));
  }

  @AfterAll
  static void close() {
    lease.close();
    app.close();
  }

  static Question read(String q) {
    return analyzer.analyze(q, index);
  }

  static List<String> concepts(Question q) {
    return q.concepts().stream().map(Question.Concept::text).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Who led the US delegation to Beijing in May 2018? | WHO",
        "When does the public comment period end? | WHEN",
        "Where could Trump and Xi meet in November 2018? | WHERE",
        "How much did the Shanghai Composite rise? | FIGURE",
        "What's the tariff on Chinese goods now? | FIGURE",
        "What did Kevin Hassett say about the pressure on China? | QUOTE",
        "Will China match further US tariff hikes? | WHY",
        "Why did China cancel the talks? | WHY",
        "Which commitment did US officials say China backtracked on? | WHAT",
        "What investigation did China want the US to stop? | WHAT"
      })
  void theQuestionTypeComesFromTheRulesFile(String question, QuestionType type) {
    assertEquals(type, read(question).type());
  }

  @Test
  void aMonthAndYearAreReadAsTheQuestionsDateAndNotAsTopic() {
    Question q = read("What tariff rate did China put on all US goods in April 2025?");
    assertEquals(2025, q.year());
    assertEquals(4, q.month());
    assertEquals(List.of("tariff rate", "China", "US", "goods"), concepts(q));
  }

  @Test
  void namesOfSeveralWordsAreOneConceptAndCountAsEntities() {
    Question q = read("Who is Eswar Prasad?");
    assertEquals(List.of("Eswar Prasad"), concepts(q));
    assertTrue(q.concepts().getFirst().entity());
  }

  @Test
  void aliasesAndSynonymsExpandAConcept() {
    Question.Concept xi = read("What did Xi's letter to Trump emphasize?").concepts().getFirst();
    assertEquals("Xi", xi.text());
    assertTrue(
        xi.alternatives().containsAll(List.of("xi jinping", "president xi")),
        xi.alternatives().toString());
  }

  @Test
  void typosAreCorrectedToWordsTheArticlesUse() {
    Question q = read("Who led the US delgation to Bejing?");
    assertEquals("delegation", q.concepts().get(2).alternatives().getFirst());
    assertEquals("beijing", q.concepts().get(3).alternatives().getFirst());
  }

  @Test
  void anUnknownNameIsNeitherCorrectedNorFuzzy() {
    Question.Concept france = read("Who is the president of France?").concepts().getLast();
    assertEquals(List.of("france"), france.alternatives());
    assertFalse(france.fuzzy());
  }

  @Test
  void figureCuesPickTheKindsThatAnswer() {
    assertEquals(
        Set.of(Figure.Kind.COUNT), read("How many countries got a 90-day pause?").wantedFigures());
    assertTrue(
        read("How much did the Shanghai Composite rise?")
            .wantedFigures()
            .contains(Figure.Kind.PERCENT));
  }

  @Test
  void recencyWordsAskForTheNewestAnswer() {
    assertTrue(read("What is the latest tariff on Chinese goods?").recency());
    assertFalse(read("What tariff did China put on US goods in 2018?").recency());
  }

  @Test
  void controlAndInvisibleCharactersAndCurlyQuotesAreFolded() {
    assertEquals(
        "won't \"match\" - now", QuestionAnalyzer.normalize("won’t\u0000 “match”\u200b — now"));
  }
}
