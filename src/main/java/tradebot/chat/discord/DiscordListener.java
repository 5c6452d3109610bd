package tradebot.chat.discord;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.ChatService;
import tradebot.chat.Command;
import tradebot.chat.Platform;
import tradebot.chat.RateLimiter;
import tradebot.errors.ErrorIds;
import tradebot.knowledge.KnowledgeLoader;

/**
 * Translates Discord events into {@link ChatRequest}s and {@link ChatReply}s into messages, and
 * nothing else: slash commands (deferred, then the original edited), the "All citations" and vote
 * buttons, and messages that mention the bot (answered in place). Rate limits and moderator status
 * are decided here because they depend on Discord's ids and permissions. Thread-safe.
 */
final class DiscordListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
  private static final Emoji SLOW_DOWN = Emoji.fromUnicode("⏳");

  private final ChatService bot;
  private final RateLimiter limiter;
  private final Moderators moderators;
  private final CitationStore citations;
  private final ExecutorService work;
  private final Runnable onLimited;

  /**
   * @param onLimited called once for every request the rate limiter turns away (a metric)
   */
  DiscordListener(
      ChatService bot,
      RateLimiter limiter,
      Moderators moderators,
      CitationStore citations,
      ExecutorService work,
      Runnable onLimited) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.moderators = Objects.requireNonNull(moderators, "moderators");
    this.citations = Objects.requireNonNull(citations, "citations");
    this.work = Objects.requireNonNull(work, "work");
    this.onLimited = Objects.requireNonNull(onLimited, "onLimited");
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    try {
      boolean moderator =
          event.isFromGuild() && moderators.isModerator(event.getMember(), event.getGuildChannel());
      ChatRequest request = SlashCommands.toRequest(event, moderator);
      if (request == null) {
        notice(event, "I don't know that command. Try /ask.");
        return;
      }
      if (isLimited(event, request)) {
        return;
      }
      boolean forModerators =
          request.command() == Command.RELOAD
              || request.command() == Command.REPORT
              || request.command() == Command.ADD;
      if (forModerators && !moderator) {
        // The bot refuses at once and writes the audit line; no need to defer.
        ChatReply refusal = bot.handle(request);
        event
            .reply(DiscordRenderer.create(refusal, null))
            .setEphemeral(true)
            .queue(null, failed("refusal"));
        return;
      }
      if (request.command() == Command.ADD) {
        add(event, request);
        return;
      }
      // The report is for the moderator's eyes only from the start.
      answerDeferred(event, request, request.command() == Command.REPORT);
    } catch (RuntimeException e) {
      String id = logError("slash command /" + event.getName(), e);
      if (!event.isAcknowledged()) {
        notice(event, ErrorIds.userText(id));
      }
    }
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    if (id.startsWith(DiscordRenderer.VOTE_BUTTON)) {
      vote(event, id.substring(DiscordRenderer.VOTE_BUTTON.length()));
      return;
    }
    if (!id.startsWith(DiscordRenderer.CITATIONS_BUTTON)) {
      return;
    }
    try {
      String key = id.substring(DiscordRenderer.CITATIONS_BUTTON.length());
      ChatReply reply = citations.get(key).orElse(null);
      if (reply == null) {
        notice(
            event, "I no longer have those citations (I keep the latest answers only). Ask again.");
        return;
      }
      List<MessageCreateData> pages = CitationPages.of(reply);
      event.reply(pages.getFirst()).setEphemeral(true).queue(null, failed("citations"));
      for (var page : pages.subList(1, pages.size())) {
        event.getHook().sendMessage(page).setEphemeral(true).queue(null, failed("citations page"));
      }
    } catch (RuntimeException e) {
      String errorId = logError("citations button", e);
      if (!event.isAcknowledged()) {
        notice(event, ErrorIds.userText(errorId));
      }
    }
  }

  /**
   * Acknowledges {@code event} now (answers, charts, reloads and database writes may take longer
   * than Discord's 3 seconds), then answers {@code request} off the gateway thread in place of the
   * acknowledgement; {@code privately}: only the requester sees either.
   */
  private void answerDeferred(IReplyCallback event, ChatRequest request, boolean privately) {
    event.deferReply(privately).queue(null, failed("defer"));
    InteractionHook hook = event.getHook();
    submit(
        () -> deliver(hook, bot.handle(request), privately),
        id ->
            deliver(
                hook,
                ChatReply.text(ChatReply.Status.ERROR, ErrorIds.userText(id), true),
                privately));
  }

  /** How long the file of an /add may take to download. */
  private static final Duration DOWNLOAD_WAIT = Duration.ofSeconds(60);

  /**
   * /add by a moderator: acknowledged privately, the attachment downloaded off the gateway thread
   * (refused unread when Discord says it is over the knowledge base's size limit), then added.
   */
  private void add(SlashCommandInteractionEvent event, ChatRequest request) {
    OptionMapping file = event.getOption(SlashCommands.FILE_OPTION);
    Message.Attachment attachment = file == null ? null : file.getAsAttachment();
    event.deferReply(true).queue(null, failed("defer"));
    InteractionHook hook = event.getHook();
    submit(
        () -> {
          ChatRequest withFile = request;
          if (attachment != null) {
            String tooLarge = KnowledgeLoader.tooLarge(attachment.getSize());
            if (tooLarge != null) {
              deliver(
                  hook,
                  ChatReply.text(
                      ChatReply.Status.DECLINE,
                      "Not added: "
                          + attachment.getFileName()
                          + " "
                          + tooLarge
                          + ". Nothing was changed.",
                      true),
                  true);
              return;
            }
            withFile = request.withUpload(download(attachment));
          }
          deliver(hook, bot.handle(withFile), true);
        },
        id ->
            deliver(
                hook, ChatReply.text(ChatReply.Status.ERROR, ErrorIds.userText(id), true), true));
  }

  private static ChatRequest.Upload download(Message.Attachment attachment) {
    try (InputStream in =
        attachment.getProxy().download().get(DOWNLOAD_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      byte[] data = in.readNBytes((int) KnowledgeLoader.MAX_FILE_BYTES + 1);
      return new ChatRequest.Upload(attachment.getFileName(), data);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while downloading an /add attachment", e);
    } catch (ExecutionException | TimeoutException | IOException e) {
      throw new IllegalStateException(
          "cannot download " + attachment.getFileName() + " from Discord: " + e, e);
    }
  }

  /**
   * A 👍 or 👎 button ({@code spec} is "up:ID" or "down:ID"): recorded off the gateway thread, and
   * acknowledged to the voter only.
   */
  private void vote(ButtonInteractionEvent event, String spec) {
    try {
      int colon = spec.indexOf(':');
      ChatRequest request =
          new ChatRequest(
              Platform.DISCORD,
              event.getUser().getId(),
              event.getChannelId(),
              Command.VOTE,
              "",
              false,
              Map.of(
                  "vote",
                  spec.substring(0, Math.max(0, colon)),
                  "answer",
                  spec.substring(colon + 1)));
      answerDeferred(event, request, true);
    } catch (RuntimeException e) {
      String errorId = logError("vote button", e);
      if (!event.isAcknowledged()) {
        notice(event, ErrorIds.userText(errorId));
      }
    }
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    User author = event.getAuthor();
    User self = event.getJDA().getSelfUser();
    if (!event.isFromGuild()
        || author.isBot()
        || author.isSystem()
        || event.isWebhookMessage()
        || author.getIdLong() == self.getIdLong()) {
      return;
    }
    Message message = event.getMessage();
    if (!message.getMentions().isMentioned(self, Message.MentionType.USER)) {
      return;
    }
    String question = withoutMention(message.getContentRaw(), self.getId());
    ChatRequest request =
        new ChatRequest(
            Platform.DISCORD,
            author.getId(),
            event.getChannel().getId(),
            question.isBlank() ? Command.HELP : Command.ASK,
            question,
            false,
            Map.of());
    if (limiter.check(request.userId(), request.channelId()) instanceof RateLimiter.Limited) {
      onLimited.run();
      // A channel message cannot be ephemeral; a reaction tells the asker without adding noise.
      message.addReaction(SLOW_DOWN).queue(null, ignored -> {});
      return;
    }
    event.getChannel().sendTyping().queue(null, ignored -> {});
    submit(
        () -> {
          ChatReply reply = bot.handle(request);
          String key = reply.quotes().isEmpty() ? null : citations.put(reply);
          message
              .reply(DiscordRenderer.create(reply, key))
              .mentionRepliedUser(false)
              .failOnInvalidReply(false)
              .queue(null, failed("mention reply"));
        },
        id ->
            message
                .reply(DiscordRenderer.notice(ErrorIds.userText(id)))
                .mentionRepliedUser(false)
                .failOnInvalidReply(false)
                .queue(null, failed("error notice")));
  }

  /** The question in a message that mentions the bot: its content without the mention. */
  static String withoutMention(String content, String selfId) {
    return content
        .replaceAll("<@!?" + Pattern.quote(selfId) + ">", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private boolean isLimited(IReplyCallback event, ChatRequest request) {
    if (limiter.check(request.userId(), request.channelId()) instanceof RateLimiter.Limited l) {
      onLimited.run();
      String who =
          l.scope() == RateLimiter.Scope.USER ? "You're asking quickly" : "This channel is busy";
      notice(event, who + "; try again in " + l.retryAfterSeconds() + " s.");
      return true;
    }
    return false;
  }

  /**
   * Sends {@code reply} in place of the deferred "thinking…" message ({@code deferredPrivately}:
   * one only the asker sees, edited in place). When Discord does not take it (after JDA's retries
   * of timeouts and 5xx), the asker is told so privately, if Discord lets us.
   */
  private void deliver(InteractionHook hook, ChatReply reply, boolean deferredPrivately) {
    if (deferredPrivately) {
      hook.editOriginal(DiscordRenderer.edit(reply, null))
          .queue(null, undelivered(hook, "private edit"));
      return;
    }
    if (reply.ephemeral()) {
      // A deferred reply is public: swap it for a message only the asker sees.
      hook.deleteOriginal().queue(null, failed("delete original"));
      hook.sendMessage(DiscordRenderer.create(reply, null))
          .setEphemeral(true)
          .queue(null, undelivered(hook, "ephemeral reply"));
      return;
    }
    String key = reply.quotes().isEmpty() ? null : citations.put(reply);
    hook.editOriginal(DiscordRenderer.edit(reply, key))
        .queue(null, undelivered(hook, "edit original"));
  }

  /** Logs a reply Discord did not take and tells the asker, privately, to ask again. */
  private static Consumer<Throwable> undelivered(InteractionHook hook, String what) {
    return e -> {
      String id = logError("sending " + what, e);
      hook.sendMessage(
              DiscordRenderer.notice(
                  "Discord did not take my reply (error id " + id + "). Please ask again."))
          .setEphemeral(true)
          .queue(null, failed("undelivered notice"));
    };
  }

  /**
   * Runs {@code task} off the gateway thread; on failure logs an id and passes it to {@code
   * onError}.
   */
  private void submit(Runnable task, Consumer<String> onError) {
    try {
      work.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              onError.accept(logError("handling a request", e));
            }
          });
    } catch (RejectedExecutionException e) {
      onError.accept(logError("too busy: the work queue is full", e));
    }
  }

  private static void notice(IReplyCallback event, String text) {
    event.reply(DiscordRenderer.notice(text)).setEphemeral(true).queue(null, failed("notice"));
  }

  private static Consumer<Throwable> failed(String what) {
    return e -> logError("sending " + what, e);
  }

  private static String logError(String what, Throwable e) {
    return ErrorIds.logged(log, e, "{}: {}", what, e.toString());
  }
}
