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
import tradebot.answer.Fitter;
import tradebot.config.TradebotConfig;
import tradebot.eval.BaselineJson;
import tradebot.eval.EvalQuestion;
import tradebot.eval.Evaluator;
import tradebot.eval.QuestionFile;
import tradebot.index.BaselineSearch;
import tradebot.knowledge.Document;
import tradebot.knowledge.Ingester;
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

  @Option(
      names = "--ablation",
      description =
          "Then score the shipped weights with each feature off in turn (config/ranking.yaml).")
  boolean ablation;

  @Option(
      names = "--sets",
      paramLabel = "SETS",
      description =
          "Score every set of a sets file (src/test/resources/eval/sets.yaml format), each over its"
              + " own knowledge: one summary line a set.")
  Path sets;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Questions, one JSON object a line.")
  Path file;

  @Override
  public Integer call() throws Exception {
    if (sets != null) {
      return everySet();
    }
    if (file == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "give a question FILE or --sets SETS");
    }
    return one(file, options.config());
  }

  /** Each set over its own knowledge, copied into one temporary directory. */
  private int everySet() throws Exception {
    TradebotConfig base = options.config();
    for (Fitter.QuestionSet set : Fitter.readSets(sets)) {
      Path tmp = java.nio.file.Files.createTempDirectory("tradebot-eval-");
      Path kb = tmp.resolve("knowledge");
      set.copyKnowledgeTo(kb);
      java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
      java.io.PrintStream out = System.out;
      System.setOut(
          new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      try {
        one(set.questions(), base.withKnowledgeDir(kb).withDataDir(tmp.resolve("data")));
      } finally {
        System.setOut(out);
      }
      List<String> lines =
          captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      System.out.printf("%-12s %s%n", set.name(), lines.isEmpty() ? "?" : lines.getLast());
    }
    return 0;
  }

  private int one(Path file, TradebotConfig config) throws Exception {
    List<EvalQuestion> questions = QuestionFile.read(file);
    try (App app = App.startOneShot(config)) {
      Map<String, String> bodies = new HashMap<>();
      KnowledgeLoader loader = new KnowledgeLoader(Ingester.fromConfig(config.configDir()));
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
          evaluator.add(q, AnswerJson.toJson(app.service().ask(q.question()).answer()));
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
    if (ablation && !baseline) {
      Fitter fitter = new Fitter(config.configDir());
      fitter.add(
          new Fitter.QuestionSet(
              file.getFileName().toString(), file, List.of(config.knowledge().dir())),
          java.time.Clock.systemUTC());
      System.out.println("ablation (each feature's weight set to 0, not refitted):");
      fitter.ablation().forEach(l -> System.out.println("  " + l));
    }
    return 0;
  }
}
