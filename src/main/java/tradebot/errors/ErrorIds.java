package tradebot.errors;

import java.util.UUID;
import org.slf4j.Logger;

/**
 * The id an unexpected error gets: logged once with its stack trace and shown to the user, so that
 * a report ("error id 3f2a9c1e") finds the log line. The one place ids are made, for the chat
 * adapters and the HTTP API alike. Thread-safe.
 */
public final class ErrorIds {
  private ErrorIds() {}

  /**
   * Logs {@code e} at error level as {@code "error id=<id> " + format} with {@code args}, and
   * returns the new id.
   */
  public static String logged(Logger log, Throwable e, String format, Object... args) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Object[] all = new Object[args.length + 2]; // the id, the arguments, the throwable last
    all[0] = id;
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = e;
    log.error("error id={} " + format, all);
    return id;
  }

  /** What a chat user is told of an error with id {@code id}. */
  public static String userText(String id) {
    return "Something went wrong on my side (error id " + id + ").";
  }
}
