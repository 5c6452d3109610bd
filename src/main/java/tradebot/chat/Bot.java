package tradebot.chat;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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

/**
 * The {@link ChatService} every adapter shares: answers, sources, reload and help. Moderator checks
 * are the adapter's to make (it knows the platform's roles); this class refuses {@link
 * Command#RELOAD} to anyone the adapter did not mark as moderator. Thread-safe.
 */
public final class Bot implements ChatService {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);
  private static final Logger audit = LoggerFactory.getLogger("tradebot.audit");

  private final AnswerService answers;
  private final CorpusManager corpora;
  private final Consumer<Answer> onAnswer;

  public Bot(AnswerService answers, CorpusManager corpora) {
    this(answers, corpora, answer -> {});
  }

  /** @param onAnswer told of every answer given (for metrics); must be thread-safe and quick */
  public Bot(AnswerService answers, CorpusManager corpora, Consumer<Answer> onAnswer) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.corpora = Objects.requireNonNull(corpora, "corpora");
    this.onAnswer = Objects.requireNonNull(onAnswer, "onAnswer");
  }

  @Override
  public ChatReply handle(ChatRequest request) {
    try {
      return switch (request.command()) {
        case ASK -> Replies.of(ask(request.text()), footer());
        case SOURCES -> sources();
        case RELOAD -> reload(request);
        case HELP -> help();
        case TARIFF ->
            ChatReply.text(
                ChatReply.Status.INFO, "The tariff tracker is not available yet.", false);
      };
    } catch (RuntimeException e) {
      String id = UUID.randomUUID().toString().substring(0, 8);
      log.error(
          "error id={} handling {} from {} on {}",
          id,
          request.command(),
          request.userId(),
          request.platform(),
          e);
      return ChatReply.text(
          ChatReply.Status.ERROR, "Something went wrong on my side (error id " + id + ").", true);
    }
  }

  private Answer ask(String question) {
    Answer answer = answers.ask(question);
    onAnswer.accept(answer);
    return answer;
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
            "/tariff: the latest tariff level each way, with history and a chart",
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
