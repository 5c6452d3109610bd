package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.chat.discord.DiscordFixture.call;
import static tradebot.chat.discord.DiscordFixture.callback;
import static tradebot.chat.discord.DiscordFixture.original;
import static tradebot.testing.TradebotProcess.copy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.testing.TradebotProcess;

/**
 * {@code tradebot discord} as a process against the fake Discord: the HTTP server runs beside the
 * bot, our rate limit is counted in its metrics, and SIGTERM drains the server, logs out of Discord
 * and closes the index.
 */
class DiscordCommandIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOKEN = "fake-token-cmd-5d6e";
  private static final String USER = "1300000000000000001";

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void discordRunsTheHttpServerBesideTheBotAndStopsGracefullyOnSigterm() throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      Path config = copy(Path.of("config"), tmp.resolve("config"));
      Path yaml = config.resolve("tradebot.yaml");
      String settings = Files.readString(yaml);
      String rest = "rest_base_url: https://discord.com/api/v10/";
      String gateway = "gateway_url: \"\"";
      assertTrue(settings.contains(rest) && settings.contains(gateway), settings);
      Files.writeString(
          yaml,
          settings
              .replace(rest, "rest_base_url: " + discord.restBase())
              .replace(gateway, "gateway_url: " + discord.gatewayUrl()));
      Path log = tmp.resolve("discord.log");
      try (TradebotProcess process =
          TradebotProcess.command("discord", "--port", "0")
              .dirs(
                  config, copy(Path.of("knowledge"), tmp.resolve("knowledge")), tmp.resolve("data"))
              .env("DISCORD_TOKEN", TOKEN)
              .logTo(log)
              .start()) {
        URI base = process.awaitReady();
        process.awaitLogged("(logged in to Discord as \\S+)");
        assertEquals(200, get(base.resolve("/readyz")).statusCode());

        String asked = discord.slash(USER, List.of(), "sources", Map.of());
        assertEquals(
            5, discord.await(call("POST", callback(asked)), WAIT).body().path("type").asInt());
        discord.await(call("PATCH", original(asked)), WAIT);
        // discord.user_rate is 5 per 30 s: four more pass, the sixth is turned away and counted.
        for (int i = 0; i < 4; i++) {
          discord.slash(USER, List.of(), "sources", Map.of());
        }
        String hasty = discord.slash(USER, List.of(), "sources", Map.of());
        JsonNode limited = discord.await(call("POST", callback(hasty)), WAIT).body();
        assertTrue(
            limited.path("data").path("content").asText().startsWith("You're asking quickly"),
            limited.toString());
        String metrics = get(base.resolve("/metrics")).body();
        assertTrue(
            metrics.contains("tradebot_rate_limited_total{platform=\"discord\"} 1.0"), metrics);

        assertTrue(process.stop(Duration.ofSeconds(30)), "exits after SIGTERM");
      }
      List<String> lines = Files.readAllLines(log);
      String text = String.join("\n", lines);
      assertTrue(text.indexOf("HTTP server stopped") > text.indexOf("shutting down"), text);
      assertTrue(lines.getLast().endsWith("ServerRunner stopped"), text);
      assertFalse(text.contains("the Discord session ended"), text);
      assertFalse(text.contains(TOKEN), "the token was logged");
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
