package tradebot.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tradebot.config.ConfigFiles;
import tradebot.config.TradebotConfig;
import tradebot.corpus.Corpus;
import tradebot.corpus.CorpusManager;
import tradebot.eval.EvalQuestion;
import tradebot.eval.Evaluator;
import tradebot.eval.QuestionFile;
import tradebot.index.IndexStore;
import tradebot.knowledge.Sentence;

/**
 * Fits the ranker's and the decline decision's weights ({@link RankingModel}) to question files:
 * every question is looked up once and its candidates measured; each candidate is labelled by
 * whether its quote answers the question (the eval's own test); the ranking weights maximize the
 * likelihood that the right candidates come first (a softmax over each question's candidates,
 * L2-regularized); the decline weights are a logistic regression of "the sources answer it" on the
 * decline features, classes weighted equally; the threshold is the one that makes the fewest
 * mistakes, declines and answered traps weighted by their classes' sizes. Results are reported by
 * cross-validation (k folds of questions, and each set left out in turn), so they speak of
 * questions the weights were not fitted on. Not thread-safe: one fitter per run.
 */
public final class Fitter {
  /** L2 penalty on the weights: keeps weights of rare features small. */
  private static final double L2 = 0.001;

  private static final int STEPS = 2000;
  private static final double LEARNING_RATE = 0.1;

  /**
   * A question file and the knowledge it is judged over.
   *
   * @param name a short name for reports
   * @param questions the question file (eval format)
   * @param knowledge the directories whose articles together form its knowledge base
   */
  public record QuestionSet(String name, Path questions, List<Path> knowledge) {
    public QuestionSet {
      knowledge = List.copyOf(knowledge);
      if (knowledge.isEmpty()) {
        throw new IllegalArgumentException("set " + name + " names no knowledge directory");
      }
    }

    /** Copies the articles of every knowledge directory into {@code dir}: one knowledge base. */
    public void copyKnowledgeTo(Path dir) throws IOException {
      Files.createDirectories(dir);
      for (Path from : knowledge) {
        try (Stream<Path> files = Files.list(from)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
          }
        }
      }
    }
  }

  /**
   * Reads a sets file: a YAML list of {@code {name, questions, knowledge: [dirs]}}, paths relative
   * to the working directory.
   *
   * @throws IllegalArgumentException naming the file and the bad set
   */
  public static List<QuestionSet> readSets(Path file) throws IOException {
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Files.readAllBytes(file));
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": expected a list of sets");
    }
    List<QuestionSet> out = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode n : root) {
      List<Path> dirs = new ArrayList<>();
      n.path("knowledge").forEach(d -> dirs.add(Path.of(d.asText())));
      String name = n.path("name").asText();
      Path questions = Path.of(n.path("questions").asText());
      if (name.isBlank() || !Files.isRegularFile(questions)) {
        throw new IllegalArgumentException(
            file
                + ": set '"
                + name
                + "' needs a name and an existing questions file: "
                + questions);
      }
      out.add(new QuestionSet(name, questions, dirs));
    }
    return out;
  }

  /** One question looked up: its candidates' features and labels, and its decline inputs. */
  record Example(String set, EvalQuestion question, Decline.Examined examined, boolean[] correct) {
    boolean answerable() {
      return !question.abstain();
    }

    boolean anyCorrect() {
      for (boolean c : correct) {
        if (c) {
          return true;
        }
      }
      return false;
    }
  }

  /** How a model did on some questions. */
  public record Score(
      int inScope,
      int correct1,
      int falseDeclines,
      int traps,
      int trapsDeclined,
      int rankedFirst,
      int reachable) {
    Score plus(Score o) {
      return new Score(
          inScope + o.inScope,
          correct1 + o.correct1,
          falseDeclines + o.falseDeclines,
          traps + o.traps,
          trapsDeclined + o.trapsDeclined,
          rankedFirst + o.rankedFirst,
          reachable + o.reachable);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "correct@1 %d/%d, false declines %d, traps declined %d/%d (never declining: %d; a right"
              + " candidate: %d)",
          correct1,
          inScope,
          falseDeclines,
          trapsDeclined,
          traps,
          rankedFirst,
          reachable);
    }
  }

  private final List<Example> examples = new ArrayList<>();
  private final List<String> mistakes = new ArrayList<>();
  private final Path configDir;

  public Fitter(Path configDir) {
    this.configDir = configDir;
  }

  /** Looks up every question of {@code set} over its knowledge. */
  public void add(QuestionSet set, Clock clock) throws IOException {
    Path kb = Files.createTempDirectory("tradebot-fit-kb");
    try {
      set.copyKnowledgeTo(kb);
      TradebotConfig config = TradebotConfig.defaults(configDir).withKnowledgeDir(kb);
      try (CorpusManager corpora =
          new CorpusManager(kb, config.configDir(), IndexStore.inMemory(), clock)) {
        corpora.start();
        AnswerService service = new AnswerService(corpora, config.answer());
        try (CorpusManager.Lease lease = corpora.acquire()) {
          Corpus corpus = lease.corpus();
          AnswerRules rules = service.rules(corpus).rules();
          for (EvalQuestion q : QuestionFile.read(set.questions())) {
            Decline.Examined e =
                service.examine(corpus, rules, QuestionAnalyzer.normalize(q.question()));
            if (e == null) {
              e =
                  new Decline.Examined(
                      new QuestionAnalyzer(corpus.vocabulary(), rules)
                          .analyze(QuestionAnalyzer.normalize(q.question()), corpus.index()),
                      List.of(),
                      false,
                      0);
            }
            boolean[] correct = new boolean[e.candidates().size()];
            for (int i = 0; i < correct.length; i++) {
              Ranker.Candidate c = e.candidates().get(i);
              String quote =
                  String.join(
                      " ",
                      QuoteSpan.of(e.question(), c.hit()).stream().map(Sentence::text).toList());
              correct[i] = Evaluator.answers(q, quote, c.passage().source().published().toString());
            }
            examples.add(new Example(set.name(), q, e, correct));
          }
        }
      }
    } finally {
      deleteTree(kb);
    }
  }

  /** The questions looked up so far. */
  public int size() {
    return examples.size();
  }

  /** The names of the sets added, in order. */
  public List<String> sets() {
    return examples.stream().map(Example::set).distinct().toList();
  }

  /** Fits on every question added. */
  RankingModel fit() {
    return fit(examples, null, null);
  }

  /** Fits on {@code train}; {@code offRank}, {@code offDecline}: a feature left out, or null. */
  static RankingModel fit(List<Example> train, Feature offRank, DeclineFeature offDecline) {
    double[] w = fitRanker(train, offRank);
    RankingModel ranker = new RankingModel(w, 0, new double[DeclineFeature.values().length], 0.5);
    List<double[]> g = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (Example e : train) {
      g.add(Decline.features(e.examined(), AnswerService.rank(e.examined(), ranker)));
      y.add(e.answerable());
    }
    double[] v = fitLogistic(g, y, offDecline);
    double bias = v[v.length - 1];
    double[] weights = Arrays.copyOf(v, v.length - 1);
    RankingModel unthresholded = new RankingModel(w, bias, weights, 0.5);
    double threshold = threshold(train, unthresholded);
    return new RankingModel(w, bias, weights, threshold);
  }

  /** Conditional logit: maximizes log P(a right candidate first), by gradient ascent. */
  private static double[] fitRanker(List<Example> train, Feature off) {
    int n = Feature.values().length;
    double[] w = new double[n];
    List<Example> usable = train.stream().filter(Example::anyCorrect).toList();
    double[] m = new double[n];
    double[] v = new double[n];
    for (int step = 1; step <= STEPS; step++) {
      double[] grad = new double[n];
      for (Example e : usable) {
        List<Ranker.Candidate> cs = e.examined().candidates();
        double[] s = new double[cs.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
          s[i] = RankingModel.dot(w, cs.get(i).features());
          max = Math.max(max, s[i]);
        }
        double all = 0;
        double right = 0;
        double[] p = new double[s.length];
        for (int i = 0; i < s.length; i++) {
          p[i] = Math.exp(s[i] - max);
          all += p[i];
          right += e.correct()[i] ? p[i] : 0;
        }
        for (int i = 0; i < s.length; i++) {
          double coef = (e.correct()[i] ? p[i] / right : 0) - p[i] / all;
          double[] x = cs.get(i).features();
          for (int j = 0; j < n; j++) {
            grad[j] += coef * x[j];
          }
        }
      }
      adam(w, grad, m, v, step, usable.size(), off == null ? -1 : off.ordinal());
    }
    return w;
  }

  /** Logistic regression with equal class weights; the last weight is the bias. */
  private static double[] fitLogistic(List<double[]> xs, List<Boolean> ys, DeclineFeature off) {
    int n = DeclineFeature.values().length + 1;
    double[] w = new double[n];
    long positives = ys.stream().filter(b -> b).count();
    long negatives = ys.size() - positives;
    double[] m = new double[n];
    double[] v = new double[n];
    for (int step = 1; step <= STEPS * 2; step++) {
      double[] grad = new double[n];
      for (int i = 0; i < xs.size(); i++) {
        double[] x = xs.get(i);
        double z = w[n - 1];
        for (int j = 0; j < n - 1; j++) {
          z += w[j] * x[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        boolean y = ys.get(i);
        double weight = y ? 0.5 / Math.max(1, positives) : 0.5 / Math.max(1, negatives);
        double err = ((y ? 1 : 0) - p) * weight * xs.size();
        for (int j = 0; j < n - 1; j++) {
          grad[j] += err * x[j];
        }
        grad[n - 1] += err;
      }
      adam(w, grad, m, v, step, xs.size(), off == null ? -1 : off.ordinal());
    }
    return w;
  }

  /** One Adam step of ascent on {@code grad} (summed over {@code count} items) less the L2 term. */
  private static void adam(
      double[] w, double[] grad, double[] m, double[] v, int step, int count, int off) {
    for (int j = 0; j < w.length; j++) {
      if (j == off) {
        w[j] = 0;
        continue;
      }
      double g = grad[j] / Math.max(1, count) - L2 * w[j];
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      double mh = m[j] / (1 - Math.pow(0.9, step));
      double vh = v[j] / (1 - Math.pow(0.999, step));
      w[j] += LEARNING_RATE * mh / (Math.sqrt(vh) + 1e-8);
    }
  }

  /**
   * The probability below which to decline: the one with the least balanced error (false declines
   * over answerable questions plus answered traps over traps) on {@code train}, the lowest such.
   */
  private static double threshold(List<Example> train, RankingModel model) {
    List<double[]> scored = new ArrayList<>();
    int pos = 0;
    int neg = 0;
    for (Example e : train) {
      double p =
          model.answerable(Decline.features(e.examined(), AnswerService.rank(e.examined(), model)));
      scored.add(new double[] {p, e.answerable() ? 1 : 0});
      if (e.answerable()) {
        pos++;
      } else {
        neg++;
      }
    }
    if (pos == 0 || neg == 0) {
      return 0.5;
    }
    List<Double> cuts = new ArrayList<>();
    scored.forEach(s -> cuts.add(s[0]));
    Collections.sort(cuts);
    double best = 0.5;
    double bestError = Double.MAX_VALUE;
    for (int i = 0; i < cuts.size(); i++) {
      // Between two neighbouring probabilities, so that neither sits on the line.
      double t = i == 0 ? cuts.get(0) / 2 : (cuts.get(i - 1) + cuts.get(i)) / 2;
      int fd = 0;
      int ta = 0;
      for (double[] s : scored) {
        boolean declined = s[0] < t;
        if (s[1] == 1 && declined) {
          fd++;
        } else if (s[1] == 0 && !declined) {
          ta++;
        }
      }
      double error = (double) fd / pos + (double) ta / neg;
      if (error < bestError - 1e-12) {
        bestError = error;
        best = t;
      }
    }
    return Math.max(0, Math.min(1, best));
  }

  /** How {@code model} does on {@code test}, as the eval would count it. */
  static Score score(RankingModel model, List<Example> test) {
    int inScope = 0;
    int correct = 0;
    int falseDeclines = 0;
    int traps = 0;
    int declined = 0;
    int first = 0;
    int reachable = 0;
    for (Example e : test) {
      List<Ranker.Candidate> ranked = AnswerService.rank(e.examined(), model);
      boolean answered =
          !ranked.isEmpty()
              && model.answerable(Decline.features(e.examined(), ranked)) >= model.threshold();
      if (e.answerable()) {
        inScope++;
        falseDeclines += answered ? 0 : 1;
        boolean right = !ranked.isEmpty() && e.correct()[indexOf(e, ranked.getFirst())];
        correct += answered && right ? 1 : 0;
        first += right ? 1 : 0;
        reachable += e.anyCorrect() ? 1 : 0;
      } else {
        traps++;
        declined += answered ? 0 : 1;
      }
    }
    return new Score(inScope, correct, falseDeclines, traps, declined, first, reachable);
  }

  /**
   * The shipped model ({@code configDir/ranking.yaml}) on the questions added, then with each
   * feature's weight set to 0 in turn (not refitted): what each feature adds to these questions.
   */
  public List<String> ablation() {
    RankingModel shipped = RankingModel.load(configDir.resolve(ConfigFiles.RANKING));
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-32s %s", "shipped weights", score(shipped, examples)));
    for (Feature f : Feature.values()) {
      if (shipped.rank()[f.ordinal()] != 0) {
        out.add(
            String.format(
                Locale.ROOT,
                "%-32s %s",
                "rank." + f.key() + " off",
                score(shipped.without(f), examples)));
      }
    }
    for (DeclineFeature f : DeclineFeature.values()) {
      if (shipped.decline()[f.ordinal()] != 0) {
        out.add(
            String.format(
                Locale.ROOT,
                "%-32s %s",
                "decline." + f.key() + " off",
                score(shipped.without(f), examples)));
      }
    }
    return out;
  }

  /** The questions {@code model} gets wrong among {@code test}, one line each. */
  private static List<String> mistakes(RankingModel model, List<Example> test) {
    List<String> out = new ArrayList<>();
    for (Example e : test) {
      List<Ranker.Candidate> ranked = AnswerService.rank(e.examined(), model);
      double p = ranked.isEmpty() ? 0 : model.answerable(Decline.features(e.examined(), ranked));
      boolean answered = !ranked.isEmpty() && p >= model.threshold();
      String q = e.question().id() + " \"" + e.question().question() + "\"";
      if (!e.answerable() && answered) {
        out.add(String.format(Locale.ROOT, "answered trap (p %.2f) %s: %s", p, q, top(ranked)));
      } else if (e.answerable() && !answered) {
        out.add(String.format(Locale.ROOT, "declined (p %.2f) %s", p, q));
      } else if (e.answerable() && !e.correct()[indexOf(e, ranked.getFirst())]) {
        out.add("wrong " + q + ": " + top(ranked));
      }
    }
    return out;
  }

  private static String top(List<Ranker.Candidate> ranked) {
    return ranked.getFirst().passage().id()
        + " "
        + ranked.getFirst().passage().anchorSentence().text();
  }

  /** The cross-validation's mistakes (of the last run without a feature left out). */
  public List<String> mistakes() {
    return mistakes;
  }

  /** Cross-validated score per set: {@code folds} random folds of all questions. */
  List<String> crossValidate(int folds, long seed, Feature offRank, DeclineFeature offDecline) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] fold = new int[examples.size()];
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % folds;
    }
    java.util.Map<String, Score> bySet = new java.util.LinkedHashMap<>();
    for (int f = 0; f < folds; f++) {
      List<Example> train = new ArrayList<>();
      List<Example> test = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        (fold[i] == f ? test : train).add(examples.get(i));
      }
      RankingModel model = fit(train, offRank, offDecline);
      if (offRank == null && offDecline == null) {
        mistakes.addAll(mistakes(model, test));
      }
      for (String set : sets()) {
        Score s = score(model, test.stream().filter(inSet(set)).toList());
        bySet.merge(set, s, Score::plus);
      }
    }
    return lines(bySet);
  }

  /** Each set scored by the model fitted on all the other sets. */
  List<String> leaveOneSetOut() {
    java.util.Map<String, Score> bySet = new java.util.LinkedHashMap<>();
    for (String set : sets()) {
      List<Example> train = examples.stream().filter(inSet(set).negate()).toList();
      List<Example> test = examples.stream().filter(inSet(set)).toList();
      bySet.put(set, score(fit(train, null, null), test));
    }
    return lines(bySet);
  }

  /** Each set scored by {@code model} (fitted on them: not a measure of generalization). */
  List<String> scoreBySet(RankingModel model) {
    java.util.Map<String, Score> bySet = new java.util.LinkedHashMap<>();
    for (String set : sets()) {
      bySet.put(set, score(model, examples.stream().filter(inSet(set)).toList()));
    }
    return lines(bySet);
  }

  private static List<String> lines(java.util.Map<String, Score> bySet) {
    List<String> out = new ArrayList<>();
    Score all = new Score(0, 0, 0, 0, 0, 0, 0);
    for (var e : bySet.entrySet()) {
      out.add(String.format(Locale.ROOT, "%-12s %s", e.getKey(), e.getValue()));
      all = all.plus(e.getValue());
    }
    out.add(String.format(Locale.ROOT, "%-12s %s", "all", all));
    return out;
  }

  private static Predicate<Example> inSet(String set) {
    return e -> e.set().equals(set);
  }

  /**
   * Fits on every question, cross-validates, and writes the weights to {@code
   * configDir/ranking.yaml} with the cross-validated figures as comments; returns the report.
   */
  public List<String> fitAndWrite(int folds, long seed, boolean ablation) throws IOException {
    List<String> report = new ArrayList<>();
    report.add("fitted on " + examples.size() + " questions of " + String.join(", ", sets()));
    report.add(folds + "-fold cross-validation (questions not fitted on):");
    List<String> cv = crossValidate(folds, seed, null, null);
    cv.forEach(l -> report.add("  " + l));
    report.add("each set left out of the fit in turn:");
    leaveOneSetOut().forEach(l -> report.add("  " + l));
    RankingModel model = fit();
    report.add("the shipped weights on their own training questions (optimistic):");
    scoreBySet(model).forEach(l -> report.add("  " + l));
    if (ablation) {
      report.add("ablation, " + folds + "-fold (each feature left out of the fit in turn):");
      for (Feature f : Feature.values()) {
        report.add("  rank." + f.key() + " off: " + last(crossValidate(folds, seed, f, null)));
      }
      for (DeclineFeature f : DeclineFeature.values()) {
        report.add("  decline." + f.key() + " off: " + last(crossValidate(folds, seed, null, f)));
      }
    }
    List<String> header = new ArrayList<>();
    header.add(
        "Fitted by `./tradebot fit` (do not tune by hand: refit). Weights of the features in");
    header.add("src/main/java/tradebot/answer/Feature.java and DeclineFeature.java.");
    header.addAll(report.subList(0, Math.min(report.size(), 1 + cv.size() + 1)));
    Files.writeString(configDir.resolve(ConfigFiles.RANKING), model.toYaml(header));
    return report;
  }

  private static String last(List<String> lines) {
    return lines.getLast().replaceFirst("^all\\s+", "");
  }

  /** Where {@code c} (rescored) stands among the example's candidates as measured. */
  private static int indexOf(Example e, Ranker.Candidate c) {
    List<Ranker.Candidate> cs = e.examined().candidates();
    for (int i = 0; i < cs.size(); i++) {
      if (cs.get(i).hit() == c.hit()) {
        return i;
      }
    }
    throw new IllegalStateException("candidate not among the examined: " + c.passage().id());
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
