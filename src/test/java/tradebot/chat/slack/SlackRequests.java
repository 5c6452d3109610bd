package tradebot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test-only: Slack's requests to an app (slash commands, events), signed as Slack signs them. */
final class SlackRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final String secret;
  private final Clock clock;

  /** Requests signed at the real time. */
  SlackRequests(URI endpoint, String secret) {
    this(endpoint, secret, Clock.systemUTC());
  }

  /** Requests signed at {@code clock}'s time (the app's clock in a test that drives it). */
  SlackRequests(URI endpoint, String secret, Clock clock) {
    this.endpoint = endpoint;
    this.secret = secret;
    this.clock = clock;
  }

  /** The form body of a slash command. */
  static String command(
      String command, String text, String user, String channel, String responseUrl) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy-token");
    f.put("team_id", "T1");
    f.put("team_domain", "fake");
    f.put("channel_id", channel);
    f.put("channel_name", "general");
    f.put("user_id", user);
    f.put("user_name", "someone");
    f.put("command", command);
    f.put("text", text);
    f.put("api_app_id", "A1");
    f.put("response_url", responseUrl);
    f.put("trigger_id", "1.2.3");
    return f.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The JSON body of an {@code app_mention} event callback. */
  static String mention(String eventId, String user, String channel, String ts, String text)
      throws Exception {
    return mention(eventId, user, channel, ts, text, List.of());
  }

  /**
   * The JSON body of an {@code app_mention} event callback for a message that shares {@code files}
   * (as Slack lists them: id, name, size, url_private_download, ...).
   */
  static String mention(
      String eventId,
      String user,
      String channel,
      String ts,
      String text,
      List<Map<String, Object>> files)
      throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "app_mention");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("event_ts", ts);
    if (!files.isEmpty()) {
      event.put("files", files);
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("token", "legacy-token");
    envelope.put("team_id", "T1");
    envelope.put("api_app_id", "A1");
    envelope.put("event", event);
    envelope.put("type", "event_callback");
    envelope.put("event_id", eventId);
    envelope.put("event_time", 1700000000);
    return JSON.writeValueAsString(envelope);
  }

  /**
   * The form body of a click on the button {@code actionId} (with {@code value}) of a message in
   * {@code channel}, as Slack sends a {@code block_actions} interaction.
   */
  static String click(
      String user, String channel, String actionId, String value, String responseUrl)
      throws Exception {
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("type", "button");
    action.put("action_id", actionId);
    action.put("block_id", "tradebot_votes");
    action.put("value", value);
    action.put("action_ts", "1700000000.000200");
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "block_actions");
    payload.put("team", Map.of("id", "T1", "domain", "fake"));
    payload.put("user", Map.of("id", user, "username", "someone", "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "legacy-token");
    payload.put("container", Map.of("type", "message", "message_ts", "1700000000.000100"));
    payload.put("trigger_id", "1.2.4");
    payload.put("channel", Map.of("id", channel, "name", "general"));
    payload.put("response_url", responseUrl);
    payload.put("actions", List.of(action));
    return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
  }

  /** Posts {@code body} signed now with the right secret. */
  HttpResponse<String> post(String body) throws Exception {
    long now = clock.instant().getEpochSecond();
    return send(
        body,
        Map.of(
            "X-Slack-Request-Timestamp",
            String.valueOf(now),
            "X-Slack-Signature",
            sign(secret, now, body)));
  }

  /** Posts {@code body} with exactly these Slack headers. */
  HttpResponse<String> send(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(10))
            .header(
                "Content-Type",
                body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sign(String secret, long timestamp, String body) throws Exception {
    return SignatureVerifierTest.slackSignature(
        secret, String.valueOf(timestamp), body.getBytes(StandardCharsets.UTF_8));
  }

  /** The texts of sections and context elements in Block Kit JSON, in order. */
  static List<String> texts(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : blocks) {
      if (b.has("text")) {
        out.add(b.get("text").get("text").asText());
      }
      if (b.has("elements")) {
        b.get("elements").forEach(e -> out.add(e.get("text").asText()));
      }
    }
    return out;
  }
}
