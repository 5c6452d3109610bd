package tradebot.chat;

import java.io.IOException;
import java.net.UnknownHostException;

/**
 * The one wording of "the platform could not be reached" for every adapter's start-up, so that a
 * network failure is never reported as a bad token. Stateless; thread-safe.
 */
public final class Unreachable {
  private Unreachable() {}

  /**
   * E.g. "cannot reach Slack at https://slack.com/api/: cannot resolve slack.com (a network
   * failure: the token was not checked; check the connection, a proxy, or slack.api_url)".
   */
  public static String message(String platform, String address, IOException e, String setting) {
    return "cannot reach "
        + platform
        + " at "
        + address
        + ": "
        + (e instanceof UnknownHostException
            ? "cannot resolve " + e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage())
        + " (a network failure: the token was not checked; check the connection, a proxy, or "
        + setting
        + ")";
  }
}
