package tradebot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tradebot.answer.AnswerJson;
import tradebot.eval.BaselineJson;
import tradebot.eval.EvalQuestion;
import tradebot.eval.Evaluator;
import tradebot.index.BaselineSearch;
import tradebot.knowledge.Article;

/**
 * Dev-set scores of the bot and of the plain BM25 baseline on the same articles, in the same run,
 * scored by {@link Evaluator} exactly as {@code tradebot eval} and {@code eval --baseline} score
 * them.
 */
final class Quality {
  /** Scores of one answerer: correct@1 of the in-scope questions, abstentions on off-topic ones. */
  record Score(
      int correct1, int correct3, int inScope, int abstained, int offTopic, String summary) {}

  /** The bot's and the baseline's scores, and the size of the corpus the bot loaded. */
  record Side(Score ours, Score baseline, int articles, int passages) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private Quality() {}

  static Side measure(Path config, InProcessSuite.Corpus corpus, List<EvalQuestion> questions)
      throws IOException {
    List<Article> articles = Corpora.articles(corpus.knowledge());
    Map<String, String> bodies = new HashMap<>();
    articles.forEach(a -> bodies.put(a.id(), a.body()));
    Evaluator ours = new Evaluator(bodies::get);
    int loaded;
    int passages;
    try (BenchApp app = BenchApp.start(config, corpus.knowledge(), corpus.data())) {
      loaded = app.startup().articles();
      passages = app.startup().passages();
      for (EvalQuestion q : questions) {
        ours.add(q, AnswerJson.toJson(app.answers().ask(q.question())));
      }
    }
    Evaluator baseline = new Evaluator(bodies::get);
    try (BaselineSearch bm25 = BaselineSearch.build(articles)) {
      for (EvalQuestion q : questions) {
        baseline.add(q, BaselineJson.answer(bm25, q.question()));
      }
    }
    return new Side(score(ours), score(baseline), loaded, passages);
  }

  private static Score score(Evaluator e) {
    Evaluator.Tally t = e.total();
    return new Score(t.correct1, t.correct3, t.inScope, t.abstained, t.offTopic, e.summary());
  }
}
