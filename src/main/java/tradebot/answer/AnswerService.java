package tradebot.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tradebot.config.TradebotConfig;
import tradebot.corpus.Corpus;
import tradebot.corpus.CorpusManager;
import tradebot.index.Hit;
import tradebot.index.SearchQuery;
import tradebot.index.TermGroup;
import tradebot.knowledge.Passage;

/**
 * Answers questions from the serving corpus: search, rank, decide whether the best passage covers
 * the question, and build a cited answer. Thread-safe.
 */
public final class AnswerService {
  private final CorpusManager corpora;
  private final TradebotConfig.Answer settings;

  public AnswerService(CorpusManager corpora, TradebotConfig.Answer settings) {
    this.corpora = Objects.requireNonNull(corpora, "corpora");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Answers {@code question}; never throws for any user text. */
  public Answer ask(String question) {
    long t0 = System.nanoTime();
    String q = question == null ? "" : question;
    String note = "";
    if (q.length() > settings.maxQuestionChars()) {
      q = q.substring(0, settings.maxQuestionChars());
      note =
          "Your question was long; I read its first "
              + settings.maxQuestionChars()
              + " characters.";
    }
    if (q.isBlank()) {
      return new Answer.Refused(
          q,
          note,
          Answer.Refused.Reason.EMPTY_QUESTION,
          "Ask me about US-China trade policy, e.g. \"What is the tariff on Chinese goods now?\".",
          took(t0));
    }
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus corpus = lease.corpus();
      if (corpus.isEmpty()) {
        return new Answer.Refused(
            q, note, Answer.Refused.Reason.NO_SOURCES, "No sources are loaded.", took(t0));
      }
      List<TermGroup> groups = new ArrayList<>();
      for (String w : q.split("\\W+")) {
        if (!w.isBlank()) {
          groups.add(new TermGroup(List.of(w), 1f, false));
        }
      }
      List<Hit> hits = corpus.index().search(new SearchQuery(groups, 10));
      if (hits.isEmpty()) {
        return new Answer.NotFound(
            q, note, "My sources don't cover that. Try /sources.", 0, took(t0));
      }
      Passage p = hits.getFirst().passage();
      var s = p.anchorSentence();
      var citation = new Answer.Citation(1, p.source(), s.text(), s.start(), s.end());
      return new Answer.Answered(
          q,
          note,
          s.text(),
          QuestionType.WHAT,
          List.of(citation),
          s.figures().stream().map(f -> new Answer.CitedFigure(f, 1)).toList(),
          0.5,
          took(t0));
    }
  }

  private static Duration took(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
