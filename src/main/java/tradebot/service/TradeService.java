package tradebot.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.answer.Answer;
import tradebot.answer.AnswerService;
import tradebot.corpus.Corpus;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
import tradebot.feedback.FeedbackException;
import tradebot.feedback.FeedbackStore;
import tradebot.feedback.Given;
import tradebot.feedback.Report;
import tradebot.feedback.Vote;
import tradebot.feedback.Voted;
import tradebot.knowledge.ArticleUpload;
import tradebot.knowledge.LoadError;

/**
 * The one application service: what the bot does (ask, tariffs, sources, reload), each with a typed
 * result that the chat adapters, the HTTP API and the command line only render. Every result is
 * read from one knowledge base (one corpus version), which it names. Failures it does not expect
 * are thrown; each front door turns them into an error id ({@code tradebot.errors.ErrorIds}).
 * Thread-safe.
 */
public final class TradeService {
  private static final Logger log = LoggerFactory.getLogger(TradeService.class);
  private static final Logger audit = LoggerFactory.getLogger("tradebot.audit");

  private final AnswerService answers;
  private final CorpusManager corpora;
  private final Clock clock;
  private final Consumer<Answer> onAnswer;
  private final FeedbackStore feedback;

  /**
   * @param clock what "now" is for the latest tariff levels
   * @param onAnswer told of every answer given (for metrics); must be thread-safe and quick
   * @param feedback where answers given in chat, their votes and declined questions are kept
   */
  public TradeService(
      AnswerService answers,
      CorpusManager corpora,
      Clock clock,
      Consumer<Answer> onAnswer,
      FeedbackStore feedback) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.corpora = Objects.requireNonNull(corpora, "corpora");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onAnswer = Objects.requireNonNull(onAnswer, "onAnswer");
    this.feedback = Objects.requireNonNull(feedback, "feedback");
  }

  /**
   * Keeps a finished load in the audit (who asked, how it ended, what changed, the new tariff
   * reports and moved levels, quoted); called by the corpus manager on its builder thread. A
   * database that cannot be written is logged, and the reload stands.
   */
  public void audit(ReloadReport report, List<CorpusManager.Requester> by) {
    TariffTimeline timeline = null;
    if (report.ok()) {
      try (CorpusManager.Lease lease = corpora.acquire()) {
        timeline = lease.corpus().tariffs();
      }
    }
    try {
      feedback.record(DigestLines.audit(report, by, timeline, clock.instant()));
    } catch (FeedbackException e) {
      log.warn("reload of {} not kept in the audit: {}", report.version(), e.getMessage());
    }
  }

  /** The knowledge base an answer or a listing was read from. */
  public record KnowledgeBase(String version, int articles, Instant loadedAt) {
    static KnowledgeBase of(Corpus c) {
      return new KnowledgeBase(c.version(), c.articles().size(), c.loadedAt());
    }
  }

  /**
   * An answer (or a decline) and the knowledge base it came from.
   *
   * @param answerId the id it is kept under for votes and the moderators' report, when it was kept
   */
  public record Asked(Answer answer, KnowledgeBase base, Optional<String> answerId) {
    public Asked {
      Objects.requireNonNull(answerId, "answerId");
    }
  }

  /** What {@link #report} made. */
  public sealed interface Reported {
    /** The requester is no moderator. */
    record Denied() implements Reported {}

    /** The report of the period asked for. */
    record Made(Report report) implements Reported {}
  }

  /** Who asks for something only moderators may do, and through which front door. */
  public record Requester(String who, String via, boolean moderator) {
    public Requester {
      Objects.requireNonNull(who, "who");
      Objects.requireNonNull(via, "via");
    }
  }

  /** What {@link #tariffs} found. */
  public sealed interface Tariffs {
    /**
     * The tariff levels of one knowledge base, all read at one instant.
     *
     * @param timeline the tracked tariffs
     * @param only the one direction asked for, or null for both
     * @param standings the latest level of each direction asked for (empty: no tariffs reported)
     * @param at the clock the levels were read at: fixed, so that the history, chart and JSON agree
     *     with them
     */
    record Levels(
        TariffTimeline timeline,
        TariffTimeline.Direction only,
        List<TariffTimeline.Standing> standings,
        Clock at,
        KnowledgeBase base)
        implements Tariffs {
      public Levels {
        standings = List.copyOf(standings);
      }

      /** Every event of the directions asked for, oldest first, as of {@code at}. */
      public List<TariffEvent> history() {
        return timeline.history(at, only);
      }

      /** The tracker's JSON: {@code latest}, {@code pending} and {@code history}. */
      public String json() {
        return timeline.json(at, only);
      }

      /** A PNG step chart of the levels over time. */
      public byte[] chart(int width, int height) {
        return timeline.chart(at, only, width, height);
      }
    }

    /** The direction asked for is not one the timeline knows; {@code message} says why. */
    record UnknownDirection(String spec, String message) implements Tariffs {}
  }

  /**
   * The articles of one knowledge base, the files it skipped and its tariff timeline, all read from
   * the same version.
   *
   * @param passages passages indexed, over all articles
   * @param figures figures extracted, over all articles
   * @param tariffs the tariff timeline of these articles
   */
  public record Listing(
      List<Corpus.ArticleInfo> articles,
      List<LoadError> skipped,
      int passages,
      int figures,
      TariffTimeline tariffs,
      KnowledgeBase base) {
    public Listing {
      articles = List.copyOf(articles);
      skipped = List.copyOf(skipped);
    }
  }

  /** What {@link #reload} did. */
  public sealed interface Reloaded {
    /** The requester is no moderator; nothing was reloaded. */
    record Denied() implements Reloaded {}

    /** The reload finished (swapped, unchanged, refused or failed: the report says). */
    record Finished(ReloadReport report, KnowledgeBase base) implements Reloaded {}

    /** The reload is under way and did not finish within the wait. */
    record Running() implements Reloaded {}
  }

  /** What {@link #add} did. */
  public sealed interface Added {
    /** The requester is no moderator; nothing was written. */
    record Denied() implements Added {}

    /** The upload lacks what a citation needs: give {@code fields} with the command. */
    record Missing(List<String> fields, String message) implements Added {
      public Missing {
        fields = List.copyOf(fields);
      }
    }

    /**
     * The upload was refused and nothing was written; {@code message} names the file, the line
     * (when there is one) and what is wrong.
     */
    record Refused(String message) implements Added {}

    /**
     * The file was written and the knowledge base reloaded; when the reload did not take it ({@code
     * kept} false), the file was removed again and the old knowledge base serves.
     *
     * @param notes what the moderator should know about the upload (fields not used)
     */
    record Finished(
        String fileName, boolean kept, ReloadReport report, KnowledgeBase base, List<String> notes)
        implements Added {
      public Finished {
        notes = List.copyOf(notes);
      }
    }

    /** The reload is under way and did not finish within the wait. */
    record Running(String fileName) implements Added {}
  }

  /** Whether the knowledge base is loaded (before that, nothing else here can answer). */
  public boolean ready() {
    return corpora.ready();
  }

  /** The knowledge base serving now. */
  public KnowledgeBase knowledgeBase() {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      return KnowledgeBase.of(lease.corpus());
    }
  }

  /**
   * Answers {@code question} from the knowledge base serving now, keeping nothing (the HTTP API,
   * the command line, evaluations).
   */
  public Asked ask(String question) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Answer answer = answers.ask(lease.corpus(), question);
      onAnswer.accept(answer);
      return new Asked(answer, KnowledgeBase.of(lease.corpus()), Optional.empty());
    }
  }

  /**
   * Answers {@code question} for someone in a chat, and keeps the answer or decline (not a refusal
   * of an empty question) under an id that people vote with and the moderators' report names.
   */
  public Asked ask(String question, Requester asker) {
    Asked asked = ask(question);
    Optional<Given> given = given(asked, asker);
    return given.isEmpty()
        ? asked
        : new Asked(asked.answer(), asked.base(), Optional.of(feedback.record(given.get())));
  }

  private static Optional<Given> given(Asked asked, Requester asker) {
    return switch (asked.answer()) {
      case Answer.Answered a ->
          Optional.of(
              new Given(
                  asker.via(),
                  asker.who(),
                  a.question(),
                  asked.base().version(),
                  false,
                  a.lead(),
                  a.citations().stream()
                      .map(c -> new Given.Passage(c.source().id(), c.source().title(), c.quote()))
                      .toList()));
      case Answer.NotFound nf ->
          Optional.of(
              new Given(
                  asker.via(),
                  asker.who(),
                  nf.question(),
                  asked.base().version(),
                  true,
                  nf.message(),
                  List.of()));
      case Answer.Refused r -> Optional.empty();
    };
  }

  /** Records {@code voter}'s vote on the answer kept as {@code answerId}. */
  public Voted vote(String answerId, Requester voter, Vote vote) {
    return feedback.vote(answerId, voter.via(), voter.who(), vote);
  }

  /** A report's period in days when none is asked for, and the longest one. */
  public static final int REPORT_DAYS = 7;

  public static final int REPORT_MAX_DAYS = 3650;

  /**
   * The report period that {@code spec} names in days (blank or null: {@link #REPORT_DAYS}).
   *
   * @throws IllegalArgumentException naming {@code spec} when it is no whole number from 1 to
   *     {@link #REPORT_MAX_DAYS}
   */
  public static int reportDays(String spec) {
    if (spec == null || spec.isBlank()) {
      return REPORT_DAYS;
    }
    int days;
    try {
      days = Integer.parseInt(spec.strip());
    } catch (NumberFormatException e) {
      days = 0;
    }
    if (days < 1 || days > REPORT_MAX_DAYS) {
      throw new IllegalArgumentException(
          "days must be a whole number from 1 to " + REPORT_MAX_DAYS + ": " + spec.strip());
    }
    return days;
  }

  /** At most this many declined questions, and as many voted-down answers, in a report. */
  public static final int REPORT_ROWS = 10;

  /**
   * For a moderator: the most frequent declined questions and the most voted-down answers of the
   * last {@code period}, at most {@link #REPORT_ROWS} of each.
   */
  public Reported report(Requester requester, Duration period) {
    if (!requester.moderator()) {
      audit.info("report by={} via={} outcome=DENIED", requester.who(), requester.via());
      return new Reported.Denied();
    }
    return new Reported.Made(feedback.report(period, REPORT_ROWS));
  }

  /** How the question is read and ranked, line by line (for tuning; not an answer). */
  public List<String> explain(String question) {
    return answers.explain(question);
  }

  /**
   * The latest tariff levels each way, or one way when {@code direction} (such as "us-china") is
   * not blank, with their history.
   */
  public Tariffs tariffs(String direction) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus c = lease.corpus();
      TariffTimeline t = c.tariffs();
      TariffTimeline.Direction only = null;
      String spec = direction == null ? "" : direction.strip();
      if (!spec.isEmpty()) {
        try {
          only = t.direction(spec);
        } catch (IllegalArgumentException e) {
          return new Tariffs.UnknownDirection(spec, e.getMessage());
        }
      }
      Clock at = Clock.fixed(clock.instant(), clock.getZone());
      List<TariffTimeline.Standing> standings =
          only == null ? t.latest(at) : t.latest(at, only).map(List::of).orElse(List.of());
      return new Tariffs.Levels(t, only, standings, at, KnowledgeBase.of(c));
    }
  }

  /** The loaded articles. */
  public Listing sources() {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus c = lease.corpus();
      return new Listing(
          c.articles(),
          c.errors(),
          c.passageCount(),
          c.figureCount(),
          c.tariffs(),
          KnowledgeBase.of(c));
    }
  }

  /**
   * Adds an uploaded article for a moderator ({@code .md}/{@code .txt} with front matter, a plain
   * text or a saved {@code .html} page, with {@code fields} for what the file does not say), then
   * reloads, waiting at most {@code wait}. A broken file is refused with the loader's own error and
   * nothing is written; what serves is never touched by a refused upload.
   *
   * @throws IllegalStateException when the reload itself broke
   */
  public Added add(
      Requester requester,
      String uploadName,
      byte[] bytes,
      ArticleUpload.Fields fields,
      Duration wait)
      throws InterruptedException {
    if (!requester.moderator()) {
      audit.info("add by={} via={} outcome=DENIED", requester.who(), requester.via());
      return new Added.Denied();
    }
    ArticleUpload.Prepared.Ready ready;
    switch (ArticleUpload.prepare(uploadName, bytes, fields)) {
      case ArticleUpload.Prepared.Missing m -> {
        return new Added.Missing(m.fields(), m.message());
      }
      case ArticleUpload.Prepared.Refused r -> {
        audit.info("add by={} via={} outcome=REFUSED", requester.who(), requester.via());
        return new Added.Refused(uploadName + ": " + r.message());
      }
      case ArticleUpload.Prepared.Ready r -> ready = r;
    }
    Future<CorpusManager.Added> future =
        corpora.add(ready.fileName(), ready.content(), requester.who(), requester.via());
    CorpusManager.Added added;
    try {
      added = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Added.Running(ready.fileName());
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "add did not finish: " + e.getCause().getMessage(), e.getCause());
    }
    return switch (added) {
      case CorpusManager.Added.Refused r -> {
        audit.info("add by={} via={} outcome=REFUSED", requester.who(), requester.via());
        yield new Added.Refused(
            (uploadName.equals(ready.fileName()) ? "" : uploadName + " as ") + r.error());
      }
      case CorpusManager.Added.Loaded l ->
          new Added.Finished(
              ready.fileName(), l.kept(), l.report(), knowledgeBase(), ready.notes());
    };
  }

  /**
   * Reloads the knowledge base for a moderator, waiting at most {@code wait} for it to finish (the
   * reload goes on after that; zero: do not wait). A refusal is audited here; the reload audits
   * itself.
   *
   * @throws IllegalStateException when the reload itself broke (not when it refused bad files)
   */
  public Reloaded reload(Requester requester, Duration wait) throws InterruptedException {
    if (!requester.moderator()) {
      audit.info("reload by={} via={} outcome=DENIED", requester.who(), requester.via());
      return new Reloaded.Denied();
    }
    Future<ReloadReport> future = corpora.reload(requester.who(), requester.via());
    if (wait.isZero()) {
      return new Reloaded.Running();
    }
    ReloadReport report;
    try {
      report = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Reloaded.Running();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "reload did not finish: " + e.getCause().getMessage(), e.getCause());
    }
    return new Reloaded.Finished(report, knowledgeBase());
  }
}
