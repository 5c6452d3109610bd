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
    Evaluator e = run(Path.of("knowledge"), Path.of("src/test/resources/eval/dev.jsonl"));
    String report = e.summary() + "\n" + String.join("\n", e.failures());
    assertEquals(24, e.total().inScope, report);
    assertTrue(e.total().correct1 >= 23, report);
    assertEquals(8, e.total().abstained, report);
    assertEquals(8, e.total().offTopic, report);
    assertEquals(0, e.total().falseAbstain, report);
    assertEquals(1.0, e.fidelity(), report);
    assertEquals(1.0, e.figureFidelity(), report);
  }

  /**
   * Each set with the least correct@1 it must keep: the numbers measured when it was added, so that
   * a change that loses answers on wording, typos or new articles fails here.
   */
  @ParameterizedTest
  @CsvSource({
    "src/test/resources/holdout/questions.jsonl, src/test/resources/holdout/knowledge, 17",
    "src/test/resources/holdout2/questions.jsonl, src/test/resources/holdout2/knowledge, 15",
    "src/test/resources/typos/questions.jsonl, knowledge, 24",
    "src/test/resources/paraphrases/questions.jsonl, knowledge, 20",
    "src/test/resources/offtopic/questions.jsonl, knowledge, 0"
  })
  void aHoldoutSetKeepsItsMeasuredNumbers(String questions, String knowledge, int minCorrect)
      throws Exception {
    Evaluator e = run(Path.of(knowledge), Path.of(questions));
    String report = e.summary() + "\n" + String.join("\n", e.failures());
    assertTrue(e.total().correct1 >= minCorrect, report);
    assertEquals(e.total().offTopic, e.total().abstained, report);
    assertTrue(e.total().falseAbstain <= e.total().inScope - minCorrect, report);
    assertEquals(1.0, e.fidelity(), report);
    assertEquals(1.0, e.figureFidelity(), report);
  }
}
