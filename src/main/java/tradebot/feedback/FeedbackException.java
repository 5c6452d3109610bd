package tradebot.feedback;

/** The feedback database could not be opened, read or written; the message names the file. */
public final class FeedbackException extends RuntimeException {
  public FeedbackException(String message, Throwable cause) {
    super(message, cause);
  }
}
