package tradebot.chat.slack;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Slack a bounded number of times: a server error (5xx), a rate limit (429) or an I/O error
 * is retried after a doubling pause (or Slack's Retry-After when longer, up to {@link #MAX_PAUSE});
 * anything else, and the last failure, is logged as an error and given up. The pauses go through a
 * {@link Pause} (the thread sleeps in production; tests move a manual clock). Thread-safe.
 */
final class Retry {
  private static final Logger log = LoggerFactory.getLogger(Retry.class);
  static final Duration MAX_PAUSE = Duration.ofSeconds(10);

  /** One call to Slack. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  /** How a retry waits: {@code Thread::sleep}, or a test's clock moved by the pause. */
  @FunctionalInterface
  interface Pause {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A failure worth another try, e.g. a 5xx from a response URL (which throws nothing). */
  static final class Transient extends RuntimeException {
    private final Duration retryAfter;

    Transient(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }
  }

  private final int attempts;
  private final Duration firstPause;
  private final Pause pause;

  /** Retries that sleep the thread between attempts. */
  Retry(int attempts, Duration firstPause) {
    this(attempts, firstPause, Thread::sleep);
  }

  Retry(int attempts, Duration firstPause, Pause pause) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be positive: " + attempts);
    }
    if (firstPause.isNegative()) {
      throw new IllegalArgumentException("firstPause must not be negative: " + firstPause);
    }
    this.attempts = attempts;
    this.firstPause = firstPause;
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /** The result of {@code call}, or empty when it failed for good (then it is in the log). */
  <T> Optional<T> run(String what, Call<T> call) {
    Duration next = firstPause;
    for (int attempt = 1; ; attempt++) {
      Duration retryAfter;
      String reason;
      try {
        return Optional.ofNullable(call.run());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.error("Slack {} interrupted on attempt {}, giving up", what, attempt);
        return Optional.empty();
      } catch (Transient e) {
        reason = e.getMessage();
        retryAfter = e.retryAfter;
      } catch (SlackApiException e) {
        int code = e.getResponse().code();
        reason = "HTTP " + code;
        if (code < 500 && code != 429) {
          log.error(
              "Slack {} failed with HTTP {}, not retried: {}",
              what,
              code,
              e.getError() == null ? "" : e.getError().getError());
          return Optional.empty();
        }
        retryAfter = retryAfter(e.getResponse().header("Retry-After"));
      } catch (IOException e) {
        reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        retryAfter = Duration.ZERO;
      } catch (Exception e) {
        log.error("Slack {} failed, not retried", what, e);
        return Optional.empty();
      }
      if (attempt >= attempts) {
        log.error("Slack {} failed after {} attempts, giving up: {}", what, attempt, reason);
        return Optional.empty();
      }
      Duration wait = min(retryAfter.compareTo(next) > 0 ? retryAfter : next, MAX_PAUSE);
      log.warn(
          "Slack {} failed (attempt {} of {}): {}; retrying in {} ms",
          what,
          attempt,
          attempts,
          reason,
          wait.toMillis());
      try {
        pause.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.error("Slack {} interrupted while waiting to retry, giving up", what);
        return Optional.empty();
      }
      next = min(next.multipliedBy(2), MAX_PAUSE);
    }
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return Duration.ZERO;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
