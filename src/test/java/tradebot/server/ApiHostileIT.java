package tradebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tradebot.answer.AnswerService;
import tradebot.chat.HostileQuestions;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.index.IndexStore;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;

/**
 * Every hostile question of {@link HostileQuestions} as {@code POST /api/ask}: a JSON answer (200)
 * with the question as the bot read it, or 413 when the body is over 16 KiB; never a 500.
 */
class ApiHostileIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyHostileQuestionGetsAJsonAnswerOr413() throws Exception {
    try (CorpusManager corpora =
            new CorpusManager(
                Path.of("knowledge"), Path.of("config"), IndexStore.inMemory(), Clock.systemUTC());
        Metrics metrics = new Metrics()) {
      corpora.start();
      AnswerService answers = new AnswerService(corpora, TradebotConfig.Answer.DEFAULTS);
      ApiServer server =
          new ApiServer(
                  new TradebotConfig.Server(0, "127.0.0.1"),
                  new TradeService(
                      answers,
                      corpora,
                      java.time.Clock.systemUTC(),
                      metrics::recordAnswer,
                      tradebot.feedback.FeedbackStore.temporary(
                          java.time.Clock.systemUTC(),
                          tradebot.config.TradebotConfig.Privacy.DEFAULTS)),
                  metrics,
                  null)
              .start();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      List<String> wrong = new ArrayList<>();
      try {
        for (HostileQuestions.Case c : HostileQuestions.all()) {
          String body = JSON.createObjectNode().put("question", c.text()).toString();
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(server.uri().resolve("/api/ask"))
                      .timeout(Duration.ofSeconds(30))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          int size = body.getBytes(StandardCharsets.UTF_8).length;
          int expected = size > ApiServer.MAX_BODY_BYTES ? 413 : 200;
          if (r.statusCode() != expected) {
            wrong.add(c.name() + ": " + r.statusCode() + " " + r.body());
            continue;
          }
          JsonNode json = JSON.readTree(r.body());
          if (expected == 200) {
            assertTrue(json.has("answered") && json.has("lead"), c.name() + ": " + r.body());
          } else {
            assertTrue(json.path("error").asText().startsWith("the request body is over"));
          }
        }
      } finally {
        server.stop(Duration.ofSeconds(5));
      }
      assertEquals(List.of(), wrong);
    }
  }
}
