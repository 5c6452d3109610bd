package tradebot.chat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.corpus.Corpus;
import tradebot.corpus.ReloadReport;
import tradebot.errors.ErrorIds;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
import tradebot.feedback.Reload;
import tradebot.feedback.Report;
import tradebot.feedback.Vote;
import tradebot.feedback.Voted;
import tradebot.knowledge.ArticleUpload;
import tradebot.knowledge.Source;
import tradebot.service.DigestLines;
import tradebot.service.TradeService;

/**
 * The {@link ChatService} every adapter shares: renders what the application service ({@link
 * TradeService}) gives for answers, tariffs, sources, reload, add and help as platform-neutral
 * replies. Moderator checks are the adapter's to make (it knows the platform's roles); the service
 * refuses {@link Command#RELOAD} to anyone the adapter did not mark as moderator. Thread-safe.
 */
public final class Bot implements ChatService {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  /** Size of the tariff chart: legible as a chat embed. */
  static final int CHART_WIDTH = 1000;

  static final int CHART_HEIGHT = 500;

  /** How long a chat reload waits for the new knowledge base. */
  private static final Duration RELOAD_WAIT = Duration.ofMinutes(5);

  private final TradeService service;

  public Bot(TradeService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  public ChatReply handle(ChatRequest request) {
    try {
      return switch (request.command()) {
        case ASK -> ask(request);
        case SOURCES -> sources();
        case RELOAD -> reload(request);
        case ADD -> add(request);
        case VOTE -> vote(request);
        case REPORT -> report(request);
        case HELP -> help(request.platform());
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

  /**
   * The answer and the footer naming its knowledge base, both from one corpus. An answer carries
   * the id it is kept under (in the footer, and for the adapters' vote buttons); a decline is kept
   * for the moderators' report, but there is nothing in it to vote on.
   */
  private ChatReply ask(ChatRequest request) {
    TradeService.Asked asked = service.ask(request.text(), requester(request));
    String footer = footer(asked.base());
    return asked
        .answerId()
        .filter(id -> asked.answer().answered())
        .map(id -> Replies.of(asked.answer(), footer + " · answer " + id).withAnswerId(id))
        .orElseGet(() -> Replies.of(asked.answer(), footer));
  }

  private static TradeService.Requester requester(ChatRequest request) {
    return new TradeService.Requester(
        request.userId(), request.platform().name().toLowerCase(Locale.ROOT), request.moderator());
  }

  /** Records a 👍 or 👎; only the voter sees the reply. */
  private ChatReply vote(ChatRequest request) {
    String id = request.option("answer", "").strip();
    Vote vote;
    try {
      vote = Vote.parse(request.option("vote", ""));
    } catch (IllegalArgumentException e) {
      return ChatReply.text(
          ChatReply.Status.DECLINE, "I can't read that vote: " + e.getMessage(), true);
    }
    String text =
        switch (service.vote(id, requester(request), vote)) {
          case Voted.Recorded r ->
              "Thanks: your " + r.vote().emoji() + " on answer " + id + " is recorded.";
          case Voted.Changed c ->
              "Your vote on answer "
                  + id
                  + " is now "
                  + c.to().emoji()
                  + " (it was "
                  + c.from().emoji()
                  + ").";
          case Voted.Unchanged u ->
              "Your " + u.vote().emoji() + " on answer " + id + " was already recorded.";
          case Voted.UnknownAnswer u ->
              "I don't keep an answer "
                  + id
                  + " (answers are deleted after the retention period), so the vote was not recorded.";
        };
    return ChatReply.text(ChatReply.Status.INFO, text, true);
  }

  /** The moderators' report of the last days (option "days"); only the moderator sees it. */
  private ChatReply report(ChatRequest request) {
    int days;
    try {
      days = TradeService.reportDays(request.option("days", ""));
    } catch (IllegalArgumentException e) {
      return ChatReply.text(ChatReply.Status.DECLINE, e.getMessage(), true);
    }
    return switch (service.report(requester(request), Duration.ofDays(days))) {
      case TradeService.Reported.Denied d ->
          ChatReply.text(ChatReply.Status.REFUSED, "Only moderators can see the report.", true);
      case TradeService.Reported.Made m -> reportReply(m.report(), days);
    };
  }

  private static ChatReply reportReply(Report r, int days) {
    List<String> lines = new ArrayList<>();
    if (!r.declined().isEmpty() || r.declinedWithoutText() > 0) {
      lines.add("Declined most often:");
    }
    for (Report.Declined d : r.declined()) {
      lines.add(d.times() + "× " + d.question() + " (last " + day(d.last()) + ")");
    }
    if (r.declinedWithoutText() > 0) {
      lines.add(
          r.declinedWithoutText()
              + " declined questions whose text is not kept (privacy.store_questions)");
    }
    if (!r.disliked().isEmpty()) {
      lines.add("Voted down most:");
    }
    for (Report.Disliked d : r.disliked()) {
      StringBuilder line =
          new StringBuilder("answer " + d.answerId() + " · 👎 " + d.down() + " 👍 " + d.up());
      if (!d.question().isEmpty()) {
        line.append(" · asked: ").append(d.question());
      }
      line.append(" · answered: ").append(d.lead());
      d.passages()
          .forEach(
              p ->
                  line.append(" · cited \"")
                      .append(p.quote())
                      .append("\" (")
                      .append(p.title())
                      .append(")"));
      lines.add(line.toString());
    }
    if (!r.reloads().isEmpty()) {
      lines.add("Reloads, newest first:");
    }
    for (Reload l : r.reloads()) {
      StringBuilder line =
          new StringBuilder(
              MINUTE.format(l.at().atZone(ZoneOffset.UTC))
                  + " · "
                  + l.outcome().toLowerCase(Locale.ROOT)
                  + " · by "
                  + String.join(", ", l.by().stream().map(Reload.Requester::via).toList())
                  + " · "
                  + l.message());
      List<String> reports = l.tariffReports();
      reports.stream()
          .limit(REPORT_TARIFF_ROWS)
          .forEach(t -> line.append(" · new tariff report: ").append(t));
      if (reports.size() > REPORT_TARIFF_ROWS) {
        line.append(" · … and ")
            .append(reports.size() - REPORT_TARIFF_ROWS)
            .append(" more tariff reports");
      }
      l.levelChanges().forEach(c -> line.append(" · ").append(c));
      lines.add(line.toString());
    }
    String lead =
        "Feedback of the last "
            + days
            + (days == 1 ? " day: " : " days: ")
            + r.answers()
            + " answers given, "
            + r.declines()
            + " declined, "
            + r.votedDown()
            + " voted down.";
    return ChatReply.of(ChatReply.Status.INFO, lead).lines(lines).ephemeral().build();
  }

  /** At most this many of a reload's tariff reports are named in the report; the rest counted. */
  static final int REPORT_TARIFF_ROWS = 3;

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static String day(java.time.Instant at) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneOffset.UTC));
  }

  private ChatReply reload(ChatRequest request) {
    TradeService.Reloaded outcome;
    try {
      outcome = service.reload(requester(request), RELOAD_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reloading", e);
    }
    return switch (outcome) {
      case TradeService.Reloaded.Denied d ->
          ChatReply.text(
              ChatReply.Status.REFUSED, "Only moderators can reload the knowledge base.", true);
      case TradeService.Reloaded.Running r ->
          throw new IllegalStateException("reload did not finish within " + RELOAD_WAIT);
      case TradeService.Reloaded.Finished f -> digest("", f.report(), f.base(), List.of()).build();
    };
  }

  /** The article uploaded with the request, added to the knowledge base and reloaded. */
  private ChatReply add(ChatRequest request) {
    ChatRequest.Upload upload = request.upload();
    if (upload == null && !request.moderator()) {
      upload = new ChatRequest.Upload("", new byte[0]); // refused before it is read
    }
    if (upload == null) {
      return ChatReply.text(
          ChatReply.Status.DECLINE,
          "Attach the article file to add: a .md or .txt with front matter, or an .html page"
              + " saved from the browser.",
          true);
    }
    ArticleUpload.Fields fields = ArticleUpload.Fields.of(name -> request.option(name, ""));
    TradeService.Added outcome;
    try {
      outcome =
          service.add(requester(request), upload.filename(), upload.data(), fields, RELOAD_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding an article", e);
    }
    return switch (outcome) {
      case TradeService.Added.Denied d ->
          ChatReply.text(ChatReply.Status.REFUSED, "Only moderators can add articles.", true);
      case TradeService.Added.Missing m ->
          ChatReply.text(
              ChatReply.Status.DECLINE,
              "Not added: " + m.message() + ". Nothing was changed.",
              true);
      case TradeService.Added.Refused r ->
          ChatReply.text(
              ChatReply.Status.DECLINE,
              "Not added: " + r.message() + ". Nothing was changed.",
              true);
      case TradeService.Added.Running r ->
          throw new IllegalStateException(
              "adding " + r.fileName() + " did not finish within " + RELOAD_WAIT);
      case TradeService.Added.Finished f -> {
        String lead =
            f.kept()
                ? "Added " + f.fileName() + ". "
                : "Not added: the reload did not take "
                    + f.fileName()
                    + ", so it was removed again. ";
        // Like every other answer to /add, the digest goes to the moderator alone.
        yield digest(lead, f.report(), f.base(), f.notes()).ephemeral().build();
      }
    };
  }

  /** At most this many articles and tariff events are named in a digest; the rest are counted. */
  static final int DIGEST_ROWS = 10;

  /**
   * What a reload changed, for moderators: the articles added, changed and removed, the tariff
   * events the new articles report, and each direction whose latest level is not what it was, each
   * quoted and cited.
   */
  private ChatReply.Builder digest(
      String leadStart, ReloadReport report, TradeService.KnowledgeBase base, List<String> notes) {
    List<String> lines = new ArrayList<>(notes);
    Map<String, Corpus.ArticleInfo> serving = new HashMap<>();
    TariffTimeline timeline = null;
    if (report.ok()) {
      TradeService.Listing now = service.sources(); // articles and tariffs of one version
      now.articles().forEach(a -> serving.put(a.source().id(), a));
      timeline = now.tariffs();
    }
    articles(lines, "Added", report.added(), serving);
    articles(lines, "Changed", report.changed(), serving);
    articles(lines, "Removed", report.removed(), Map.of());
    Citations cite = new Citations();
    if (timeline != null) {
      List<TariffEvent> events = report.tariffEvents();
      for (TariffEvent e : events.subList(0, Math.min(DIGEST_ROWS, events.size()))) {
        lines.add("New tariff report: " + timeline.line(e) + " [" + cite.quote(e) + "]");
      }
      if (events.size() > DIGEST_ROWS) {
        lines.add("… and " + (events.size() - DIGEST_ROWS) + " more tariff reports");
      }
      for (ReloadReport.LevelChange c : report.levelChanges()) {
        lines.add(DigestLines.levelChange(timeline, c, e -> "[" + cite.quote(e) + "]"));
      }
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
        leadStart
            + (report.ok()
                ? "Reloaded. "
                : "Reload failed; the previous knowledge base keeps serving. ")
            + report.message();
    return ChatReply.of(report.ok() ? ChatReply.Status.INFO : ChatReply.Status.ERROR, lead)
        .quotes(cite.quotes)
        .sources(cite.sources)
        .lines(lines)
        .footer(footer(base));
  }

  private static void articles(
      List<String> lines, String what, List<String> ids, Map<String, Corpus.ArticleInfo> serving) {
    List<String> shown = ids.subList(0, Math.min(DIGEST_ROWS, ids.size()));
    for (String id : shown) {
      Corpus.ArticleInfo a = serving.get(id);
      lines.add(
          what
              + ": "
              + (a == null
                  ? id
                  : a.source().title()
                      + " ("
                      + a.source().outlet()
                      + ", "
                      + a.source().published()
                      + ")"));
    }
    if (ids.size() > shown.size()) {
      lines.add(what + ": … and " + (ids.size() - shown.size()) + " more");
    }
  }

  /**
   * The latest tariff level in effect each way (or one way, option "direction" such as "us-china"),
   * with the day it holds from, quoted and cited; then what is pending and not in effect (threats,
   * levels announced for a later day), each on a line of its own; the history when option "history"
   * is "true", and a step chart unless option "chart" is "false".
   */
  private ChatReply tariff(ChatRequest request) {
    TradeService.Tariffs found = service.tariffs(request.option("direction", ""));
    if (found instanceof TradeService.Tariffs.UnknownDirection u) {
      return ChatReply.text(
          ChatReply.Status.DECLINE, "I can't read that direction: " + u.message(), true);
    }
    TradeService.Tariffs.Levels levels = (TradeService.Tariffs.Levels) found;
    TariffTimeline t = levels.timeline();
    TariffTimeline.Direction only = levels.only();
    if (levels.standings().isEmpty()) {
      String what =
          only == null ? "" : " for " + t.name(only.imposer()) + " on " + t.name(only.target());
      return ChatReply.of(
              ChatReply.Status.INFO, "The loaded articles report no tariffs" + what + ".")
          .footer(footer(levels.base()))
          .build();
    }
    Citations cite = new Citations();
    List<String> leads = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    // Levels in effect are cited first, so that their quotes come before those of threats.
    for (TariffTimeline.Standing s : levels.standings()) {
      StringBuilder lead = new StringBuilder(t.summary(s));
      for (TariffEvent e : levelEvents(s)) {
        lead.append(" [").append(cite.quote(e)).append("]");
        if (e.base() != null) {
          lead.append(" [").append(cite.quote(e.base())).append("]");
        }
      }
      leads.add(lead.toString());
    }
    for (TariffTimeline.Standing s : levels.standings()) {
      for (TariffEvent p : s.pending()) {
        String line = "Pending, not in effect: " + t.pendingText(p) + " [" + cite.quote(p) + "]";
        lines.add(p.base() == null ? line : line + " [" + cite.quote(p.base()) + "]");
      }
    }
    for (TariffTimeline.Standing s : levels.standings()) {
      for (TariffEvent x : s.cancellations()) {
        lines.add("Planned change suspended: " + t.line(x) + " [" + cite.quote(x) + "]");
      }
    }
    if (Boolean.parseBoolean(request.option("history", "false"))) {
      lines.add("History:");
      for (TariffEvent e : levels.history()) {
        lines.add(t.line(e) + " [" + cite.source(e) + "]");
      }
    }
    ChatReply.Attachment chart =
        Boolean.parseBoolean(request.option("chart", "true"))
            ? new ChatReply.Attachment(
                "tariffs.png", "image/png", levels.chart(CHART_WIDTH, CHART_HEIGHT))
            : null;
    return ChatReply.of(ChatReply.Status.INFO, String.join(" · ", leads))
        .quotes(cite.quotes)
        .sources(cite.sources)
        .lines(lines)
        .footer(footer(levels.base()))
        .attachment(chart)
        .build();
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
    TradeService.Listing listing = service.sources();
    List<String> lines = new ArrayList<>();
    for (Corpus.ArticleInfo a : listing.articles()) {
      lines.add(
          a.source().published()
              + " · "
              + a.source().outlet()
              + " · "
              + a.source().title()
              + (a.source().url() == null ? "" : " · " + a.source().url()));
    }
    String lead =
        listing.articles().isEmpty()
            ? "No sources are loaded."
            : "I answer from " + listing.articles().size() + " articles:";
    return ChatReply.of(ChatReply.Status.INFO, lead)
        .lines(lines)
        .footer(footer(listing.base()))
        .build();
  }

  /**
   * The commands with an example of each, as they are typed on the asker's platform: Discord's
   * slash commands take named options, Slack's take words and adding an article is a mention with
   * the file, the console has no uploads.
   */
  static ChatReply help(Platform platform) {
    boolean discord = platform == Platform.DISCORD;
    boolean slack = platform == Platform.SLACK;
    List<String> lines = new ArrayList<>();
    lines.add(
        platform == Platform.CONSOLE
            ? "<question>: an answer with verbatim quotes and sources, e.g. what is the US tariff"
                + " on Chinese goods now?"
            : "/ask <question>: an answer with verbatim quotes and sources, e.g. /ask what is the"
                + " US tariff on Chinese goods now?");
    if (slack) {
      lines.add(
          "@tradebot <question>: the same, answered in the thread, e.g. @tradebot who led the"
              + " US delegation?");
    }
    lines.add(
        "/tariff: the latest tariff level each way and since when, what is pending, history"
            + (platform == Platform.CONSOLE ? "" : " and a chart")
            + ", e.g. "
            + (discord ? "/tariff direction: us-china history: true" : "/tariff history us-china"));
    lines.add("/sources: the articles I answer from, e.g. /sources");
    if (discord || slack) {
      lines.add("👍 / 👎 under an answer: tell the moderators whether it helped");
    }
    lines.add("/reload: reload the knowledge base and say what changed (moderators), e.g. /reload");
    if (discord) {
      lines.add(
          "/add: add an article from an attached .md, .txt or saved .html file and reload"
              + " (moderators), e.g. /add file: page.html outlet: Reuters");
    }
    if (slack) {
      lines.add(
          "@tradebot add: add the .md, .txt or saved .html file shared in the message and reload"
              + " (moderators), e.g. @tradebot add outlet: Reuters published: 2025-12-05");
    }
    lines.add(
        "/report: the questions I could not answer and the answers voted down (moderators), e.g. "
            + (discord ? "/report days: 7" : "/report 7"));
    if (platform == Platform.CONSOLE) {
      lines.add("/quit: leave, e.g. /quit");
    }
    return ChatReply.of(
            ChatReply.Status.INFO,
            "I answer questions about US-China trade policy from cited news articles.")
        .lines(lines)
        .ephemeral()
        .build();
  }

  static String footer(TradeService.KnowledgeBase base) {
    return "knowledge base "
        + base.version()
        + " · "
        + base.articles()
        + " articles · loaded "
        + day(base.loadedAt());
  }
}
