package tradebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tradebot.answer.AnswerJson;
import tradebot.answer.AnswerService;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.index.IndexStore;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;

class ApiServerIT {
  static final String TOKEN = "it-admin-token-7f3a9c";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  Path knowledge;
  CorpusManager corpora;
  AnswerService answers;
  Metrics metrics;
  ApiServer server;
  HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  CountDownLatch slowEntered = new CountDownLatch(1);
  CountDownLatch slowRelease = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Path config = copy(Path.of("config"), tmp.resolve("config"));
    corpora =
        new CorpusManager(
            knowledge, config, IndexStore.onDisk(tmp.resolve("data")), Clock.systemUTC());
    metrics = new Metrics();
    corpora.onReload(metrics::recordReload);
    corpora.start();
    answers = new AnswerService(corpora, TradebotConfig.Answer.DEFAULTS);
    server = newServer(TOKEN);
    server.mount(
        "POST",
        "/echo",
        req ->
            new RawHandler.RawResponse(
                202,
                "text/plain; charset=utf-8",
                Map.of("X-Echo-Signature", String.valueOf(req.header("X-Slack-Signature"))),
                (req.method()
                        + " "
                        + req.path()
                        + " "
                        + req.query()
                        + " "
                        + req.headers().containsKey("x-slack-signature")
                        + " "
                        + req.bodyText())
                    .getBytes(StandardCharsets.UTF_8)));
    server.mount(
        "GET",
        "/slow",
        req -> {
          slowEntered.countDown();
          slowRelease.await(30, TimeUnit.SECONDS);
          return RawHandler.RawResponse.text(200, "text/plain", "done");
        });
    server.start();
  }

  private ApiServer newServer(String token) {
    return new ApiServer(
        new TradebotConfig.Server(0, "127.0.0.1"),
        new TradeService(
            answers,
            corpora,
            NOW,
            metrics::recordAnswer,
            tradebot.feedback.FeedbackStore.temporary(
                NOW, tradebot.config.TradebotConfig.Privacy.DEFAULTS)),
        metrics,
        token);
  }

  @AfterEach
  void stop() {
    slowRelease.countDown();
    server.stop(Duration.ofSeconds(5));
    corpora.close();
    metrics.close();
  }

  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String ask(String question) {
    return JSON.createObjectNode().put("question", question).toString();
  }

  @Test
  void healthzSaysOk() throws Exception {
    HttpResponse<String> r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("{\"status\":\"ok\"}", r.body());
  }

  @Test
  void beforeTheIndexIsLoadedReadyzAndTheApiAnswer503ThenReadyzAnswers200() throws Exception {
    Path config = tmp.resolve("config");
    try (CorpusManager loading =
        new CorpusManager(
            knowledge, config, IndexStore.onDisk(tmp.resolve("data-2")), Clock.systemUTC())) {
      ApiServer early =
          new ApiServer(
                  new TradebotConfig.Server(0, "127.0.0.1"),
                  new TradeService(
                      new AnswerService(loading, TradebotConfig.Answer.DEFAULTS),
                      loading,
                      NOW,
                      metrics::recordAnswer,
                      tradebot.feedback.FeedbackStore.temporary(
                          NOW, tradebot.config.TradebotConfig.Privacy.DEFAULTS)),
                  metrics,
                  TOKEN)
              .start();
      try {
        URI base = early.uri();
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(base.resolve("/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, ready.statusCode());
        assertEquals("{\"status\":\"loading\"}", ready.body());
        HttpResponse<String> ask =
            http.send(
                HttpRequest.newBuilder(base.resolve("/api/ask"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"tariffs?\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, ask.statusCode());
        assertEquals("5", ask.headers().firstValue("Retry-After").orElse(""));
        assertEquals(
            "the knowledge base is still loading; try again shortly",
            JSON.readTree(ask.body()).get("error").asText());

        loading.start();

        assertEquals(
            200,
            http.send(
                    HttpRequest.newBuilder(base.resolve("/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode());
      } finally {
        early.stop(Duration.ofSeconds(5));
      }
    }
  }

  @Test
  void readyzNamesTheServingVersion() throws Exception {
    HttpResponse<String> r = get("/readyz");
    assertEquals(200, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("ready", body.get("status").asText());
    assertEquals(4, body.get("articles").asInt());
    try (CorpusManager.Lease lease = corpora.acquire()) {
      assertEquals(lease.corpus().version(), body.get("version").asText());
    }
  }

  @Test
  void askGivesTheSameJsonAsAskDashDashJson() throws Exception {
    String q = "What did Mnuchin's delegation agree in Beijing?";
    HttpResponse<String> r = post("/api/ask", ask(q), "Content-Type", "application/json");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    ObjectNode got = (ObjectNode) JSON.readTree(r.body());
    ObjectNode cli = AnswerJson.toJson(answers.ask(q));
    got.remove("took_ms");
    cli.remove("took_ms");
    assertEquals(cli, got);
    assertEquals(q, got.get("question").asText());
  }

  @Test
  void aTariffQuestionGetsTheTrackersLevelAsAskDashDashJsonDoes() throws Exception {
    String q = "What is the US tariff on Chinese goods now?";
    ObjectNode got =
        (ObjectNode)
            JSON.readTree(post("/api/ask", ask(q), "Content-Type", "application/json").body());
    ObjectNode cli = AnswerJson.toJson(answers.ask(q));
    got.remove("took_ms");
    cli.remove("took_ms");
    assertEquals(cli, got);
    assertEquals(
        "US on China: 145% (125% on top of an existing 20%, computed) as of 2025-04-11",
        got.get("lead").asText());
  }

  @Test
  void askWithoutAQuestionIsABadRequest() throws Exception {
    for (String body : List.of("{}", "{\"question\": 42}", "[]", "not json", "")) {
      HttpResponse<String> r = post("/api/ask", body);
      assertEquals(400, r.statusCode(), body);
      assertTrue(
          JSON.readTree(r.body()).get("error").asText().contains("question")
              || r.body().contains("not JSON"),
          r.body());
    }
  }

  @Test
  void bodyOver16KiBIs413WithOrWithoutALength() throws Exception {
    byte[] big = ask("x".repeat(ApiServer.MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> sized =
        http.send(
            HttpRequest.newBuilder(uri("/api/ask"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, sized.statusCode());
    HttpResponse<String> chunked =
        http.send(
            HttpRequest.newBuilder(uri("/api/ask"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, chunked.statusCode());
    assertEquals("{\"error\":\"the request body is over 16384 bytes\"}", chunked.body());
    // Exactly at the limit is fine.
    String atLimit = ask("y".repeat(ApiServer.MAX_BODY_BYTES - ask("").length()));
    assertEquals(ApiServer.MAX_BODY_BYTES, atLimit.length());
    assertEquals(200, post("/api/ask", atLimit).statusCode());
  }

  @Test
  void tariffGivesTheTrackersJsonAsTariffDashDashJsonPrintsIt() throws Exception {
    HttpResponse<String> r = get("/api/tariff");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertEquals(List.of("latest", "pending", "history"), fieldNames(body));
    try (CorpusManager.Lease lease = corpora.acquire()) {
      assertEquals(JSON.readTree(lease.corpus().tariffs().json(NOW, null)), body);
    }
    JsonNode us = body.get("latest").get(0);
    assertEquals("US", us.get("imposer").asText());
    assertEquals("CN", us.get("target").asText());
    assertEquals(145, us.get("combined_percent").asInt());
    assertEquals("computed", us.get("combined_basis").asText());
    JsonNode china = body.get("latest").get(1);
    assertEquals("CN", china.get("imposer").asText());
    assertEquals(125, china.get("rate_percent").asInt());
    assertEquals(7, body.get("history").size());
  }

  @Test
  void tariffTakesADirectionAndCanLeaveTheHistoryOut() throws Exception {
    JsonNode china = JSON.readTree(get("/api/tariff?direction=china-us&history=false").body());
    assertEquals(List.of("latest", "pending", "history"), fieldNames(china));
    assertEquals(1, china.get("latest").size());
    assertEquals("CN", china.get("latest").get(0).get("imposer").asText());
    assertEquals(125, china.get("latest").get(0).get("rate_percent").asInt());
    assertEquals(0, china.get("history").size());
    JsonNode us = JSON.readTree(get("/api/tariff?direction=us-china&history=true").body());
    assertEquals(145, us.get("latest").get(0).get("combined_percent").asInt());
    for (JsonNode e : us.get("history")) {
      assertEquals("US", e.get("imposer").asText(), e.toString());
    }
    assertFalse(us.get("history").isEmpty());
  }

  @Test
  void tariffWithABadDirectionOrHistoryIsABadRequest() throws Exception {
    HttpResponse<String> dir = get("/api/tariff?direction=atlantis-us");
    assertEquals(400, dir.statusCode());
    assertTrue(JSON.readTree(dir.body()).get("error").asText().contains("atlantis-us"), dir.body());
    HttpResponse<String> hist = get("/api/tariff?history=maybe");
    assertEquals(400, hist.statusCode());
    assertEquals("{\"error\":\"history must be true or false: maybe\"}", hist.body());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void sourcesListsEveryLoadedArticle() throws Exception {
    HttpResponse<String> r = get("/api/sources");
    assertEquals(200, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    List<String> ids = body.get("articles").findValuesAsText("id");
    assertEquals(
        List.of(
            "2018-05-04-ap-beijing-talks",
            "2018-09-21-wapo-china-cancels-talks",
            "2019-05-10-cnn-talks-end-without-deal",
            "2025-04-11-bloomberg-tariffs-peak-125"),
        ids);
    assertEquals(
        "Associated Press (via The Seattle Times)",
        body.get("articles").get(0).get("outlet").asText());
    assertEquals(0, body.get("errors").size());
  }

  @Test
  void reloadWithoutATokenIs401() throws Exception {
    HttpResponse<String> r = post("/api/reload", "");
    assertEquals(401, r.statusCode());
    assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals(401, post("/api/reload", "", "Authorization", "Basic abc").statusCode());
  }

  @Test
  void reloadWithAWrongTokenIs403() throws Exception {
    HttpResponse<String> r = post("/api/reload", "", "Authorization", "Bearer " + TOKEN + "x");
    assertEquals(403, r.statusCode());
    assertEquals("{\"error\":\"wrong admin token\"}", r.body());
  }

  @Test
  void reloadWithTheTokenReportsWhatChanged() throws Exception {
    Files.writeString(
        knowledge.resolve("extra.txt"),
        "---\nid: extra\ntitle: \"Extra\"\noutlet: \"Test Wire\"\npublished: 2020-02-02\n---\nSoybean exports fell by 20 percent.\n");
    HttpResponse<String> r = post("/api/reload", "", "Authorization", "Bearer " + TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("swapped", body.get("outcome").asText());
    assertEquals("[\"extra\"]", body.get("added").toString());
    assertEquals("[]", body.get("removed").toString());
    assertEquals(5, body.get("articles").asInt());
    assertTrue(body.get("took_ms").asLong() >= 0);
  }

  @Test
  void reloadOfAnEmptyDirectoryIs422AndTheOldIndexServes() throws Exception {
    try (Stream<Path> files = Files.list(knowledge)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    HttpResponse<String> r = post("/api/reload", "", "Authorization", "Bearer " + TOKEN);
    assertEquals(422, r.statusCode(), r.body());
    assertEquals("refused", JSON.readTree(r.body()).get("outcome").asText());
    assertEquals(4, JSON.readTree(get("/readyz").body()).get("articles").asInt());
  }

  @Test
  void reloadIsDisabledWithoutAConfiguredToken() throws Exception {
    ApiServer open = newServer(null).start();
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(open.uri().resolve("/api/reload"))
                  .header("Authorization", "Bearer anything")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, r.statusCode());
      assertTrue(r.body().contains("TRADEBOT_ADMIN_TOKEN"), r.body());
    } finally {
      open.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void metricsExposeTheBotsCountersAndTheJvms() throws Exception {
    post("/api/ask", ask("What did Mnuchin's delegation agree in Beijing?"));
    post("/api/ask", ask("   "));
    HttpResponse<String> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String text = r.body();
    for (String line :
        List.of(
            "tradebot_questions_total 2.0",
            "tradebot_questions_declined_total{reason=\"empty_question\"} 1.0",
            "tradebot_answer_seconds_count 2",
            "tradebot_reloads_total{outcome=\"swapped\"} 1.0",
            "tradebot_reloads_total{outcome=\"refused\"} 0.0",
            "tradebot_articles 4.0",
            "tradebot_passages ",
            "tradebot_rate_limited_total{platform=\"api\"} 0.0",
            "tradebot_http_requests_seconds_count{method=\"POST\",route=\"/api/ask\",status=\"200\"} 2",
            "tradebot_questions_answered_total ",
            "tradebot_answer_seconds_bucket{le=\"0.1\"}",
            "jvm_memory_used_bytes{",
            "process_uptime_seconds ")) {
      assertTrue(text.contains(line), "missing: " + line);
    }
  }

  @Test
  void requestIdIsKeptWhenTameAndMadeOtherwise() throws Exception {
    HttpResponse<String> mine =
        http.send(
            HttpRequest.newBuilder(uri("/healthz")).header("X-Request-Id", "abc-123").build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("abc-123", mine.headers().firstValue("X-Request-Id").orElseThrow());
    HttpResponse<String> wild =
        http.send(
            HttpRequest.newBuilder(uri("/healthz")).header("X-Request-Id", "a b<script>").build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(wild.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f]{16}"));
  }

  @Test
  void everyLogLineOfARequestCarriesItsIdAndNeitherQuestionNorTokenIsLoggedAtInfo()
      throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      String question = "Which soybean quota did negotiators discuss at midnight?";
      post("/api/ask", ask(question), "X-Request-Id", "rid-ask-1");
      post("/api/reload", "", "Authorization", "Bearer " + TOKEN, "X-Request-Id", "rid-reload-1");
    } finally {
      root.detachAppender(logs);
    }
    List<ILoggingEvent> ask =
        logs.list.stream()
            .filter(e -> "rid-ask-1".equals(e.getMDCPropertyMap().get("request_id")))
            .toList();
    assertTrue(
        ask.stream().anyMatch(e -> e.getFormattedMessage().matches("POST /api/ask 200 \\d+ ms")),
        ask.toString());
    List<ILoggingEvent> reload =
        logs.list.stream()
            .filter(e -> "rid-reload-1".equals(e.getMDCPropertyMap().get("request_id")))
            .toList();
    assertTrue(
        reload.stream().anyMatch(e -> e.getLoggerName().equals("tradebot.audit")),
        "the audit line of the build carries the id");
    assertTrue(reload.stream().anyMatch(e -> e.getLoggerName().equals("tradebot.http")));
    for (ILoggingEvent e : logs.list) {
      assertFalse(
          e.getFormattedMessage().contains("soybean quota"),
          "question logged: " + e.getFormattedMessage());
      assertFalse(
          e.getFormattedMessage().contains(TOKEN), "token logged: " + e.getFormattedMessage());
    }
  }

  @Test
  void mountedRouteGetsTheRawBodyAndLowerCasedHeaders() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/echo?x=1"))
                .header("X-Slack-Signature", "v0=abc")
                .POST(HttpRequest.BodyPublishers.ofString("token=t&text=%20hi"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, r.statusCode());
    assertEquals("POST /echo {x=[1]} true token=t&text=%20hi", r.body());
    assertEquals("v0=abc", r.headers().firstValue("X-Echo-Signature").orElseThrow());
    assertThrows(IllegalStateException.class, () -> server.mount("POST", "/late", req -> null));
  }

  @Test
  void unknownPathIs404AsJson() throws Exception {
    HttpResponse<String> r = get("/nope");
    assertEquals(404, r.statusCode());
    assertEquals("{\"error\":\"no such endpoint: /nope\"}", r.body());
  }

  @Test
  void stopLetsTheRequestInFlightFinishAndTakesNoNewOnes() throws Exception {
    CompletableFuture<HttpResponse<String>> slow =
        http.sendAsync(
            HttpRequest.newBuilder(uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(slowEntered.await(10, TimeUnit.SECONDS));
    URI health = uri("/healthz");
    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(20)));

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    boolean refused = false;
    while (!refused && System.nanoTime() < deadline) {
      try (HttpClient fresh =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
        HttpResponse<String> r =
            fresh.send(
                HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        refused = r.statusCode() == 503;
      } catch (ConnectException e) {
        refused = true;
      }
    }
    assertTrue(refused, "new requests are turned away while draining");
    assertFalse(stopping.isDone(), "stop waits for the request in flight");
    slowRelease.countDown();
    HttpResponse<String> done = slow.get(10, TimeUnit.SECONDS);
    assertEquals(200, done.statusCode());
    assertEquals("done", done.body());
    assertEquals(
        "close",
        done.headers().firstValue("Connection").orElse(""),
        "a request that finishes while the server drains closes its connection");
    stopping.get(20, TimeUnit.SECONDS);
  }
}
