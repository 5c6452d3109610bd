package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.Main;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.Command;
import tradebot.chat.Platform;
import tradebot.config.TradebotConfig;
import tradebot.server.ApiServer;

/**
 * The moderators' report through its other front doors, over a feedback database on disk: {@code
 * GET /api/report} with the admin token, and {@code ./tradebot report} after the bot that wrote the
 * database was closed (a restart).
 */
class ReportFrontDoorsIT {
  private static final String TOKEN = "report-token-7";
  private static final String DECLINED = "How do I bake sourdough bread?";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void theApiGivesTheReportOnlyWithTheAdminTokenAndTheCommandLineReadsItAfterARestart()
      throws Exception {
    TradebotConfig config =
        TradebotConfig.defaults(Path.of("config"))
            .withKnowledgeDir(Path.of("knowledge"))
            .withDataDir(tmp.resolve("data"))
            .withServer(new TradebotConfig.Server(0, "127.0.0.1"));
    String answerId;
    try (App app = App.start(config)) {
      app.bot().handle(ChatRequest.ask(Platform.SLACK, "U1", DECLINED));
      ChatReply answered =
          app.bot()
              .handle(
                  ChatRequest.ask(
                      Platform.SLACK, "U1", "Who led the US delegation to Beijing in May 2018?"));
      answerId = answered.answerId();
      app.bot()
          .handle(
              new ChatRequest(
                  Platform.SLACK,
                  "U2",
                  "C1",
                  Command.VOTE,
                  "",
                  false,
                  Map.of("answer", answerId, "vote", "down")));
      ApiServer server =
          new ApiServer(config.server(), app.service(), app.metrics(), TOKEN).start();
      try {
        HttpClient http = HttpClient.newHttpClient();
        URI report = server.uri().resolve("/api/report?days=1");
        HttpResponse<String> anonymous =
            http.send(
                HttpRequest.newBuilder(report).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> wrong =
            http.send(
                HttpRequest.newBuilder(report).header("Authorization", "Bearer nope").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> ok =
            http.send(
                HttpRequest.newBuilder(report)
                    .header("Authorization", "Bearer " + TOKEN)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode body = JSON.readTree(ok.body());
        assertEquals(2, body.get("answers").asInt());
        assertEquals(DECLINED, body.at("/declined/0/question").asText());
        assertEquals(1, body.at("/declined/0/times").asInt());
        assertEquals(answerId, body.at("/disliked/0/answer_id").asText());
        assertEquals(1, body.at("/disliked/0/down").asInt());
        assertTrue(body.at("/disliked/0/passages/0/quote").asText().length() > 20, ok.body());
        HttpResponse<String> badDays =
            http.send(
                HttpRequest.newBuilder(server.uri().resolve("/api/report?days=week"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badDays.statusCode());
        assertEquals(
            "{\"error\":\"days must be a whole number from 1 to 3650: week\"}", badDays.body());
      } finally {
        server.stop(Duration.ofSeconds(5));
      }
    }
    int[] code = new int[1];
    String json =
        ConfigCommandTest.capture(
            true,
            () ->
                code[0] =
                    Main.run(
                        "--data",
                        tmp.resolve("data").toString(),
                        "report",
                        "--days",
                        "1",
                        "--json"));
    assertEquals(0, code[0], json);
    JsonNode body = JSON.readTree(json);
    assertEquals(
        List.of(DECLINED, answerId),
        List.of(
            body.at("/declined/0/question").asText(), body.at("/disliked/0/answer_id").asText()));
    // the start-up load is in the audit, and the report command did not load (nor audit) again
    assertEquals(1, body.get("reloads").size(), json);
    assertEquals(
        List.of("start", "SWAPPED", 4, "[]"),
        List.of(
            body.at("/reloads/0/requested_by/0/via").asText(),
            body.at("/reloads/0/outcome").asText(),
            body.at("/reloads/0/articles").asInt(),
            body.at("/reloads/0/removed").toString()));
    assertEquals(4, body.at("/reloads/0/added").size(), json);
    String text =
        ConfigCommandTest.capture(
            true,
            () ->
                code[0] =
                    Main.run("--data", tmp.resolve("data").toString(), "report", "--days", "1"));
    assertEquals(0, code[0], text);
    assertTrue(
        text.startsWith("Feedback of the last 1 day: 2 answers given, 1 declined, 1 voted down."),
        text);
    assertTrue(text.contains("1× " + DECLINED), text);
  }
}
