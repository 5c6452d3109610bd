package tradebot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tradebot.answer.AnswerJson;
import tradebot.config.TradebotConfig;
import tradebot.eval.BaselineJson;
import tradebot.eval.EvalQuestion;
import tradebot.eval.Evaluator;
import tradebot.eval.QuestionFile;
import tradebot.index.BaselineSearch;
import tradebot.knowledge.Document;
import tradebot.knowledge.KnowledgeLoader;

/** {@code tradebot eval FILE.jsonl}: scores the bot on a question file. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Run a question file (dev.jsonl format): failures, per-kind results, then the summary line.")
final class EvalCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = "--baseline",
      description =
          "Score plain BM25 over raw paragraphs (the reference point) instead of the bot.")
  boolean baseline;

  @Parameters(index = "0", paramLabel = "FILE", description = "Questions, one JSON object a line.")
  Path file;

  @Override
  public Integer call() throws Exception {
    List<EvalQuestion> questions = QuestionFile.read(file);
    TradebotConfig config = options.config();
    try (App app = App.start(config)) {
      Map<String, String> bodies = new HashMap<>();
      KnowledgeLoader loader = new KnowledgeLoader(Pipelines.ingester(config.configDir()));
      List<Document> documents = loader.load(config.knowledge().dir()).documents();
      for (Document d : documents) {
        bodies.put(d.article().id(), d.article().body());
      }
      Evaluator evaluator = new Evaluator(bodies::get);
      if (baseline) {
        try (BaselineSearch bm25 =
            BaselineSearch.build(documents.stream().map(Document::article).toList())) {
          for (EvalQuestion q : questions) {
            evaluator.add(q, BaselineJson.answer(bm25, q.question()));
          }
        }
      } else {
        for (EvalQuestion q : questions) {
          evaluator.add(q, AnswerJson.toJson(app.answers().ask(q.question())));
        }
      }
      if (json) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode out = m.createObjectNode();
        out.put("summary", evaluator.summary());
        out.put("correct_at_1", evaluator.total().correct1);
        out.put("correct_at_3", evaluator.total().correct3);
        out.put("in_scope", evaluator.total().inScope);
        out.put("abstained", evaluator.total().abstained);
        out.put("off_topic", evaluator.total().offTopic);
        out.put("false_abstain", evaluator.total().falseAbstain);
        out.put("fidelity", evaluator.fidelity());
        out.put("figures", evaluator.figureFidelity());
        ObjectNode kinds = out.putObject("kinds");
        evaluator
            .byKind()
            .forEach(
                (k, t) -> {
                  ObjectNode n = kinds.putObject(k);
                  n.put("questions", t.questions);
                  n.put("correct_at_1", t.correct1);
                  n.put("correct_at_3", t.correct3);
                  n.put("abstained", t.abstained);
                  n.put("false_abstain", t.falseAbstain);
                });
        out.putPOJO("failures", evaluator.failures());
        System.out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return 0;
      }
      evaluator.failures().forEach(f -> System.out.println("FAIL " + f));
      evaluator.perKind().forEach(System.out::println);
      System.out.println(evaluator.summary());
    }
    return 0;
  }
}
