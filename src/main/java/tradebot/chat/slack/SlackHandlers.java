package tradebot.chat.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import com.slack.api.model.event.AppMentionEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.ChatService;
import tradebot.chat.Command;
import tradebot.chat.Platform;
import tradebot.chat.RateLimiter;
import tradebot.config.TradebotConfig;
import tradebot.feedback.Vote;
import tradebot.knowledge.ArticleUpload;
import tradebot.knowledge.KnowledgeLoader;

/**
 * The Bolt handlers: {@code /ask}, {@code /tariff}, {@code /sources}, {@code /reload}, {@code
 * /report}, {@code app_mention} (a moderator's "@bot add" with a file shared in the message adds
 * it) and the 👍 / 👎 buttons. Each acknowledges at once (Slack allows 3 seconds) and answers from
 * a small worker pool through the response URL or a threaded message. Moderators are the configured
 * user ids and the workspace's admins and owners. Thread-safe.
 */
final class SlackHandlers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);
  private static final Map<String, Command> COMMANDS =
      Map.of(
          "/ask",
          Command.ASK,
          "/tariff",
          Command.TARIFF,
          "/sources",
          Command.SOURCES,
          "/reload",
          Command.RELOAD,
          "/report",
          Command.REPORT);
  private static final Pattern LEADING_MENTIONS =
      Pattern.compile("^(\\s*<@[A-Z0-9]+(\\|[^>]*)?>)+\\s*");

  /** "title: ... outlet: ..." after "@bot add": each field runs to the next field's name. */
  private static final Pattern ADD_FIELD = addFields(ArticleUpload.Fields.NAMES);

  private static final String BUSY = "I'm busy right now; please try again in a minute.";

  private final ChatService bot;
  private final TradebotConfig.Slack config;
  private final Function<String, RateLimiter.Verdict> admitUser;
  private final Delivery delivery;
  private final Retry retry;
  private final ThreadPoolExecutor workers;
  private final SlackFiles files;

  // Slack redelivers an event it thinks was not acknowledged, to any replica: the first claim
  // of an event id answers it.
  private final Predicate<String> firstDelivery;

  SlackHandlers(
      ChatService bot,
      TradebotConfig.Slack config,
      Function<String, RateLimiter.Verdict> admitUser,
      Retry retry,
      Predicate<String> firstDelivery) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.firstDelivery = Objects.requireNonNull(firstDelivery, "firstDelivery");
    this.config = Objects.requireNonNull(config, "config");
    this.admitUser = Objects.requireNonNull(admitUser, "admitUser");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.delivery = new Delivery(retry);
    this.files = new SlackFiles(config.apiUrl());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            4,
            4,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100),
            r -> {
              Thread t = new Thread(r, "slack-reply-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.workers.allowCoreThreadTimeOut(true);
  }

  void register(App app) {
    COMMANDS.forEach(
        (name, command) ->
            app.command(name, (req, ctx) -> command(command, req.getPayload(), ctx)));
    app.event(AppMentionEvent.class, this::mention);
    for (Vote v : Vote.values()) {
      app.blockAction(
          SlackRenderer.VOTE_ACTION + v.label(), (req, ctx) -> vote(v, req.getPayload(), ctx));
    }
  }

  /** A 👍 or 👎 button: acknowledged at once, recorded by a worker, answered to the voter only. */
  private Response vote(Vote vote, BlockActionPayload p, ActionContext ctx) {
    String answerId =
        p.getActions().stream()
            .filter(a -> a.getActionId().equals(SlackRenderer.VOTE_ACTION + vote.label()))
            .map(BlockActionPayload.Action::getValue)
            .findFirst()
            .orElse("");
    ChatRequest request =
        new ChatRequest(
            Platform.SLACK,
            p.getUser().getId(),
            p.getChannel() == null ? "" : p.getChannel().getId(),
            Command.VOTE,
            "",
            false,
            Map.of("answer", answerId, "vote", vote.label()));
    try {
      workers.execute(
          () -> {
            ChatReply reply = bot.handle(request);
            if (!delivery.respondPrivately(ctx, SlackRenderer.render(reply, ""))) {
              log.warn(
                  "the vote of {} was not acknowledged: the response URL failed",
                  p.getUser().getId());
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("reply queue full: vote from {} refused", p.getUser().getId());
    }
    return ctx.ack();
  }

  private Response command(Command command, SlashCommandPayload p, SlashCommandContext ctx) {
    if (admitUser.apply(p.getUserId()) instanceof RateLimiter.Limited l) {
      return ctx.ack(tooFast(l));
    }
    String text = p.getText() == null ? "" : p.getText().strip();
    Command c = command == Command.ASK && text.isEmpty() ? Command.HELP : command;
    ChatRequest request =
        new ChatRequest(
            Platform.SLACK,
            p.getUserId(),
            p.getChannelId(),
            c,
            c == Command.ASK ? text : "",
            false,
            options(c, text));
    String echo =
        (p.getCommand() == null ? "" : p.getCommand()) + (text.isEmpty() ? "" : " " + text);
    try {
      workers.execute(() -> answerCommand(request, echo, ctx));
    } catch (RejectedExecutionException e) {
      log.warn("reply queue full: {} from {} refused", command, p.getUserId());
      return ctx.ack(BUSY);
    }
    return ctx.ack();
  }

  /**
   * Answers through the response URL; when that fails for good, the asker alone gets the reply in
   * the channel ({@code chat.postEphemeral}), so that a question is never met with silence.
   */
  private void answerCommand(ChatRequest request, String echo, SlashCommandContext ctx) {
    ChatReply reply = bot.handle(withModerator(request, ctx.client()));
    SlackRenderer.Rendered r = SlackRenderer.render(reply, reply.ephemeral() ? "" : echo);
    if (!delivery.respond(ctx, r, reply.ephemeral())) {
      log.warn(
          "the response URL failed for good: the reply goes to {} privately", request.userId());
      delivery.postEphemeral(ctx.client(), request.channelId(), request.userId(), null, r);
      return;
    }
    if (reply.attachment() != null && !reply.ephemeral()) {
      delivery.upload(ctx.client(), request.channelId(), null, reply.attachment());
    }
  }

  /** The acknowledgement of a limited request: how long until the user may ask again. */
  static String tooFast(RateLimiter.Limited l) {
    return "You are sending requests too fast; please try again in "
        + l.retryAfterSeconds()
        + " s.";
  }

  private Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent e = payload.getEvent();
    if (e.getBotId() != null || e.getUser() == null) {
      return ctx.ack();
    }
    if (payload.getEventId() != null && !firstDelivery.test(payload.getEventId())) {
      return ctx.ack();
    }
    String threadTs = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
    MethodsClient client = ctx.client();
    try {
      if (admitUser.apply(e.getUser()) instanceof RateLimiter.Limited l) {
        workers.execute(
            () ->
                delivery.postEphemeral(
                    client,
                    e.getChannel(),
                    e.getUser(),
                    threadTs,
                    SlackRenderer.render(
                        ChatReply.text(ChatReply.Status.RATE_LIMITED, tooFast(l), true), "")));
      } else {
        ChatRequest request = mentionRequest(e.getUser(), e.getChannel(), e.getText());
        com.slack.api.model.File file =
            e.getFiles() == null || e.getFiles().isEmpty() ? null : e.getFiles().getFirst();
        String token = ctx.getBotToken();
        workers.execute(
            () -> answerMention(request, file, token, e.getChannel(), threadTs, client));
      }
    } catch (RejectedExecutionException ex) {
      log.warn("reply queue full: mention from {} dropped", e.getUser());
    }
    return ctx.ack();
  }

  private void answerMention(
      ChatRequest request,
      com.slack.api.model.File file,
      String token,
      String channel,
      String threadTs,
      MethodsClient client) {
    ChatRequest marked = withModerator(request, client);
    ChatReply reply;
    if (marked.command() == Command.ADD && marked.moderator() && file != null) {
      reply = add(marked, file, token);
    } else {
      reply = bot.handle(marked);
    }
    SlackRenderer.Rendered r = SlackRenderer.render(reply, "");
    if (reply.ephemeral()) {
      delivery.postEphemeral(client, channel, request.userId(), threadTs, r);
      return;
    }
    if (delivery.post(client, channel, threadTs, r) && reply.attachment() != null) {
      delivery.upload(client, channel, threadTs, reply.attachment());
    }
  }

  /**
   * A moderator's "@bot add" with a file shared in the message: the file is downloaded (refused
   * unread when Slack says it is over the size limit), then added; the reply says what changed.
   */
  private ChatReply add(ChatRequest request, com.slack.api.model.File file, String token) {
    String name = file.getName() != null ? file.getName() : file.getTitle();
    String tooLarge = file.getSize() == null ? null : KnowledgeLoader.tooLarge(file.getSize());
    if (tooLarge != null) {
      return ChatReply.text(
          ChatReply.Status.DECLINE,
          "Not added: " + name + " " + tooLarge + ". Nothing was changed.",
          true);
    }
    String url =
        file.getUrlPrivateDownload() != null ? file.getUrlPrivateDownload() : file.getUrlPrivate();
    byte[] data;
    try {
      data = files.download(url, token, KnowledgeLoader.MAX_FILE_BYTES);
    } catch (IOException | RuntimeException ex) {
      log.warn("cannot download {} shared by {}: {}", name, request.userId(), ex.getMessage());
      return ChatReply.text(
          ChatReply.Status.ERROR,
          "Not added: I could not download " + name + " from Slack. Nothing was changed.",
          true);
    }
    return bot.handle(request.withUpload(new ChatRequest.Upload(name == null ? "" : name, data)));
  }

  /**
   * The request a mention stands for: "@bot sources", "@bot help", "@bot reload", "@bot report
   * [days]", "@bot add [title: ...] [outlet: ...] [published: ...] [url: ...] [author: ...]", "@bot
   * tariff [history] [us-china|china-us]" are commands; anything else is a question.
   */
  static ChatRequest mentionRequest(String user, String channel, String text) {
    String rest = LEADING_MENTIONS.matcher(text == null ? "" : text).replaceFirst("").strip();
    String lower = rest.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "");
    Command c;
    if (lower.isEmpty() || lower.equals("help")) {
      c = Command.HELP;
    } else if (lower.equals("sources")) {
      c = Command.SOURCES;
    } else if (lower.equals("reload")) {
      c = Command.RELOAD;
    } else if (lower.matches("report( \\d+)?")) {
      c = Command.REPORT;
    } else if (lower.equals("add") || lower.startsWith("add ")) {
      c = Command.ADD;
    } else if (lower.matches("tariffs?( (history|us-china|china-us))*")) {
      c = Command.TARIFF;
    } else {
      c = Command.ASK;
    }
    // The command's arguments are what follows its word, as a slash command's text is (an added
    // article's fields keep their case).
    String args = (c == Command.ADD ? rest : lower).replaceFirst("^\\S+\\s*", "");
    return new ChatRequest(
        Platform.SLACK, user, channel, c, c == Command.ASK ? rest : "", false, options(c, args));
  }

  /**
   * The options of command {@code c} given {@code text}, its arguments: a slash command's text, or
   * what follows the command's word in a mention.
   */
  private static Map<String, String> options(Command c, String text) {
    Map<String, String> options = new HashMap<>();
    if (c == Command.REPORT && !text.isBlank()) {
      options.put("days", text.strip());
    }
    if (c == Command.ADD) {
      Matcher m = ADD_FIELD.matcher(text);
      while (m.find()) {
        // Slack shows a link as <https://...> or <https://...|label>.
        String value = m.group(2).strip().replaceAll("^<([^|>]*)(\\|[^>]*)?>$", "$1");
        options.put(m.group(1).toLowerCase(Locale.ROOT), value);
      }
    }
    if (c == Command.TARIFF) {
      String t = text.toLowerCase(Locale.ROOT);
      if (t.contains("history")) {
        options.put("history", "true");
      }
      if (t.contains("us-china")) {
        options.put("direction", "us-china");
      } else if (t.contains("china-us")) {
        options.put("direction", "china-us");
      }
    }
    return options;
  }

  /**
   * {@code request}, marked as a moderator's when it is a reload or a report asked by a moderator.
   */
  private ChatRequest withModerator(ChatRequest request, MethodsClient client) {
    boolean forModerators =
        request.command() == Command.RELOAD
            || request.command() == Command.REPORT
            || request.command() == Command.ADD;
    if (!forModerators || !isModerator(request.userId(), client)) {
      return request;
    }
    return new ChatRequest(
        request.platform(),
        request.userId(),
        request.channelId(),
        request.command(),
        request.text(),
        true,
        request.options(),
        request.upload());
  }

  private boolean isModerator(String userId, MethodsClient client) {
    if (config.moderatorUserIds().contains(userId)) {
      return true;
    }
    return retry
        .run(
            "users.info",
            () -> {
              var resp = client.usersInfo(r -> r.user(userId));
              if (!resp.isOk()) {
                throw new IllegalStateException("users.info answered error " + resp.getError());
              }
              return resp.getUser();
            })
        .map(SlackHandlers::isAdmin)
        .orElse(false);
  }

  private static boolean isAdmin(User u) {
    return u.isAdmin() || u.isOwner() || u.isPrimaryOwner();
  }

  private static Pattern addFields(List<String> names) {
    String any = String.join("|", names);
    return Pattern.compile("(?i)\\b(" + any + "):\\s*(.*?)(?=\\s+(?:" + any + "):|$)");
  }

  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }
}
