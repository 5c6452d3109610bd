package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.chat.slack.SlackRequests.click;
import static tradebot.chat.slack.SlackRequests.command;
import static tradebot.chat.slack.SlackRequests.mention;
import static tradebot.chat.slack.SlackRequests.sign;
import static tradebot.chat.slack.SlackRequests.texts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tradebot.answer.Answer;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatService;
import tradebot.chat.Command;
import tradebot.chat.HostileQuestions;
import tradebot.chat.RateLimiter;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.testing.ManualClock;

/**
 * The Slack app behind a local HTTP server, with its Web API pointed at a fake Slack on localhost,
 * answering from the real bot over the seed knowledge base. Requests are signed as Slack signs
 * them.
 */
class SlackAdapterIT {
  private static final String SECRET = "test-signing-secret-0123456789";
  private static final String QUESTION = "What tariff did China put on US goods in April 2025?";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger handled = new AtomicInteger();
  private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  /** The app's time: signatures are checked against it and retry pauses move it. */
  private static final ManualClock CLOCK = ManualClock.startingNow();

  private static FakeSlack fake;
  private static App tradebot;
  private static SlackAdapter adapter;
  private static RawHttpServer server;
  private static SlackRequests slack;

  @BeforeAll
  static void start() throws Exception {
    fake = new FakeSlack(Set.of("UADMIN"));
    TradebotConfig d = TradebotConfig.defaults(Path.of("config"));
    TradebotConfig.Slack config =
        new TradebotConfig.Slack(List.of("UMOD"), d.slack().userRate(), fake.apiUrl());
    tradebot =
        App.inMemory(
            new TradebotConfig(
                d.configDir(),
                d.knowledge(),
                d.dataDir(),
                d.server(),
                d.answer(),
                d.discord(),
                config),
            CLOCK);
    // The real bot, counted; /tariff replies get a chart so that the upload path is exercised.
    ChatService bot =
        request -> {
          handled.incrementAndGet();
          ChatReply r = tradebot.bot().handle(request);
          if (request.command() != Command.TARIFF) {
            return r;
          }
          ChatReply.Attachment chart =
              new ChatReply.Attachment(
                  "tariffs.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
          return ChatReply.of(r.status(), r.lead())
              .quotes(r.quotes())
              .figures(r.figures())
              .sources(r.sources())
              .lines(r.lines())
              .footer(r.footer())
              .attachment(chart)
              .build();
        };
    Logger retryLog = (Logger) LoggerFactory.getLogger(Retry.class);
    retryLog.setLevel(Level.WARN);
    retryLog.addAppender(logs);
    logs.start();
    SlackAdapter.Credentials credentials = new SlackAdapter.Credentials("xoxb-test", SECRET, null);
    adapter =
        new SlackAdapter(
            bot,
            config,
            credentials,
            CLOCK,
            user ->
                user.equals("UFLOOD")
                    ? new RateLimiter.Limited(42, RateLimiter.Scope.USER)
                    : new RateLimiter.Allowed(),
            new Retry(3, Duration.ofMillis(50), CLOCK::sleep));
    server = new RawHttpServer("/slack/events", adapter.handler());
    slack =
        new SlackRequests(
            URI.create("http://127.0.0.1:" + server.port() + "/slack/events"), SECRET, CLOCK);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {server, adapter, tradebot, fake}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void askIsAnsweredThroughTheResponseUrlWithTheBotsQuoteInItsBlocks() throws Exception {
    Answer.Answered expected =
        assertInstanceOf(Answer.Answered.class, tradebot.answers().ask(QUESTION));
    String responseUrl = fake.newResponseUrl();

    HttpResponse<String> ack = slack.post(command("/ask", QUESTION, "U1", "C1", responseUrl));

    assertEquals(200, ack.statusCode());
    assertEquals("", ack.body());
    JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
    assertEquals("in_channel", reply.get("response_type").asText());
    assertEquals(SlackRenderer.escape(expected.lead()), reply.get("text").asText());
    List<String> texts = texts(reply.get("blocks"));
    assertEquals("/ask " + QUESTION, texts.getFirst());
    assertEquals("*" + SlackRenderer.escape(expected.lead()) + "*", texts.get(1));
    assertEquals(quoteBlock(expected), texts.get(2));
    assertTrue(reply.get("blocks").size() <= 50);
  }

  @Test
  void aTariffQuestionLeadsWithTheTrackersLevelAsTheConsoleAndTheApiDo() throws Exception {
    Answer.Answered expected =
        assertInstanceOf(Answer.Answered.class, tradebot.answers().ask(QUESTION));
    assertEquals("China on US in April 2025: 125% as of 2025-04-11", expected.lead());
    String responseUrl = fake.newResponseUrl();

    slack.post(command("/ask", QUESTION, "U7", "C1", responseUrl));

    JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
    assertEquals(SlackRenderer.escape(expected.lead()), reply.get("text").asText());
  }

  @Test
  void anAnswersVoteButtonsRecordAVoteThenChangeItAndTellOnlyTheVoter() throws Exception {
    String responseUrl = fake.newResponseUrl();
    slack.post(command("/ask", QUESTION, "U8", "C1", responseUrl));
    JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
    JsonNode blocks = reply.get("blocks");
    String footer = blocks.get(blocks.size() - 1).get("elements").get(0).get("text").asText();
    String answerId = footer.substring(footer.lastIndexOf(" · answer ") + " · answer ".length());
    assertTrue(answerId.matches("[2-9a-hjkmnp-z]{8}"), footer);
    JsonNode buttons = blocks.get(blocks.size() - 2);
    assertEquals("actions", buttons.get("type").asText());
    List<String> actions = new ArrayList<>();
    buttons
        .get("elements")
        .forEach(
            b ->
                actions.add(
                    b.get("action_id").asText()
                        + "="
                        + b.get("value").asText()
                        + " "
                        + b.get("text").get("text").asText()));
    assertEquals(
        List.of("tradebot_vote_up=" + answerId + " 👍", "tradebot_vote_down=" + answerId + " 👎"),
        actions);

    String clickUrl = fake.newResponseUrl();
    assertEquals(
        200, slack.post(click("U9", "C1", "tradebot_vote_down", answerId, clickUrl)).statusCode());
    JsonNode thanks = JSON.readTree(fake.await(path(clickUrl)).body());
    assertEquals("ephemeral", thanks.get("response_type").asText());
    assertEquals(false, thanks.get("replace_original").asBoolean(true));
    assertEquals(
        "Thanks: your 👎 on answer " + answerId + " is recorded.", thanks.get("text").asText());

    String againUrl = fake.newResponseUrl();
    slack.post(click("U9", "C1", "tradebot_vote_up", answerId, againUrl));
    assertEquals(
        "Your vote on answer " + answerId + " is now 👍 (it was 👎).",
        JSON.readTree(fake.await(path(againUrl)).body()).get("text").asText());
  }

  @Test
  void reportListsADeclinedQuestionAndAVotedDownAnswerForAModeratorAndIsRefusedToOthers()
      throws Exception {
    String declinedUrl = fake.newResponseUrl();
    slack.post(command("/ask", "How do I bake rye bread?", "U10", "C1", declinedUrl));
    fake.await(path(declinedUrl));
    String askedUrl = fake.newResponseUrl();
    slack.post(command("/ask", QUESTION, "U10", "C1", askedUrl));
    JsonNode blocks = JSON.readTree(fake.await(path(askedUrl)).body()).get("blocks");
    String answerId = blocks.get(blocks.size() - 2).get("elements").get(0).get("value").asText();
    String clickUrl = fake.newResponseUrl();
    slack.post(click("U11", "C1", "tradebot_vote_down", answerId, clickUrl));
    fake.await(path(clickUrl));

    String refusedUrl = fake.newResponseUrl();
    slack.post(command("/report", "", "U2", "C1", refusedUrl));
    JsonNode refused = JSON.readTree(fake.await(path(refusedUrl)).body());
    assertEquals("ephemeral", refused.get("response_type").asText());
    assertEquals("Only moderators can see the report.", refused.get("text").asText());

    String reportUrl = fake.newResponseUrl();
    slack.post(command("/report", "30", "UMOD", "C1", reportUrl));
    JsonNode report = JSON.readTree(fake.await(path(reportUrl)).body());
    assertEquals("ephemeral", report.get("response_type").asText());
    assertTrue(
        report.get("text").asText().startsWith("Feedback of the last 30 days: "),
        report.toString());
    String all = String.join("\n", texts(report.get("blocks")));
    assertTrue(all.contains("1× How do I bake rye bread?"), all);
    assertTrue(all.contains("answer " + answerId + " · 👎 1 👍 0"), all);
  }

  @Test
  void appMentionIsAnsweredInItsThread() throws Exception {
    Answer.Answered expected =
        assertInstanceOf(Answer.Answered.class, tradebot.answers().ask(QUESTION));

    HttpResponse<String> ack =
        slack.post(mention("Ev100", "U1", "C100", "1700000000.000100", "<@UBOT> " + QUESTION));

    assertEquals(200, ack.statusCode());
    Map<String, String> message = fake.awaitPosted("C100", 1).getFirst();
    assertEquals("1700000000.000100", message.get("thread_ts"));
    List<String> texts = texts(JSON.readTree(message.get("blocks")));
    assertEquals(quoteBlock(expected), texts.get(1));
  }

  @Test
  void reloadIsRefusedForANonModerator() throws Exception {
    String responseUrl = fake.newResponseUrl();

    slack.post(command("/reload", "", "U2", "C1", responseUrl));

    JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
    assertEquals("ephemeral", reply.get("response_type").asText());
    assertEquals(
        List.of("*Only moderators can reload the knowledge base.*"), texts(reply.get("blocks")));
    assertEquals("U2", fake.received("/api/users.info").getLast().form().get("user"));
  }

  @Test
  void reloadByMentionIsRefusedForANonModerator() throws Exception {
    slack.post(mention("Ev300", "U3", "C301", "1700000000.000300", "<@UBOT> reload"));

    Map<String, String> refusal = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (refusal == null && System.nanoTime() < deadline) {
      refusal =
          fake.received("/api/chat.postEphemeral").stream()
              .map(FakeSlack.Received::form)
              .filter(f -> "C301".equals(f.get("channel")))
              .findFirst()
              .orElse(null);
      Thread.sleep(20);
    }
    assertTrue(refusal != null, "an ephemeral refusal in C301");
    assertEquals("U3", refusal.get("user"), "to the asker only");
    assertEquals(
        List.of("*Only moderators can reload the knowledge base.*"),
        texts(JSON.readTree(refusal.get("blocks"))));
  }

  @Test
  void reloadRunsForAConfiguredModeratorAndForAWorkspaceAdmin() throws Exception {
    for (String user : List.of("UMOD", "UADMIN")) {
      String responseUrl = fake.newResponseUrl();

      slack.post(command("/reload", "", user, "C1", responseUrl));

      JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
      assertEquals("in_channel", reply.get("response_type").asText());
      assertTrue(reply.get("text").asText().startsWith("Reloaded."), user + ": " + reply);
    }
  }

  @Test
  void badSignatureMissingHeadersAndStaleTimestampAre401AndNeverProcessed() throws Exception {
    String responseUrl = fake.newResponseUrl();
    String body = command("/reload", "", "UMOD", "C1", responseUrl);
    String now = String.valueOf(CLOCK.instant().getEpochSecond());
    String sixMinutesAgo = String.valueOf(CLOCK.instant().getEpochSecond() - 360);
    int before = handled.get();

    List<HttpResponse<String>> refused =
        List.of(
            slack.send(
                body,
                Map.of(
                    "X-Slack-Request-Timestamp",
                    now,
                    "X-Slack-Signature",
                    sign("wrong-secret", Long.parseLong(now), body))),
            slack.send(body, Map.of()),
            slack.send(body, Map.of("X-Slack-Request-Timestamp", now)),
            slack.send(
                body,
                Map.of(
                    "X-Slack-Request-Timestamp",
                    sixMinutesAgo,
                    "X-Slack-Signature",
                    sign(SECRET, Long.parseLong(sixMinutesAgo), body))));

    for (HttpResponse<String> r : refused) {
      assertEquals(401, r.statusCode());
      assertEquals("{\"error\":\"invalid request\"}", r.body());
    }
    // A correctly signed request after them is answered, and it is the only one the bot handled.
    String okUrl = fake.newResponseUrl();
    slack.post(command("/sources", "", "U1", "C1", okUrl));
    fake.await(path(okUrl));
    assertEquals(before + 1, handled.get());
    assertEquals(List.of(), fake.received(path(responseUrl)));
  }

  @Test
  void serverErrorFromTheWebApiIsRetriedThenReportedInTheLog() throws Exception {
    fake.postMessageStatus(503);
    try {
      slack.post(mention("Ev200", "U1", "C200", "1700000000.000200", "<@UBOT> sources"));

      assertEquals(3, fake.awaitPosted("C200", 3).size());
      awaitLogged(
          Level.ERROR, "Slack chat.postMessage failed after 3 attempts, giving up: HTTP 503");
    } finally {
      fake.postMessageStatus(200);
    }
    assertEquals(
        List.of(
            "Slack chat.postMessage failed (attempt 1 of 3): HTTP 503; retrying in 50 ms",
            "Slack chat.postMessage failed (attempt 2 of 3): HTTP 503; retrying in 100 ms"),
        warnings("chat.postMessage"));
  }

  @Test
  void aResponseUrlAnswered429IsRetriedAfterItsRetryAfter() throws Exception {
    String responseUrl = fake.newResponseUrl();
    fake.failResponses(responseUrl, 429, 1, "3");
    Instant before = CLOCK.instant();

    slack.post(command("/sources", "", "U1", "C1", responseUrl));

    assertEquals(2, fake.await(path(responseUrl), 2).size());
    assertEquals(
        List.of("Slack response_url failed (attempt 1 of 3): HTTP 429; retrying in 3000 ms"),
        warnings("response_url"));
    assertEquals(Duration.ofSeconds(3), Duration.between(before, CLOCK.instant()));
  }

  @Test
  void aReplyTheResponseUrlNeverTakesGoesToTheAskerAlone() throws Exception {
    String responseUrl = fake.newResponseUrl();
    fake.failResponses(responseUrl, 404, Integer.MAX_VALUE, null);

    slack.post(command("/ask", QUESTION, "U7", "C700", responseUrl));

    Map<String, String> privately = awaitEphemeral("C700");
    assertEquals("U7", privately.get("user"));
    assertEquals(
        "/ask " + QUESTION, texts(JSON.readTree(privately.get("blocks"))).getFirst(), "the echo");
    assertEquals(1, fake.received(path(responseUrl)).size(), "a 404 is not retried");
    awaitLogged(Level.ERROR, "Slack response_url failed, not retried");
  }

  private static List<String> warnings(String what) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(what))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static Map<String, String> awaitEphemeral(String channel) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      var found =
          fake.received("/api/chat.postEphemeral").stream()
              .map(FakeSlack.Received::form)
              .filter(f -> channel.equals(f.get("channel")))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no ephemeral message in " + channel);
  }

  @Test
  void tariffChartIsUploadedToTheChannel() throws Exception {
    String responseUrl = fake.newResponseUrl();

    slack.post(command("/tariff", "history", "U1", "C300", responseUrl));

    fake.await(path(responseUrl));
    FakeSlack.Received complete = fake.await("/api/files.completeUploadExternal");
    assertEquals("C300", complete.form().get("channel_id"));
    assertTrue(complete.form().get("files").contains("\"F1\""), complete.body());
    assertEquals(
        "tariffs.png",
        fake.received("/api/files.getUploadURLExternal").getLast().form().get("filename"));
    assertEquals(1, fake.received("/upload/F1").size());
  }

  @Test
  void urlVerificationChallengeIsAnswered() throws Exception {
    HttpResponse<String> r =
        slack.post("{\"token\":\"x\",\"challenge\":\"c4ll3ng3\",\"type\":\"url_verification\"}");

    assertEquals(200, r.statusCode());
    assertEquals("c4ll3ng3", r.body());
  }

  @Test
  void userOverTheRateLimitIsToldSoInTheAcknowledgement() throws Exception {
    int before = handled.get();

    HttpResponse<String> ack =
        slack.post(command("/ask", QUESTION, "UFLOOD", "C1", fake.newResponseUrl()));

    assertEquals(200, ack.statusCode());
    assertEquals(
        "You are sending requests too fast; please try again in 42 s.",
        JSON.readTree(ack.body()).get("text").asText());
    assertEquals(before, handled.get());
  }

  @Test
  void everyHostileQuestionIsAnsweredWithNoMentionOrBroadcastLeftInTheReply() throws Exception {
    int n = 0;
    for (HostileQuestions.Case c : HostileQuestions.all()) {
      String responseUrl = fake.newResponseUrl();
      HttpResponse<String> ack =
          slack.post(command("/ask", c.text(), "UHOSTILE" + n++, "C1", responseUrl));
      assertEquals(200, ack.statusCode(), c.name());

      JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
      List<String> shown = new java.util.ArrayList<>(texts(reply.get("blocks")));
      shown.add(reply.get("text").asText());
      for (String t : shown) {
        for (String ping : List.of("<!", "<@", "<#", "@here", "@channel", "@everyone")) {
          assertFalse(t.contains(ping), c.name() + " shows " + ping + ": " + t);
        }
        assertFalse(t.contains("went wrong"), c.name() + ": " + t);
      }
    }
  }

  /**
   * The limiter's clock stands still while 1,000 requests arrive, however slow the machine: exactly
   * the bucket's capacity gets through, every other one is told the wait until the next token, and
   * that token is there once the clock has moved by that wait.
   */
  @Test
  void aBurstOfAThousandRequestsFromOneUserIsHeldToTheConfiguredRate() throws Exception {
    TradebotConfig.RateLimit rate = TradebotConfig.defaults(Path.of("config")).slack().userRate();
    ManualClock clock = ManualClock.startingNow();
    RateLimiter limiter = new RateLimiter(rate, null, clock);
    TradebotConfig.Slack config = new TradebotConfig.Slack(List.of(), rate, fake.apiUrl());
    long refill = rate.per().toSeconds() / rate.capacity();
    int before = handled.get();
    try (SlackAdapter limited =
            new SlackAdapter(
                request -> {
                  handled.incrementAndGet();
                  return tradebot.bot().handle(request);
                },
                config,
                new SlackAdapter.Credentials("xoxb-test", SECRET, null),
                clock,
                user -> limiter.check(user, ""),
                new Retry(3, Duration.ofMillis(50), clock::sleep));
        RawHttpServer burstServer = new RawHttpServer("/slack/events", limited.handler())) {
      SlackRequests burst =
          new SlackRequests(
              URI.create("http://127.0.0.1:" + burstServer.port() + "/slack/events"),
              SECRET,
              clock);
      int accepted = 0;
      int tooFast = 0;
      for (int i = 0; i < 1000; i++) {
        HttpResponse<String> ack =
            burst.post(command("/sources", "", "UBURST", "C1", fake.newResponseUrl()));
        assertEquals(200, ack.statusCode());
        if (ack.body().isEmpty()) {
          accepted++;
        } else {
          assertEquals(
              "You are sending requests too fast; please try again in " + refill + " s.",
              JSON.readTree(ack.body()).get("text").asText());
          tooFast++;
        }
      }
      assertEquals(rate.capacity(), accepted, "the configured capacity: " + rate);
      assertEquals(1000 - rate.capacity(), tooFast);

      clock.advance(Duration.ofSeconds(refill));
      assertEquals(
          "",
          burst.post(command("/sources", "", "UBURST", "C1", fake.newResponseUrl())).body(),
          "one token is back after " + refill + " s");
      assertTrue(
          burst
              .post(command("/sources", "", "UBURST", "C1", fake.newResponseUrl()))
              .body()
              .contains("too fast"),
          "and only one");

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (handled.get() - before < accepted + 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(rate.capacity() + 1, handled.get() - before, "only the admitted reach the bot");
    }
  }

  private static String quoteBlock(Answer.Answered a) {
    return "> \u201C" + SlackRenderer.escape(a.citations().getFirst().quote()) + "\u201D [1]";
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }

  private static void awaitLogged(Level level, String message) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (logs.list.stream()
        .noneMatch(e -> e.getLevel() == level && e.getFormattedMessage().equals(message))) {
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
}
