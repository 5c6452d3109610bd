package tradebot.chat;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
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
import tradebot.errors.ErrorIds;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
import tradebot.knowledge.Source;

/**
 * The {@link ChatService} every adapter shares: answers, tariffs, sources, reload and help.
 * Moderator checks are the adapter's to make (it knows the platform's roles); this class refuses
 * {@link Command#RELOAD} to anyone the adapter did not mark as moderator. Thread-safe.
 */
public final class Bot implements ChatService {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);
  private static final Logger audit = LoggerFactory.getLogger("tradebot.audit");

  /** Size of the tariff chart: legible as a chat embed. */
  static final int CHART_WIDTH = 1000;

  static final int CHART_HEIGHT = 500;

  private final AnswerService answers;
  private final CorpusManager corpora;
  private final Consumer<Answer> onAnswer;
  private final Clock clock;

  /** A bot whose "now" is the system clock in UTC, with no answer listener. */
  public Bot(AnswerService answers, CorpusManager corpora) {
    this(answers, corpora, Clock.systemUTC(), answer -> {});
  }

  /**
   * @param clock what "now" is for the latest tariff levels
   * @param onAnswer told of every answer given (for metrics); must be thread-safe and quick
   */
  public Bot(AnswerService answers, CorpusManager corpora, Clock clock, Consumer<Answer> onAnswer) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.corpora = Objects.requireNonNull(corpora, "corpora");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onAnswer = Objects.requireNonNull(onAnswer, "onAnswer");
  }

  @Override
  public ChatReply handle(ChatRequest request) {
    try {
      return switch (request.command()) {
        case ASK -> ask(request.text());
        case SOURCES -> sources();
        case RELOAD -> reload(request);
        case HELP -> help();
        case TARIFF -> tariff(request);
      };
    } catch (RuntimeException e) {
      String id =
          ErrorIds.logged(
              log,
              e,
              "handling {} from {} on {}",
              request.command(),
              request.userId(),
              request.platform());
      return ChatReply.text(ChatReply.Status.ERROR, ErrorIds.userText(id), true);
    }
  }

  /** The answer and the footer naming its knowledge base, both from one corpus. */
  private ChatReply ask(String question) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Answer answer = answers.ask(lease.corpus(), question);
      onAnswer.accept(answer);
      return Replies.of(answer, footer(lease.corpus()));
    }
  }

  private ChatReply reload(ChatRequest request) {
    String via = request.platform().name().toLowerCase(java.util.Locale.ROOT);
    if (!request.moderator()) {
      audit.info("reload by={} via={} outcome=DENIED", request.userId(), via);
      return ChatReply.text(
          ChatReply.Status.REFUSED, "Only moderators can reload the knowledge base.", true);
    }
    ReloadReport report;
    try {
      report = corpora.reload(request.userId(), via).get(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reloading", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("reload did not finish: " + e.getMessage(), e);
    }
    List<String> lines = new ArrayList<>();
    if (!report.added().isEmpty()) {
      lines.add("Added: " + String.join(", ", report.added()));
    }
    if (!report.changed().isEmpty()) {
      lines.add("Changed: " + String.join(", ", report.changed()));
    }
    if (!report.removed().isEmpty()) {
      lines.add("Removed: " + String.join(", ", report.removed()));
    }
    report
        .errors()
        .forEach(
            e ->
                lines.add(
                    "Skipped "
                        + e.file().getFileName()
                        + (e.line() > 0 ? ":" + e.line() : "")
                        + ": "
                        + e.message()));
    String lead =
        (report.ok() ? "Reloaded. " : "Reload failed; the previous knowledge base keeps serving. ")
            + report.message();
    return new ChatReply(
        report.ok() ? ChatReply.Status.INFO : ChatReply.Status.ERROR,
        lead,
        List.of(),
        List.of(),
        List.of(),
        lines,
        footer(),
        null,
        false);
  }

  /**
   * The latest tariff level in effect each way (or one way, option "direction" such as "us-china"),
   * with the day it holds from, quoted and cited; then what is pending and not in effect (threats,
   * levels announced for a later day), each on a line of its own; the history when option "history"
   * is "true", and a step chart unless option "chart" is "false".
   */
  private ChatReply tariff(ChatRequest request) {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus c = lease.corpus();
      TariffTimeline t = c.tariffs();
      TariffTimeline.Direction only = null;
      String spec = request.option("direction", "").strip();
      if (!spec.isEmpty()) {
        try {
          only = t.direction(spec);
        } catch (IllegalArgumentException e) {
          return ChatReply.text(
              ChatReply.Status.DECLINE, "I can't read that direction: " + e.getMessage(), true);
        }
      }
      List<TariffTimeline.Standing> standings =
          only == null ? t.latest(clock) : t.latest(clock, only).map(List::of).orElse(List.of());
      if (standings.isEmpty()) {
        String what =
            only == null ? "" : " for " + t.name(only.imposer()) + " on " + t.name(only.target());
        return new ChatReply(
            ChatReply.Status.INFO,
            "The loaded articles report no tariffs" + what + ".",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            footer(c),
            null,
            false);
      }
      Citations cite = new Citations();
      List<String> leads = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      // Levels in effect are cited first, so that their quotes come before those of threats.
      for (TariffTimeline.Standing s : standings) {
        StringBuilder lead = new StringBuilder(t.summary(s));
        for (TariffEvent e : levelEvents(s)) {
          lead.append(" [").append(cite.quote(e)).append("]");
          if (e.base() != null) {
            lead.append(" [").append(cite.quote(e.base())).append("]");
          }
        }
        leads.add(lead.toString());
      }
      for (TariffTimeline.Standing s : standings) {
        for (TariffEvent p : s.pending()) {
          String line = "Pending, not in effect: " + t.pendingText(p) + " [" + cite.quote(p) + "]";
          lines.add(p.base() == null ? line : line + " [" + cite.quote(p.base()) + "]");
        }
      }
      for (TariffTimeline.Standing s : standings) {
        for (TariffEvent x : s.cancellations()) {
          lines.add("Planned change suspended: " + t.line(x) + " [" + cite.quote(x) + "]");
        }
      }
      if (Boolean.parseBoolean(request.option("history", "false"))) {
        lines.add("History:");
        for (TariffEvent e : t.history(clock, only)) {
          lines.add(t.line(e) + " [" + cite.source(e) + "]");
        }
      }
      ChatReply.Attachment chart =
          Boolean.parseBoolean(request.option("chart", "true"))
              ? new ChatReply.Attachment(
                  "tariffs.png", "image/png", t.chart(clock, only, CHART_WIDTH, CHART_HEIGHT))
              : null;
      return new ChatReply(
          ChatReply.Status.INFO,
          String.join(" · ", leads),
          cite.quotes,
          List.of(),
          cite.sources,
          lines,
          footer(c),
          chart,
          false);
    }
  }

  private static List<TariffEvent> levelEvents(TariffTimeline.Standing s) {
    List<TariffEvent> out = new ArrayList<>();
    if (s.level() != null) {
      out.add(s.level());
    }
    out.addAll(s.disagreeing());
    return out;
  }

  /** Numbers sources in the order they are first cited; quotes each sentence once. */
  private static final class Citations {
    final List<ChatReply.Quote> quotes = new ArrayList<>();
    final List<ChatReply.SourceLine> sources = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Set<String> quoted = new HashSet<>();

    int source(TariffEvent e) {
      Source s = e.source();
      Integer n = numbers.get(s.id());
      if (n == null) {
        n = numbers.size() + 1;
        numbers.put(s.id(), n);
        sources.add(new ChatReply.SourceLine(n, s.outlet(), s.published(), s.title(), s.url()));
      }
      return n;
    }

    int quote(TariffEvent e) {
      int n = source(e);
      if (quoted.add(e.source().id() + "\n" + e.quote())) {
        quotes.add(new ChatReply.Quote(n, e.quote()));
      }
      return n;
    }
  }

  private ChatReply sources() {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      Corpus c = lease.corpus();
      List<String> lines = new ArrayList<>();
      for (Corpus.ArticleInfo a : c.articles()) {
        lines.add(
            a.source().published()
                + " · "
                + a.source().outlet()
                + " · "
                + a.source().title()
                + (a.source().url() == null ? "" : " · " + a.source().url()));
      }
      String lead =
          c.isEmpty()
              ? "No sources are loaded."
              : "I answer from " + c.articles().size() + " articles:";
      return new ChatReply(
          ChatReply.Status.INFO,
          lead,
          List.of(),
          List.of(),
          List.of(),
          lines,
          footer(c),
          null,
          false);
    }
  }

  private static ChatReply help() {
    return new ChatReply(
        ChatReply.Status.INFO,
        "I answer questions about US-China trade policy from cited news articles.",
        List.of(),
        List.of(),
        List.of(),
        List.of(
            "/ask <question>: an answer with verbatim quotes and sources",
            "/tariff: the latest tariff level each way and since when, what is pending, history"
                + " and a chart",
            "/sources: the articles I answer from",
            "/reload: reload the knowledge base (moderators)"),
        "",
        null,
        true);
  }

  private String footer() {
    try (CorpusManager.Lease lease = corpora.acquire()) {
      return footer(lease.corpus());
    }
  }

  static String footer(Corpus c) {
    return "knowledge base "
        + c.version()
        + " · "
        + c.articles().size()
        + " articles · loaded "
        + DateTimeFormatter.ISO_LOCAL_DATE.format(c.loadedAt().atZone(java.time.ZoneOffset.UTC));
  }
}
