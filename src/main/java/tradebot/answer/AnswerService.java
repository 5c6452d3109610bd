package tradebot.answer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
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

  /** Further quotes must score at least this share of the best one. */
  private static final double FURTHER_QUOTE_SHARE = 0.8;

  /**
   * The least a question must say, as the summed rarity of its concepts: one word found in about a
   * tenth of the passages, or two of the commonest ones.
   */
  private static final double MIN_QUESTION_WEIGHT = 2.3;

  /** Entities weigh more than other words in the search: an answer must be about them. */
  private static final float ENTITY_BOOST = 1.5f;

  private final CorpusManager corpora;
  private final Path configDir;
  private final TradebotConfig.Answer settings;
  private final AtomicReference<Loaded> rules = new AtomicReference<>();

  /**
   * Rules loaded for one corpus version: a reload that changes answers.yaml changes the version.
   */
  private record Loaded(String version, AnswerRules rules) {}

  public AnswerService(CorpusManager corpora, Path configDir, TradebotConfig.Answer settings) {
    this.corpora = Objects.requireNonNull(corpora, "corpora");
    this.configDir = Objects.requireNonNull(configDir, "configDir");
    this.settings = Objects.requireNonNull(settings, "settings");
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
    AnswerRules r = rules(corpus);
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
    return answer(corpus, r, q, note, t0);
  }

  private Answer answer(Corpus corpus, AnswerRules r, String q, String note, long t0) {
    PassageIndex index = corpus.index();
    if (offTopic(corpus, q)) {
      return new Answer.NotFound(q, note, r.message("decline"), 0, took(t0));
    }
    Question question = new QuestionAnalyzer(corpus.vocabulary(), r).analyze(q, index);
    double said =
        question.concepts().stream()
            .mapToDouble(c -> c.weight() * (c.entity() ? ENTITY_BOOST : 1))
            .sum();
    boolean oneLooseWord =
        question.concepts().size() == 1 && !question.concepts().getFirst().entity();
    if (said < MIN_QUESTION_WEIGHT || oneLooseWord) {
      // One plain word ("what time is it?") is no topic to answer about; one name is.
      // Nothing asked but words every article uses ("what about Beijing?"): no way to choose.
      return new Answer.NotFound(q, note, r.message("decline"), 0, took(t0));
    }
    List<Ranker.Candidate> ranked = rank(question, index);
    if (ranked.isEmpty() || ranked.getFirst().confidence() < settings.minConfidence()) {
      double best = ranked.isEmpty() ? 0 : ranked.getFirst().confidence();
      return new Answer.NotFound(q, note, r.message("decline"), best, took(t0));
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
      if (!first
          && (c.confidence() < settings.minConfidence()
              || c.score() < FURTHER_QUOTE_SHARE * best.score())) {
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
    String lead = new LeadWriter(r).lead(question, leadQuote);
    return new Answer.Answered(
        q, note, lead, question.type(), citations, figures, best.confidence(), took(t0));
  }

  /**
   * How a question is read and ranked, for people tuning the vocabulary: its type, concepts with
   * weights, and the best candidates with their scores. Not part of any answer.
   */
  public List<String> explain(String question) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus corpus = lease.corpus();
      AnswerRules r = rules(corpus);
      PassageIndex index = corpus.index();
      Question q =
          new QuestionAnalyzer(corpus.vocabulary(), r)
              .analyze(QuestionAnalyzer.normalize(question), index);
      List<String> out = new ArrayList<>();
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
      if (q.concepts().isEmpty()) {
        return out;
      }
      List<Ranker.Candidate> ranked = rank(q, index);
      for (Ranker.Candidate c : ranked.subList(0, Math.min(8, ranked.size()))) {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%.3f conf=%.2f cov=%.2f typed=%-5s %s %s",
                c.score(),
                c.confidence(),
                c.coverage(),
                c.typed(),
                c.passage().source().published(),
                c.passage().anchorSentence().text()));
      }
      return out;
    }
  }

  /** Searches with the question's concepts, weighted by rarity and names first, and re-ranks. */
  private static List<Ranker.Candidate> rank(Question question, PassageIndex index) {
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
                    : Optional.of(Month.of(question.month()))));
    return new Ranker(index).rank(question, hits);
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

  private AnswerRules rules(Corpus corpus) {
    Loaded loaded = rules.get();
    if (loaded == null || !loaded.version().equals(corpus.version())) {
      loaded = new Loaded(corpus.version(), AnswerRules.load(configDir.resolve("answers.yaml")));
      rules.set(loaded);
    }
    return loaded.rules();
  }

  private static Duration took(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
