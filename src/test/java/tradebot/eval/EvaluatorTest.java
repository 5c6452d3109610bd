package tradebot.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, String> BODIES =
      Map.of("a", "Beijing hiked tariffs on all US goods to 125%,\n mirroring a move.");

  static JsonNode answer(boolean answered, String quote, String published, String figure)
      throws Exception {
    String citations =
        quote == null
            ? "[]"
            : "[{\"n\":1,\"article\":\"a\",\"published\":\""
                + published
                + "\",\"quote\":"
                + JSON.writeValueAsString(quote)
                + "}]";
    String figures = figure == null ? "[]" : "[{\"text\":\"" + figure + "\",\"citation\":1}]";
    return JSON.readTree(
        "{\"answered\":"
            + answered
            + ",\"citations\":"
            + citations
            + ",\"figures\":"
            + figures
            + "}");
  }

  @Test
  void aCorrectFirstCitationCountsForCorrectAtOneAndAtThree() throws Exception {
    Evaluator e = new Evaluator(BODIES::get);
    e.add(
        new EvalQuestion("q1", "rate?", List.of("125%"), "2025-04", "figure", false),
        answer(
            true,
            "Beijing hiked tariffs on all US goods to 125%, mirroring a move.",
            "2025-04-11",
            "125%"));
    assertEquals(1, e.total().correct1);
    assertEquals(1, e.total().correct3);
    assertEquals(1.0, e.fidelity());
    assertEquals(1.0, e.figureFidelity());
    assertEquals(
        "correct@1 1/1, correct@3 1/1, abstain 0/0, false-abstain 0/1, fidelity 100.0% (1/1), figures 100.0% (1/1)",
        e.summary());
  }

  @Test
  void theRightTextFromTheWrongMonthIsNotCorrect() throws Exception {
    Evaluator e = new Evaluator(BODIES::get);
    e.add(
        new EvalQuestion("q1", "rate?", List.of("125%"), "2019-05", "figure", false),
        answer(
            true,
            "Beijing hiked tariffs on all US goods to 125%, mirroring a move.",
            "2025-04-11",
            null));
    assertEquals(0, e.total().correct1);
    assertEquals(1, e.failures().size());
  }

  @Test
  void aQuoteNotInTheArticleAndAFigureOutsideItsQuoteLowerFidelity() throws Exception {
    Evaluator e = new Evaluator(BODIES::get);
    e.add(
        new EvalQuestion("q1", "rate?", List.of("150%"), "2025", "figure", false),
        answer(true, "Beijing hiked tariffs to 150%", "2025-04-11", "20%"));
    assertEquals(0.0, e.fidelity());
    assertEquals(0.0, e.figureFidelity());
  }

  @Test
  void declinesAreCountedAsAbstainOffTopicAndAsFalseAbstainInScope() throws Exception {
    Evaluator e = new Evaluator(BODIES::get);
    e.add(
        new EvalQuestion("off", "weather?", List.of(), "", "off-topic", true),
        answer(false, null, null, null));
    e.add(
        new EvalQuestion("in", "rate?", List.of("125%"), "2025", "figure", false),
        answer(false, null, null, null));
    assertEquals(1, e.total().abstained);
    assertEquals(1, e.total().falseAbstain);
    assertEquals(
        List.of(
            "off-topic  abstain 1/1", "figure     correct@1 0/1, correct@3 0/1, false-abstain 1"),
        e.perKind());
  }

  @Test
  void matchingFoldsCaseWhitespaceAndCurlyQuotes() {
    assertEquals(
        "china won't match \"any\" - more", Evaluator.fold("China  WON’T match “any” — more"));
  }
}
