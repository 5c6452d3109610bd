package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.eval.EvalQuestion;
import tradebot.eval.Evaluator;
import tradebot.eval.QuestionFile;
import tradebot.knowledge.KnowledgeLoader;

/**
 * The quality gate: the shared dev set and our own holdout set (other wording, typos, off-topic
 * questions sharing words with the articles, and articles that are not in knowledge/) must stay at
 * or above the numbers the answer-quality issue asks for.
 */
class AnswerQualityIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  static Evaluator run(Path knowledge, Path questions) throws Exception {
    assertTrue(
        Files.isRegularFile(questions), "question file missing: " + questions.toAbsolutePath());
    TradebotConfig config = TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(knowledge);
    Map<String, String> bodies = new HashMap<>();
    Path root = knowledge.toRealPath();
    try (var files = Files.list(knowledge)) {
      for (Path f : files.toList()) {
        var article = KnowledgeLoader.read(root, f);
        bodies.put(article.id(), article.body());
      }
    }
    List<EvalQuestion> qs = QuestionFile.read(questions);
    Evaluator evaluator = new Evaluator(bodies::get);
    try (App app = App.inMemory(config, CLOCK)) {
      for (EvalQuestion q : qs) {
        evaluator.add(q, AnswerJson.toJson(app.answers().ask(q.question())));
      }
    }
    return evaluator;
  }

  @Test
  void theDevSetStaysAtTheAcceptedNumbers() throws Exception {
    Evaluator e = run(Path.of("knowledge"), Path.of("../shared/eval/dev.jsonl"));
    String report = e.summary() + "\n" + String.join("\n", e.failures());
    assertEquals(24, e.total().inScope, report);
    assertTrue(e.total().correct1 >= 23, report);
    assertEquals(8, e.total().abstained, report);
    assertEquals(8, e.total().offTopic, report);
    assertEquals(0, e.total().falseAbstain, report);
    assertEquals(1.0, e.fidelity(), report);
    assertEquals(1.0, e.figureFidelity(), report);
  }

  @ParameterizedTest
  @CsvSource({
    "src/test/resources/holdout/questions.jsonl, src/test/resources/holdout/knowledge",
    "src/test/resources/holdout2/questions.jsonl, src/test/resources/holdout2/knowledge",
    "src/test/resources/typos/questions.jsonl, knowledge"
  })
  void aHoldoutSetStaysWithinAFewPointsOfTheDevSet(String questions, String knowledge)
      throws Exception {
    Evaluator e = run(Path.of(knowledge), Path.of(questions));
    String report = e.summary() + "\n" + String.join("\n", e.failures());
    assertTrue(e.total().correct1 >= e.total().inScope - 3, report);
    assertTrue(e.total().abstained >= e.total().offTopic - 1, report);
    assertTrue(e.total().falseAbstain <= 1, report);
    assertEquals(1.0, e.fidelity(), report);
    assertEquals(1.0, e.figureFidelity(), report);
  }
}
