package tradebot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Response;
import tradebot.chat.ChatReply;

/**
 * Sends rendered replies to Slack after the request was acknowledged: through a slash command's or
 * a button's {@code response_url}, {@code chat.postMessage} (in a thread), {@code
 * chat.postEphemeral}, and charts through {@code files.getUploadURLExternal}/{@code
 * files.completeUploadExternal}. Every call goes through {@link Retry}; a reply that cannot be sent
 * is logged, and each method says whether it went through so that the caller can try another way.
 * Thread-safe.
 */
final class Delivery {
  private final Retry retry;

  Delivery(Retry retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * Answers a slash command through its response URL; false when that failed for good. The POST
   * goes through the SDK's OkHttp client directly, not {@code ctx.respond}, because the SDK's
   * {@code WebhookResponse} drops the headers and a 429's Retry-After must be honoured.
   */
  boolean respond(SlashCommandContext ctx, SlackRenderer.Rendered r, boolean ephemeral) {
    SlashCommandResponse body =
        SlashCommandResponse.builder()
            .responseType(ephemeral ? "ephemeral" : "in_channel")
            .text(r.text())
            .blocks(r.blocks())
            .build();
    return post(ctx.getSlack(), ctx.getResponseUrl(), body);
  }

  /**
   * Answers a button click through its response URL, to the clicker only, leaving the message with
   * the button as it is; false when that failed for good.
   */
  boolean respondPrivately(ActionContext ctx, SlackRenderer.Rendered r) {
    ActionResponse body =
        ActionResponse.builder()
            .responseType("ephemeral")
            .replaceOriginal(false)
            .text(r.text())
            .blocks(r.blocks())
            .build();
    return post(ctx.getSlack(), ctx.getResponseUrl(), body);
  }

  private boolean post(Slack slack, String responseUrl, Object body) {
    return retry
        .run(
            "response_url",
            () -> {
              try (Response w = slack.getHttpClient().postJsonBody(responseUrl, body)) {
                int code = w.code();
                if (code == 200) {
                  return Boolean.TRUE;
                }
                if (code >= 500 || code == 429) {
                  throw new Retry.Transient(
                      "HTTP " + code, Retry.retryAfter(w.header("Retry-After")));
                }
                throw new IllegalStateException("HTTP " + code + " " + bodyOf(w));
              }
            })
        .isPresent();
  }

  private static String bodyOf(Response w) throws IOException {
    return w.body() == null ? "" : w.body().string();
  }

  /** Posts a reply in {@code channel}, in the thread {@code threadTs} (null: none). */
  boolean post(MethodsClient client, String channel, String threadTs, SlackRenderer.Rendered r) {
    return retry
        .run(
            "chat.postMessage",
            () -> {
              ChatPostMessageResponse resp =
                  client.chatPostMessage(
                      m ->
                          m.channel(channel)
                              .threadTs(threadTs)
                              .text(r.text())
                              .blocks(r.blocks())
                              .unfurlLinks(false)
                              .unfurlMedia(false));
              return ok(resp.isOk(), "chat.postMessage", resp.getError());
            })
        .isPresent();
  }

  /** Shows a reply to {@code user} only, in {@code channel} (and thread {@code threadTs}). */
  boolean postEphemeral(
      MethodsClient client,
      String channel,
      String user,
      String threadTs,
      SlackRenderer.Rendered r) {
    return retry
        .run(
            "chat.postEphemeral",
            () -> {
              ChatPostEphemeralResponse resp =
                  client.chatPostEphemeral(
                      m ->
                          m.channel(channel)
                              .user(user)
                              .threadTs(threadTs)
                              .text(r.text())
                              .blocks(r.blocks()));
              return ok(resp.isOk(), "chat.postEphemeral", resp.getError());
            })
        .isPresent();
  }

  /** Uploads {@code file} into {@code channel} (and thread {@code threadTs}). */
  boolean upload(MethodsClient client, String channel, String threadTs, ChatReply.Attachment file) {
    return retry
        .run(
            "file upload",
            () -> {
              FilesUploadV2Response resp =
                  client.filesUploadV2(
                      f ->
                          f.channel(channel)
                              .threadTs(threadTs)
                              .filename(file.filename())
                              .title(file.filename())
                              .fileData(file.data())
                              .requestFileInfo(false));
              return ok(resp.isOk(), "files upload", resp.getError());
            })
        .isPresent();
  }

  private static Boolean ok(boolean ok, String method, String error) {
    if (!ok) {
      throw new IllegalStateException(method + " answered error " + error);
    }
    return Boolean.TRUE;
  }
}
