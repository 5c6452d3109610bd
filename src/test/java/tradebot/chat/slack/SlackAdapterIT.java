package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tradebot.answer.Answer;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatService;
import tradebot.chat.Command;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;

/**
 * The Slack app behind a local HTTP server, with its Web API pointed at a fake Slack on localhost,
 * answering from the real bot over the seed knowledge base. Requests are signed as Slack signs
 * them.
 */
class SlackAdapterIT {
  private static final String SECRET = "test-signing-secret-0123456789";
  private static final String QUESTION = "What tariff did China put on US goods in April 2025?";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static FakeSlack fake;
  private static App tradebot;
  private static SlackAdapter adapter;
  private static RawHttpServer server;
  private static final AtomicInteger handled = new AtomicInteger();
  private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private static final byte[] CHART = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

  @BeforeAll
  static void start() throws Exception {
    fake = new FakeSlack(Set.of("UADMIN"));
    TradebotConfig d = TradebotConfig.defaults(Path.of("config"));
    TradebotConfig.Slack slack =
        new TradebotConfig.Slack(List.of("UMOD"), d.slack().userRate(), fake.apiUrl());
    TradebotConfig config =
        new TradebotConfig(
            d.configDir(), d.knowledge(), d.dataDir(), d.server(), d.answer(), d.discord(), slack);
    tradebot = App.inMemory(config, Clock.systemUTC());
    // The real bot, counted; /tariff replies get a chart so that the upload path is exercised.
    ChatService bot =
        request -> {
          handled.incrementAndGet();
          ChatReply r = tradebot.bot().handle(request);
          if (request.command() != Command.TARIFF) {
            return r;
          }
          return new ChatReply(
              r.status(),
              r.lead(),
              r.quotes(),
              r.figures(),
              r.sources(),
              r.lines(),
              r.footer(),
              new ChatReply.Attachment("tariffs.png", "image/png", CHART),
              false);
        };
    Logger retryLog = (Logger) LoggerFactory.getLogger(Retry.class);
    retryLog.setLevel(Level.WARN);
    retryLog.addAppender(logs);
    logs.start();
    adapter =
        new SlackAdapter(
            bot,
            slack,
            new SlackAdapter.Credentials("xoxb-test", SECRET, null),
            Clock.systemUTC(),
            user -> !user.equals("UFLOOD"),
            new Retry(3, Duration.ofMillis(50)));
    server = new RawHttpServer("/slack/events", adapter.handler());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (adapter != null) {
      adapter.close();
    }
    if (tradebot != null) {
      tradebot.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void askIsAnsweredThroughTheResponseUrlWithTheBotsQuoteInItsBlocks() throws Exception {
    Answer.Answered expected =
        assertInstanceOf(Answer.Answered.class, tradebot.answers().ask(QUESTION));
    String responseUrl = fake.newResponseUrl();

    HttpResponse<String> ack = post(command("/ask", QUESTION, "U1", "C1", responseUrl));

    assertEquals(200, ack.statusCode());
    assertEquals("", ack.body());
    JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
    assertEquals("in_channel", reply.get("response_type").asText());
    assertEquals(SlackRenderer.escape(expected.lead()), reply.get("text").asText());
    List<String> texts = texts(reply.get("blocks"));
    assertEquals("/ask " + QUESTION, texts.getFirst());
    String quote = expected.citations().getFirst().quote();
    assertTrue(
        texts.contains("> \u201C" + SlackRenderer.escape(quote) + "\u201D [1]"),
        "no block holds the quote " + quote + " in " + texts);
    assertTrue(reply.get("blocks").size() <= 50);
  }

  @Test
  void appMentionIsAnsweredInItsThread() throws Exception {
    Answer.Answered expected =
        assertInstanceOf(Answer.Answered.class, tradebot.answers().ask(QUESTION));

    HttpResponse<String> ack =
        post(
            mention(
                "Ev100",
                "U1",
                "C100",
                "1700000000.000100",
                "<@" + FakeSlack.BOT_USER + "> " + QUESTION));

    assertEquals(200, ack.statusCode());
    Map<String, String> message = postedIn("C100").getFirst();
    assertEquals("1700000000.000100", message.get("thread_ts"));
    List<String> texts = texts(JSON.readTree(message.get("blocks")));
    assertTrue(
        texts.contains(
            "> \u201C"
                + SlackRenderer.escape(expected.citations().getFirst().quote())
                + "\u201D [1]"),
        texts.toString());
  }

  @Test
  void reloadIsRefusedForANonModerator() throws Exception {
    String responseUrl = fake.newResponseUrl();

    post(command("/reload", "", "U2", "C1", responseUrl));

    JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
    assertEquals("ephemeral", reply.get("response_type").asText());
    assertEquals(
        List.of("*Only moderators can reload the knowledge base.*"), texts(reply.get("blocks")));
    assertEquals("U2", fake.received("/api/users.info").getLast().form().get("user"));
  }

  @Test
  void reloadRunsForAConfiguredModeratorAndForAWorkspaceAdmin() throws Exception {
    for (String user : List.of("UMOD", "UADMIN")) {
      String responseUrl = fake.newResponseUrl();

      post(command("/reload", "", user, "C1", responseUrl));

      JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
      assertEquals("in_channel", reply.get("response_type").asText());
      assertTrue(reply.get("text").asText().startsWith("Reloaded."), user + ": " + reply);
    }
  }

  @Test
  void badSignatureMissingHeadersAndStaleTimestampAre401AndNeverProcessed() throws Exception {
    String responseUrl = fake.newResponseUrl();
    String body = command("/reload", "", "UMOD", "C1", responseUrl);
    long now = Instant.now().getEpochSecond();
    int before = handled.get();

    HttpResponse<String> badSignature =
        send(
            body,
            "application/x-www-form-urlencoded",
            Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(now),
                "X-Slack-Signature",
                sign("wrong-secret", now, body)));
    HttpResponse<String> noHeaders = send(body, "application/x-www-form-urlencoded", Map.of());
    HttpResponse<String> noSignature =
        send(
            body,
            "application/x-www-form-urlencoded",
            Map.of("X-Slack-Request-Timestamp", String.valueOf(now)));
    long sixMinutesAgo = now - 360;
    HttpResponse<String> stale =
        send(
            body,
            "application/x-www-form-urlencoded",
            Map.of(
                "X-Slack-Request-Timestamp",
                String.valueOf(sixMinutesAgo),
                "X-Slack-Signature",
                sign(SECRET, sixMinutesAgo, body)));

    for (HttpResponse<String> r : List.of(badSignature, noHeaders, noSignature, stale)) {
      assertEquals(401, r.statusCode());
      assertEquals("{\"error\":\"invalid request\"}", r.body());
    }
    // A correctly signed request on the same path gets through, so the above were refused for their
    // signatures.
    post(command("/sources", "", "U1", "C1", fake.newResponseUrl()));
    fake.await(
        "/response/" + (Integer.parseInt(path(responseUrl).substring("/response/".length())) + 1));
    assertEquals(before + 1, handled.get());
    assertEquals(List.of(), fake.received(path(responseUrl)));
  }

  @Test
  void serverErrorFromTheWebApiIsRetriedThenReportedInTheLog() throws Exception {
    fake.postMessageStatus(503);
    try {
      post(
          mention(
              "Ev200", "U1", "C200", "1700000000.000200", "<@" + FakeSlack.BOT_USER + "> sources"));

      assertEquals(3, awaitPosted("C200", 3).size());
      waitForLog("Slack chat.postMessage failed after 3 attempts, giving up: HTTP 503");
    } finally {
      fake.postMessageStatus(200);
    }
    assertEquals(
        2,
        logs.list.stream()
            .filter(
                e ->
                    e.getLevel() == Level.WARN
                        && e.getFormattedMessage()
                            .startsWith("Slack chat.postMessage failed (attempt"))
            .count());
  }

  @Test
  void tariffChartIsUploadedToTheChannel() throws Exception {
    String responseUrl = fake.newResponseUrl();

    post(command("/tariff", "history", "U1", "C300", responseUrl));

    fake.await(path(responseUrl));
    FakeSlack.Received complete =
        fake.await("/api/files.completeUploadExternal", 1).stream()
            .filter(r -> "C300".equals(r.form().get("channel_id")))
            .findFirst()
            .orElseThrow();
    assertTrue(complete.form().get("files").contains("\"F1\""), complete.body());
    assertEquals(
        "tariffs.png",
        fake.received("/api/files.getUploadURLExternal").getLast().form().get("filename"));
    assertEquals(1, fake.received("/upload/F1").size());
  }

  @Test
  void urlVerificationChallengeIsAnswered() throws Exception {
    HttpResponse<String> r =
        post(
            "{\"token\":\"x\",\"challenge\":\"c4ll3ng3\",\"type\":\"url_verification\"}",
            "application/json");

    assertEquals(200, r.statusCode());
    assertEquals("c4ll3ng3", r.body());
  }

  @Test
  void userOverTheRateLimitIsToldSoInTheAcknowledgement() throws Exception {
    int before = handled.get();

    HttpResponse<String> ack =
        post(command("/ask", QUESTION, "UFLOOD", "C1", fake.newResponseUrl()));

    assertEquals(200, ack.statusCode());
    assertEquals(
        "You are sending requests too fast; please try again in a minute.",
        JSON.readTree(ack.body()).get("text").asText());
    assertEquals(before, handled.get());
  }

  // --- helpers

  private static String command(
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

  private static String mention(String eventId, String user, String channel, String ts, String text)
      throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "app_mention");
    event.put("user", user);
    event.put("text", text);
    event.put("ts", ts);
    event.put("channel", channel);
    event.put("event_ts", ts);
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

  private static HttpResponse<String> post(String body) throws Exception {
    return post(body, "application/x-www-form-urlencoded");
  }

  private static HttpResponse<String> post(String body, String contentType) throws Exception {
    long now = Instant.now().getEpochSecond();
    return send(
        body,
        body.startsWith("{") ? "application/json" : contentType,
        Map.of(
            "X-Slack-Request-Timestamp",
            String.valueOf(now),
            "X-Slack-Signature",
            sign(SECRET, now, body)));
  }

  private static HttpResponse<String> send(
      String body, String contentType, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String secret, long timestamp, String body) throws Exception {
    return SignatureVerifierTest.slackSignature(
        secret, String.valueOf(timestamp), body.getBytes(StandardCharsets.UTF_8));
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }

  private static List<Map<String, String>> postedIn(String channel) throws InterruptedException {
    return awaitPosted(channel, 1);
  }

  private static List<Map<String, String>> awaitPosted(String channel, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<Map<String, String>> posted =
          fake.received("/api/chat.postMessage").stream()
              .map(FakeSlack.Received::form)
              .filter(f -> channel.equals(f.get("channel")))
              .toList();
      if (posted.size() >= count) {
        return posted;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "fewer than " + count + " messages posted in " + channel + ": " + posted);
      }
      Thread.sleep(20);
    }
  }

  private static void waitForLog(String message) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (logs.list.stream()
        .noneMatch(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().equals(message))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not logged: "
                + message
                + "; log: "
                + logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
      }
      Thread.sleep(20);
    }
  }

  private static List<String> texts(JsonNode blocks) {
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
