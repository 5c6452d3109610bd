package tradebot.feedback;

/** What {@link FeedbackStore#vote} did. */
public sealed interface Voted {
  /** The user's first vote on this answer. */
  record Recorded(Vote vote) implements Voted {}

  /** The user had voted the other way; the new vote replaces it. */
  record Changed(Vote from, Vote to) implements Voted {}

  /** The user had voted the same way already; nothing changed. */
  record Unchanged(Vote vote) implements Voted {}

  /** No answer has that id (never given, or deleted after the retention period). */
  record UnknownAnswer(String answerId) implements Voted {}
}
