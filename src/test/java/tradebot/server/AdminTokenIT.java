package tradebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.answer.AnswerService;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.index.IndexStore;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;

/**
 * The admin token is compared exactly on every request, even on a kept-alive connection that
 * carried the right token before (Jetty's header cache once matched a case variant to it).
 */
class AdminTokenIT {
  static final String TOKEN = "admin-token-5ecret";

  @TempDir Path tmp;

  @Test
  void aCaseVariantOfTheTokenIsRefusedOnAConnectionThatCarriedTheTokenBefore() throws Exception {
    Path knowledge = ApiServerIT.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Path config = ApiServerIT.copy(Path.of("config"), tmp.resolve("config"));
    try (CorpusManager corpora =
            new CorpusManager(knowledge, config, IndexStore.inMemory(), Clock.systemUTC());
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
                  TOKEN)
              .start();
      try {
        HttpClient keptAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI reload = server.uri().resolve("/api/reload");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (String token : List.of(TOKEN, TOKEN.toUpperCase(), "Admin-Token-5ecret", TOKEN)) {
          statuses.add(
              keptAlive
                  .send(
                      HttpRequest.newBuilder(reload)
                          .header("Authorization", "Bearer " + token)
                          .POST(HttpRequest.BodyPublishers.noBody())
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode());
        }
        assertEquals(List.of(200, 403, 403, 200), statuses);
      } finally {
        server.stop(Duration.ofSeconds(5));
      }
    }
  }
}
