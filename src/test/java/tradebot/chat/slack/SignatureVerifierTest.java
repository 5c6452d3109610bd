package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final long NOW = 1_700_000_000L;
  private static final byte[] BODY =
      "token=x&command=%2Fask&text=tariffs".getBytes(StandardCharsets.UTF_8);
  private final SignatureVerifier verifier =
      new SignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  /** Slack's recipe, computed here independently of the class under test. */
  static String slackSignature(String secret, String timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] base =
        ("v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    StringBuilder hex = new StringBuilder("v0=");
    for (byte b : mac.doFinal(base)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  @Test
  void acceptsAFreshCorrectSignature() throws Exception {
    String ts = String.valueOf(NOW - 10);
    assertEquals(
        SignatureVerifier.Verdict.OK, verifier.verify(ts, slackSignature(SECRET, ts, BODY), BODY));
  }

  @Test
  void acceptsATimestampExactlyFiveMinutesOld() throws Exception {
    String ts = String.valueOf(NOW - 300);
    assertEquals(
        SignatureVerifier.Verdict.OK, verifier.verify(ts, slackSignature(SECRET, ts, BODY), BODY));
  }

  @Test
  void rejectsTimestampsMoreThanFiveMinutesOldOrAhead() throws Exception {
    String old = String.valueOf(NOW - 301);
    String ahead = String.valueOf(NOW + 301);
    assertEquals(
        SignatureVerifier.Verdict.STALE,
        verifier.verify(old, slackSignature(SECRET, old, BODY), BODY));
    assertEquals(
        SignatureVerifier.Verdict.STALE,
        verifier.verify(ahead, slackSignature(SECRET, ahead, BODY), BODY));
  }

  @Test
  void rejectsAChangedBodyAWrongSecretAndAnotherTimestamp() throws Exception {
    String ts = String.valueOf(NOW);
    byte[] changed = "token=x&command=%2Freload&text=".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        SignatureVerifier.Verdict.BAD_SIGNATURE,
        verifier.verify(ts, slackSignature(SECRET, ts, BODY), changed));
    assertEquals(
        SignatureVerifier.Verdict.BAD_SIGNATURE,
        verifier.verify(ts, slackSignature("other", ts, BODY), BODY));
    assertEquals(
        SignatureVerifier.Verdict.BAD_SIGNATURE,
        verifier.verify(ts, slackSignature(SECRET, String.valueOf(NOW - 1), BODY), BODY));
  }

  @Test
  void rejectsMissingOrMalformedHeaders() {
    assertEquals(SignatureVerifier.Verdict.MISSING_HEADERS, verifier.verify(null, "v0=abc", BODY));
    assertEquals(
        SignatureVerifier.Verdict.MISSING_HEADERS,
        verifier.verify(String.valueOf(NOW), null, BODY));
    assertEquals(SignatureVerifier.Verdict.MISSING_HEADERS, verifier.verify("", "", BODY));
    assertEquals(
        SignatureVerifier.Verdict.BAD_TIMESTAMP, verifier.verify("yesterday", "v0=abc", BODY));
  }
}
