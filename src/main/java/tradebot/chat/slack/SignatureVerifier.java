package tradebot.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature: {@code v0=} HMAC-SHA256 of {@code v0:timestamp:body} under the
 * signing secret, with the timestamp within five minutes of now either way (Bolt's own check only
 * rejects old ones and reads the system clock; this one reads the injected clock). Thread-safe.
 */
final class SignatureVerifier {
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Why a request was accepted or not; the reason is safe to log (it holds no secret). */
  enum Verdict {
    OK("ok"),
    MISSING_HEADERS("missing X-Slack-Request-Timestamp or X-Slack-Signature"),
    BAD_TIMESTAMP("the timestamp is not a number of seconds"),
    STALE("the timestamp is more than 5 minutes from now"),
    BAD_SIGNATURE("the signature does not match");

    final String reason;

    Verdict(String reason) {
      this.reason = reason;
    }
  }

  private final SecretKeySpec key;
  private final Clock clock;

  SignatureVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret must not be blank");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The verdict on a request with these header values (null when absent) and this raw body. */
  Verdict verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
      return Verdict.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.BAD_TIMESTAMP;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > WINDOW.toSeconds()) {
      return Verdict.STALE;
    }
    byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.OK : Verdict.BAD_SIGNATURE;
  }

  /** The {@code v0=...} signature of {@code body} sent at {@code timestamp}. */
  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
