package tradebot.answer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleFunction;
import tradebot.config.ConfigFiles;
import tradebot.config.TradebotConfig;
import tradebot.corpus.Corpus;
import tradebot.corpus.CorpusManager;
import tradebot.index.Hit;
import tradebot.index.PassageIndex;
import tradebot.index.SearchQuery;
import tradebot.index.TermGroup;
import tradebot.knowledge.Figure;
import tradebot.knowledge.Passage;
import tradebot.knowledge.Sentence;

/**
 * Answers questions from the serving corpus: reads the question, searches, re-ranks, decides
 * whether the best passage covers the question, and builds a cited answer whose every sentence is a
 * quote. A question is answered wholly from one corpus, even during a reload. Thread-safe.
 */
public final class AnswerService {
  /** BM25 candidates to re-rank: enough to reach the answer when the wording differs. */
  private static final int CANDIDATES = 30;

  /**
   * Further quotes must score within this of the best one: e^-0.7, about half as likely to be the
   * answer.
   */
  private static final double FURTHER_QUOTE_GAP = 0.7;

  /** Entities weigh more than other words in the search: an answer must be about them. */
  private static final float ENTITY_BOOST = 1.5f;

  private final CorpusManager corpora;
  private final TradebotConfig.Answer settings;
  private final Clock clock;
  private final AtomicReference<Loaded> rules = new AtomicReference<>();

  /**
   * Rules loaded for one corpus version: a reload that changes answers.yaml changes the version.
   */
  record Loaded(String version, AnswerRules rules, RankingModel model) {}

  /**
   * What the check of the last build parsed, from exactly these files: the corpus that build makes
   * carries the same {@link ConfigFiles}, so its rules are not parsed a second time.
   */
  private record Checked(ConfigFiles config, AnswerRules rules, RankingModel model) {}

  private final AtomicReference<Checked> checked = new AtomicReference<>();

  public AnswerService(CorpusManager corpora, TradebotConfig.Answer settings) {
    this(corpora, settings, Clock.systemUTC());
  }

  /**
   * An answer service whose "now" (the day a question about today's tariff level asks about) is
   * {@code clock}'s. Its rules ({@code answers.yaml}) and weights ({@code ranking.yaml}) are those
   * of the corpus that answers ({@link Corpus#config()}); a build whose files do not parse is
   * refused, and the corpus serving keeps serving.
   */
  public AnswerService(CorpusManager corpora, TradebotConfig.Answer settings, Clock clock) {
    this.corpora = Objects.requireNonNull(corpora, "corpora");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    corpora.checkConfigWith(this::check);
    // WordNet takes a second to read: do it now, beside start-up, not on the first question.
    Thread.ofVirtual().name("thesaurus-warm-up").start(Thesaurus::warmUp);
  }

  /** Answers {@code question}; never throws for any user text. */
  public Answer ask(String question) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      return ask(lease.corpus(), question);
    }
  }

  /**
   * Answers {@code question} from {@code corpus}, which the caller holds (a {@link
   * CorpusManager.Lease}), so that what it says beside the answer (e.g. the knowledge base's
   * version) comes from the same corpus; never throws for any user text.
   */
  public Answer ask(Corpus corpus, String question) {
    long t0 = System.nanoTime();
    Loaded loaded = rules(corpus);
    AnswerRules r = loaded.rules();
    String q = question == null ? "" : question;
    String note = "";
    if (q.length() > settings.maxQuestionChars()) {
      q = q.substring(0, settings.maxQuestionChars());
      note = r.message("shortened").replace("{max}", Integer.toString(settings.maxQuestionChars()));
    }
    q = QuestionAnalyzer.normalize(q);
    if (q.isBlank()) {
      return new Answer.Refused(
          q, note, Answer.Refused.Reason.EMPTY_QUESTION, r.message("empty"), took(t0));
    }
    if (corpus.isEmpty()) {
      return new Answer.Refused(
          q, note, Answer.Refused.Reason.NO_SOURCES, r.message("no_sources"), took(t0));
    }
    return answer(corpus, loaded, q, note, t0);
  }

  /**
   * The question read and looked up, its candidates measured but not yet ranked; null when it names
   * nothing to look up.
   */
  Decline.Examined examine(Corpus corpus, AnswerRules r, String q) {
    return examine(corpus, new QuestionAnalyzer(corpus.vocabulary(), r).analyze(q, corpus.index()));
  }

  private Decline.Examined examine(Corpus corpus, Question question) {
    PassageIndex index = corpus.index();
    String q = question.text();
    boolean oneLooseWord =
        question.concepts().size() == 1 && !question.concepts().getFirst().entity();
    if (question.concepts().isEmpty() || oneLooseWord) {
      // Nothing to look up; or one plain word ("tariffs?"), which is no question: one name is.
      return null;
    }
    double said =
        question.concepts().stream()
            .mapToDouble(c -> c.weight() * (c.entity() ? ENTITY_BOOST : 1))
            .sum();
    List<Hit> hits = search(question, corpus);
    return new Decline.Examined(
        question,
        new Ranker(index, corpus.tariffs()).measure(question, hits),
        offTopic(corpus, q),
        said);
  }

  /** The examined question's candidates ranked by {@code model}, best first. */
  static List<Ranker.Candidate> rank(Decline.Examined examined, RankingModel model) {
    List<Ranker.Candidate> out = new ArrayList<>();
    for (Ranker.Candidate c : examined.candidates()) {
      out.add(c.rescored(model));
    }
    out.sort(java.util.Comparator.comparingDouble(Ranker.Candidate::score).reversed());
    return out;
  }

  private Answer answer(Corpus corpus, Loaded r, String q, String note, long t0) {
    Question question =
        new QuestionAnalyzer(corpus.vocabulary(), r.rules()).analyze(q, corpus.index());
    TariffAnswers tariffs =
        new TariffAnswers(
            corpus.tariffs(), settings.maxCitations(), r.rules().message("before_record"));
    LocalDate today = LocalDate.now(clock);
    Optional<TariffAnswers.Tracked> tracked = tariffs.answer(question, today, note, took(t0));
    if (tracked.orElse(null) instanceof TariffAnswers.Tracked.Level level) {
      return level.answer();
    }
    // Else, when it spoke, the timeline has no level then (the day asked about is before its
    // first): no level in effect, but an article of that time may say what was proposed or
    // threatened. The ranking decides from such articles only; else the reply says what the
    // timeline knows.
    Optional<TariffAnswers.Tracked.BeforeRecord> beforeRecord =
        tracked.map(TariffAnswers.Tracked.BeforeRecord.class::cast);
    // A decline: what the timeline knows, when it spoke, else the ranking's own, with its chance.
    DoubleFunction<Answer.NotFound> declined =
        answerable ->
            beforeRecord
                .map(b -> new Answer.NotFound(q, note, b.message(), 1.0, took(t0)))
                .orElseGet(
                    () ->
                        new Answer.NotFound(
                            q, note, r.rules().message("decline"), answerable, took(t0)));
    Decline.Examined examined = examine(corpus, question);
    if (examined == null) {
      return declined.apply(0);
    }
    List<Ranker.Candidate> ranked = rank(examined, r.model());
    double answerable = r.model().answerable(Decline.features(examined, ranked));
    if (ranked.isEmpty() || answerable < r.model().threshold()) {
      return declined.apply(answerable);
    }
    if (beforeRecord.isPresent()) {
      LocalDate day = beforeRecord.get().day();
      if (ranked.getFirst().passage().source().published().isAfter(day)) {
        return declined.apply(answerable); // the best candidate is of a later article
      }
      ranked = ranked.stream().filter(c -> !c.passage().source().published().isAfter(day)).toList();
    }
    Ranker.Candidate best = ranked.getFirst();
    List<Answer.Citation> citations = new ArrayList<>();
    List<Answer.CitedFigure> figures = new ArrayList<>();
    List<Sentence> leadQuote = null;
    Set<String> quoted = new HashSet<>();
    for (Ranker.Candidate c : ranked) {
      if (citations.size() == settings.maxCitations()) {
        break;
      }
      boolean first = citations.isEmpty();
      if (!first && (c.entityMissing() || c.score() < best.score() - FURTHER_QUOTE_GAP)) {
        break;
      }
      List<Sentence> quote = QuoteSpan.of(question, c.hit());
      if (quote.stream().anyMatch(s -> quoted.contains(key(c.passage(), s)))) {
        continue; // overlaps a quote already given
      }
      quote.forEach(s -> quoted.add(key(c.passage(), s)));
      int n = citations.size() + 1;
      Passage p = c.passage();
      String text = String.join(" ", quote.stream().map(Sentence::text).toList());
      citations.add(
          new Answer.Citation(
              n, p.source(), text, quote.getFirst().start(), quote.getLast().end()));
      for (Sentence s : quote) {
        for (Figure f : s.figures()) {
          figures.add(new Answer.CitedFigure(f, n));
        }
      }
      if (first) {
        leadQuote = quote;
      }
    }
    String lead =
        new LeadWriter(r.rules()).lead(question, leadQuote, best.passage().anchorSentence());
    return new Answer.Answered(
        q, note, lead, question.type(), citations, figures, answerable, took(t0));
  }

  /**
   * How a question is read and ranked, for people tuning the vocabulary: its type, concepts with
   * weights, and the best candidates with their scores. Not part of any answer.
   */
  public List<String> explain(String question) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus corpus = lease.corpus();
      Loaded r = rules(corpus);
      PassageIndex index = corpus.index();
      Question q =
          new QuestionAnalyzer(corpus.vocabulary(), r.rules())
              .analyze(QuestionAnalyzer.normalize(question), index);
      List<String> out = new ArrayList<>();
      TariffAnswers tariffs =
          new TariffAnswers(
              corpus.tariffs(), settings.maxCitations(), r.rules().message("before_record"));
      LocalDate today = LocalDate.now(clock);
      tariffs
          .query(q, today)
          .ifPresent(
              t ->
                  out.add(
                      "tariff question: "
                          + t
                          + switch (tariffs.answer(q, today, "", Duration.ZERO).orElse(null)) {
                            case TariffAnswers.Tracked.Level level ->
                                " -> answered from the timeline";
                            case TariffAnswers.Tracked.BeforeRecord before ->
                                " -> older than the timeline's first level: ranked, answered"
                                    + " only from an article of that time";
                            case null -> " -> the timeline has no answer for it: ranked";
                          }));
      out.add(
          "type="
              + q.type().label()
              + " wanted="
              + q.wantedFigures()
              + " recency="
              + q.recency()
              + " year="
              + q.year()
              + " month="
              + q.month()
              + " off-topic="
              + offTopic(corpus, q.text()));
      for (Question.Concept c : q.concepts()) {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "concept %-24s entity=%-5s fuzzy=%-5s weight=%.2f %s",
                c.text(),
                c.entity(),
                c.fuzzy(),
                c.weight(),
                c.alternatives()));
      }
      Decline.Examined examined = examine(corpus, r.rules(), q.text());
      if (examined == null) {
        out.add("nothing to look up: declined");
        return out;
      }
      RankingModel model = r.model();
      List<Ranker.Candidate> ranked = rank(examined, model);
      double[] g = Decline.features(examined, ranked);
      double p = model.answerable(g);
      StringBuilder decide =
          new StringBuilder(
              String.format(
                  java.util.Locale.ROOT,
                  "answerable=%.3f threshold=%.3f -> %s; bias %+.3f",
                  p,
                  model.threshold(),
                  p < model.threshold() ? "decline" : "answer",
                  model.bias()));
      for (DeclineFeature f : DeclineFeature.values()) {
        double w = model.decline()[f.ordinal()];
        if (w != 0) {
          decide.append(
              String.format(
                  java.util.Locale.ROOT,
                  " %s %.3f*%+.2f=%+.3f",
                  f.key(),
                  g[f.ordinal()],
                  w,
                  w * g[f.ordinal()]));
        }
      }
      out.add(decide.toString());
      for (Ranker.Candidate c : ranked.subList(0, Math.min(8, ranked.size()))) {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%.3f %s %s %s",
                c.score(),
                c.passage().id(),
                c.passage().source().published(),
                c.passage().anchorSentence().text()));
        StringBuilder parts = new StringBuilder("       ");
        for (Feature f : Feature.values()) {
          double w = model.rank()[f.ordinal()];
          double x = c.feature(f);
          if (w != 0 && x != 0) {
            parts.append(
                String.format(java.util.Locale.ROOT, " %s %.2f*%+.2f=%+.3f", f.key(), x, w, w * x));
          }
        }
        out.add(parts.toString());
      }
      return out;
    }
  }

  /**
   * Searches with the question's concepts, weighted by rarity and names first, and its embedding.
   */
  private static List<Hit> search(Question question, Corpus corpus) {
    PassageIndex index = corpus.index();
    List<TermGroup> groups = new ArrayList<>();
    for (Question.Concept c : question.concepts()) {
      float boost = (float) c.weight() * (c.entity() ? ENTITY_BOOST : 1f);
      groups.add(new TermGroup(c.alternatives(), Math.max(boost, 0.01f), c.fuzzy()));
    }
    List<Hit> hits =
        index.search(
            new SearchQuery(
                groups,
                CANDIDATES,
                question.year() == 0 ? Optional.empty() : Optional.of(Year.of(question.year())),
                question.year() == 0 || question.month() == 0
                    ? Optional.empty()
                    : Optional.of(Month.of(question.month())),
                Optional.of(corpus.embedder().query(question.text()))));
    return hits;
  }

  /** Whether the question names something moderators listed as outside trade policy. */
  private static boolean offTopic(Corpus corpus, String q) {
    String lower =
        " " + q.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    return corpus.vocabulary().offTopic().stream().anyMatch(w -> lower.contains(" " + w + " "));
  }

  private static String key(Passage p, Sentence s) {
    return p.source().id() + "@" + s.start();
  }

  Loaded rules(Corpus corpus) {
    Loaded loaded = rules.get();
    if (loaded == null || !loaded.version().equals(corpus.version())) {
      Checked c = checked.get();
      loaded =
          c != null && c.config() == corpus.config()
              ? new Loaded(corpus.version(), c.rules(), c.model())
              : parse(corpus.version(), corpus.config());
      rules.set(loaded);
    }
    return loaded;
  }

  /** Parses a build's rules before it serves, so that a broken file refuses the build. */
  private void check(ConfigFiles config) {
    Loaded parsed = parse("", config);
    checked.set(new Checked(config, parsed.rules(), parsed.model()));
  }

  private static Loaded parse(String version, ConfigFiles config) {
    return new Loaded(
        version,
        AnswerRules.parse(config.required(ConfigFiles.ANSWERS), config.path(ConfigFiles.ANSWERS)),
        RankingModel.parse(config.required(ConfigFiles.RANKING), config.path(ConfigFiles.RANKING)));
  }

  private static Duration took(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
