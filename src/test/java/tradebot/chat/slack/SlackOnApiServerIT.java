package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.chat.slack.SlackRequests.command;
import static tradebot.chat.slack.SlackRequests.sign;
import static tradebot.testing.TradebotProcess.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.answer.Answer;
import tradebot.chat.RateLimiter;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.server.ApiServer;
import tradebot.testing.TradebotProcess;

/**
 * The Slack app served by the real HTTP server ({@link ApiServer}, as {@code tradebot slack} runs
 * it), not the test-only {@link RawHttpServer}: signed commands are answered through their response
 * URL on a fake Slack, forged ones get 401. The second test runs {@code tradebot slack} as a
 * process, rate limit, metrics and SIGTERM included.
 */
class SlackOnApiServerIT {
  private static final String SECRET = "api-server-signing-secret-4711";
  private static final String BOT_TOKEN = "xoxb-api-server-test";
  private static final String QUESTION = "What tariff did China put on US goods in April 2025?";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void signedAskIsAnsweredAndABadSignatureIs401ThroughTheRealServer() throws Exception {
    try (FakeSlack fake = new FakeSlack(Set.of())) {
      TradebotConfig d = TradebotConfig.defaults(Path.of("config"));
      TradebotConfig.Slack slackConfig =
          new TradebotConfig.Slack(List.of(), d.slack().userRate(), fake.apiUrl());
      TradebotConfig config =
          new TradebotConfig(
              d.configDir(),
              d.knowledge(),
              d.dataDir(),
              new TradebotConfig.Server(0, "127.0.0.1"),
              d.answer(),
              d.discord(),
              slackConfig);
      try (App app = App.inMemory(config, Clock.systemUTC());
          SlackAdapter adapter =
              SlackAdapter.start(
                  app.bot(),
                  slackConfig,
                  new SlackAdapter.Credentials(BOT_TOKEN, SECRET, null),
                  Clock.systemUTC(),
                  user -> new RateLimiter.Allowed(),
                  app.state())) {
        ApiServer server =
            new ApiServer(config.server(), app.service(), app.metrics(), null)
                .mount("POST", "/slack/events", adapter.handler())
                .start();
        try {
          SlackRequests slack = new SlackRequests(server.uri().resolve("/slack/events"), SECRET);
          Answer.Answered expected =
              assertInstanceOf(Answer.Answered.class, app.answers().ask(QUESTION));
          String responseUrl = fake.newResponseUrl();

          HttpResponse<String> ack = slack.post(command("/ask", QUESTION, "U1", "C1", responseUrl));

          assertEquals(200, ack.statusCode(), ack.body());
          assertEquals("", ack.body());
          JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
          assertEquals("in_channel", reply.get("response_type").asText());
          assertEquals(SlackRenderer.escape(expected.lead()), reply.get("text").asText());

          String forgedUrl = fake.newResponseUrl();
          String body = command("/ask", QUESTION, "U1", "C1", forgedUrl);
          long now = Instant.now().getEpochSecond();
          HttpResponse<String> forged =
              slack.send(
                  body,
                  Map.of(
                      "X-Slack-Request-Timestamp",
                      String.valueOf(now),
                      "X-Slack-Signature",
                      sign("not-the-secret", now, body)));
          assertEquals(401, forged.statusCode());
          assertEquals("{\"error\":\"invalid request\"}", forged.body());
          assertTrue(
              forged.headers().firstValue("X-Request-Id").isPresent(),
              "the server's own filter saw the request");
          // A later, signed request is answered; the forged one never reached its response URL.
          String laterUrl = fake.newResponseUrl();
          slack.post(command("/sources", "", "U1", "C1", laterUrl));
          fake.await(path(laterUrl));
          assertEquals(List.of(), fake.received(path(forgedUrl)));
          assertTrue(
              app.metrics()
                  .scrape()
                  .contains(
                      "tradebot_http_requests_seconds_count{method=\"POST\",route=\"/slack/events\",status=\"401\"} 1"));
        } finally {
          server.stop(Duration.ofSeconds(5));
        }
      }
    }
  }

  @Test
  void slackCommandServesEventsOnTheApiServerRateLimitsAndStopsOnSigterm() throws Exception {
    try (FakeSlack fake = new FakeSlack(Set.of())) {
      Path config = copy(Path.of("config"), tmp.resolve("config"));
      Path yaml = config.resolve("tradebot.yaml");
      String settings = Files.readString(yaml);
      assertTrue(settings.contains("api_url: https://slack.com/api/"), settings);
      Files.writeString(
          yaml, settings.replace("api_url: https://slack.com/api/", "api_url: " + fake.apiUrl()));
      Path log = tmp.resolve("slack.log");
      try (TradebotProcess process =
          TradebotProcess.command("slack", "--port", "0")
              .dirs(
                  config, copy(Path.of("knowledge"), tmp.resolve("knowledge")), tmp.resolve("data"))
              .env("SLACK_BOT_TOKEN", BOT_TOKEN)
              .env("SLACK_SIGNING_SECRET", SECRET)
              .logTo(log)
              .start()) {
        URI base = process.awaitReady();
        SlackRequests slack = new SlackRequests(base.resolve("/slack/events"), SECRET);
        String responseUrl = fake.newResponseUrl();

        HttpResponse<String> ack = slack.post(command("/ask", QUESTION, "U1", "C1", responseUrl));

        assertEquals(200, ack.statusCode(), ack.body());
        JsonNode reply = JSON.readTree(fake.await(path(responseUrl)).body());
        assertEquals(SlackRenderer.escape(expectedLead()), reply.get("text").asText());
        // slack.user_rate is 5 per 30 s: four more pass, the sixth is turned away and counted.
        for (int i = 0; i < 4; i++) {
          assertEquals(
              "", slack.post(command("/sources", "", "U1", "C1", fake.newResponseUrl())).body());
        }
        HttpResponse<String> limited =
            slack.post(command("/sources", "", "U1", "C1", fake.newResponseUrl()));
        assertEquals(200, limited.statusCode());
        assertTrue(limited.body().contains("too fast"), limited.body());
        String metrics = get(base.resolve("/metrics")).body();
        assertTrue(
            metrics.contains("tradebot_rate_limited_total{platform=\"slack\"} 1.0"), metrics);
        assertEquals(200, get(base.resolve("/readyz")).statusCode());

        assertTrue(process.stop(Duration.ofSeconds(30)), "exits after SIGTERM");
      }
      List<String> lines = Files.readAllLines(log);
      String text = String.join("\n", lines);
      assertTrue(text.contains("HTTP server stopped"), text);
      assertTrue(lines.getLast().endsWith("ServerRunner stopped"), text);
      assertFalse(text.contains(SECRET) || text.contains(BOT_TOKEN), "a secret was logged");
    }
  }

  /** The lead the bot gives {@link #QUESTION} over the bundled knowledge base. */
  private static String expectedLead() {
    TradebotConfig config =
        TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(Path.of("knowledge"));
    try (App app = App.inMemory(config, Clock.systemUTC())) {
      return assertInstanceOf(Answer.Answered.class, app.answers().ask(QUESTION)).lead();
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }
}
