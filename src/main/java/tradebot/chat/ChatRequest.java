package tradebot.chat;

import java.util.Map;
import java.util.Objects;

/**
 * A platform-neutral request: what an adapter makes of a slash command, a mention or a console
 * line. Immutable.
 *
 * @param platform where it came from
 * @param userId the platform's user id (for rate limits and the audit log), never a display name
 * @param channelId the platform's channel id, or "" when there is none
 * @param command what is asked
 * @param text the question, or "" for commands without one
 * @param moderator whether the adapter established that the user may run moderator commands
 * @param options command options by name (e.g. "direction" to "us-china", "history" to "true")
 * @param upload the file sent with the command ({@link Command#ADD}), or null
 */
public record ChatRequest(
    Platform platform,
    String userId,
    String channelId,
    Command command,
    String text,
    boolean moderator,
    Map<String, String> options,
    Upload upload) {

  /** A file sent with a command, as the adapter downloaded it. */
  public record Upload(String filename, byte[] data) {
    public Upload {
      Objects.requireNonNull(filename, "filename");
      Objects.requireNonNull(data, "data");
    }
  }

  /** A request without a file. */
  public ChatRequest(
      Platform platform,
      String userId,
      String channelId,
      Command command,
      String text,
      boolean moderator,
      Map<String, String> options) {
    this(platform, userId, channelId, command, text, moderator, options, null);
  }

  public ChatRequest {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    channelId = channelId == null ? "" : channelId;
    Objects.requireNonNull(command, "command");
    text = text == null ? "" : text;
    options = Map.copyOf(options);
  }

  /** A question from the console or a test. */
  public static ChatRequest ask(Platform platform, String userId, String question) {
    return new ChatRequest(platform, userId, "", Command.ASK, question, false, Map.of());
  }

  /** This request with {@code file} sent along. */
  public ChatRequest withUpload(Upload file) {
    return new ChatRequest(platform, userId, channelId, command, text, moderator, options, file);
  }

  /** The option {@code name}, or {@code fallback} when it was not given. */
  public String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }
}
