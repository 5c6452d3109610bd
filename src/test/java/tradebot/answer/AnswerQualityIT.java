package tradebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.eval.EvalQuestion;
import tradebot.eval.Evaluator;
import tradebot.eval.QuestionFile;
import tradebot.knowledge.KnowledgeLoader;

/**
 * The quality gate, on aggregates: every question set of {@code eval/sets.yaml} (those the weights
 * were fitted on) and of {@code eval/holdout-sets.yaml} (never fitted on) is run through the real
 * bot over its knowledge, and the totals must stay at the figures measured when the model was last
 * fitted (docs/QUALITY.md), less a small margin; quotes and figures are always verbatim. No single
 * question is required to be right but the dev set's floor.
 */
class AnswerQualityIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  /** How far a total may fall below its measured figure: a few questions of several hundred. */
  static final int MARGIN = 4;

  static final Map<String, Evaluator> results = new HashMap<>();
  @TempDir static Path tmp;

  @BeforeAll
  static void runEverySet() throws Exception {
    List<Fitter.QuestionSet> sets = new ArrayList<>();
    sets.addAll(Fitter.readSets(Path.of("src/test/resources/eval/sets.yaml")));
    sets.addAll(Fitter.readSets(Path.of("src/test/resources/eval/holdout-sets.yaml")));
    for (Fitter.QuestionSet set : sets) {
      results.put(set.name(), run(set));
    }
  }

  @AfterAll
  static void report() {
    results.forEach((name, e) -> System.out.println("quality " + name + ": " + e.summary()));
  }

  static Evaluator run(Fitter.QuestionSet set) throws Exception {
    Path kb = tmp.resolve(set.name());
    set.copyKnowledgeTo(kb);
    Map<String, String> bodies = new HashMap<>();
    Path root = kb.toRealPath();
    try (Stream<Path> files = Files.list(kb)) {
      for (Path f : files.toList()) {
        var article = KnowledgeLoader.read(root, f);
        bodies.put(article.id(), article.body());
      }
    }
    Evaluator evaluator = new Evaluator(bodies::get);
    TradebotConfig config = TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(kb);
    try (App app = App.inMemory(config, CLOCK)) {
      for (EvalQuestion q : QuestionFile.read(set.questions())) {
        evaluator.add(q, AnswerJson.toJson(app.answers().ask(q.question())));
      }
    }
    return evaluator;
  }

  private static String report(String name) {
    Evaluator e = results.get(name);
    return name + ": " + e.summary() + "\n" + String.join("\n", e.failures());
  }

  @Test
  void theDevSetKeepsItsFloorWithEveryTrapDeclined() {
    Evaluator e = results.get("dev");
    assertEquals(24, e.total().inScope, report("dev"));
    assertTrue(e.total().correct1 >= 22, report("dev"));
    assertEquals(8, e.total().offTopic, report("dev"));
    assertEquals(8, e.total().abstained, report("dev"));
  }

  @Test
  void everyQuoteAndFigureOfEverySetIsVerbatim() {
    results.forEach(
        (name, e) -> {
          assertEquals(1.0, e.fidelity(), report(name));
          assertEquals(1.0, e.figureFidelity(), report(name));
        });
  }

  @Test
  void theFittedSetsTogetherKeepTheirMeasuredTotals() {
    Totals t = totals(List.of(FITTED));
    assertTrue(t.correct1 >= FITTED_CORRECT - MARGIN, t.toString());
    assertTrue(t.falseDeclines <= FITTED_FALSE_DECLINES + MARGIN, t.toString());
    assertTrue(t.trapsDeclined >= FITTED_TRAPS_DECLINED - MARGIN, t.toString());
  }

  @Test
  void theBlindHoldoutSetsKeepTheirMeasuredTotals() {
    Totals t = totals(List.of("own5", "own6", "own7", "own8"));
    assertTrue(t.correct1 >= HOLDOUT_CORRECT - MARGIN, t.toString());
    assertTrue(t.falseDeclines <= HOLDOUT_FALSE_DECLINES + MARGIN, t.toString());
    assertTrue(t.trapsDeclined >= HOLDOUT_TRAPS_DECLINED - MARGIN, t.toString());
  }

  /** Measured with the shipped config/ranking.yaml (docs/QUALITY.md). */
  static final String[] FITTED = {
    "dev",
    "seeds2",
    "articles",
    "holdout",
    "holdout2",
    "typos",
    "paraphrases",
    "offtopic",
    "own1",
    "own2",
    "own3",
    "own4"
  };

  /**
   * Of 447 answerable questions and 178 traps (2026-12-04, with the ranking reading whose duty a
   * candidate speaks of).
   */
  static final int FITTED_CORRECT = 321;

  static final int FITTED_FALSE_DECLINES = 19;
  static final int FITTED_TRAPS_DECLINED = 139;

  /**
   * own5 to own8, of 60 answerable questions and 25 traps each, never fitted on. own5 was scored
   * blind when it was written (48 correct@1, 3 false declines, 11 traps declined), own6 once,
   * blind, with the model frozen (2026-12-03: 43, 3, 9), own7 and own8 the same way (2026-12-04:
   * 36, 1, 9 and 36, 7, 10); now they are 48, 2, 11; 44, 3, 9; 36, 1, 9; and 38, 5, 10.
   */
  static final int HOLDOUT_CORRECT = 48 + 44 + 36 + 38;

  static final int HOLDOUT_FALSE_DECLINES = 2 + 3 + 1 + 5;
  static final int HOLDOUT_TRAPS_DECLINED = 11 + 9 + 9 + 10;

  @Test
  void theTariffLevelSetsKeepTheirMeasuredTotals() {
    Totals t = totals(List.of("tariff-levels", "tariff-levels-seeds"));
    assertTrue(t.correct1 >= TARIFF_CORRECT - 1, t.toString());
    assertTrue(t.falseDeclines <= 1, t.toString());
    assertTrue(t.trapsDeclined >= TARIFF_TRAPS_DECLINED - 1, t.toString());
  }

  /**
   * tariff-levels and tariff-levels-seeds, of 32 tariff-level questions and 6 traps, written blind
   * (16 + 8 correct@1 at first; 20 + 9 after the fixes their failures showed, 2 + 1 traps
   * declined).
   */
  static final int TARIFF_CORRECT = 29;

  static final int TARIFF_TRAPS_DECLINED = 3;

  record Totals(int inScope, int correct1, int falseDeclines, int traps, int trapsDeclined) {}

  static Totals totals(List<String> names) {
    int in = 0;
    int c = 0;
    int fd = 0;
    int tr = 0;
    int td = 0;
    for (String n : names) {
      Evaluator.Tally t = results.get(n).total();
      in += t.inScope;
      c += t.correct1;
      fd += t.falseAbstain;
      tr += t.offTopic;
      td += t.abstained;
    }
    return new Totals(in, c, fd, tr, td);
  }
}
