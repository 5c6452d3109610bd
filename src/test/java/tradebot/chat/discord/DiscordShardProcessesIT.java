package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.chat.discord.DiscordFixture.call;
import static tradebot.chat.discord.DiscordFixture.callback;
import static tradebot.chat.discord.DiscordFixture.original;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tradebot.testing.RedisServer;
import tradebot.testing.TradebotProcess;

/**
 * {@code tradebot discord} as two shard processes (shard 0 and shard 1 of 2) against one fake
 * Discord whose bot is in a guild on each shard, sharing a real redis-server: each process
 * identifies as its shard and answers only its guild's commands, and one user's allowance holds
 * across both.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DiscordShardProcessesIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOKEN = "fake-token-shards-7a8b";
  private static final String ASKER = "1300000000000000021";
  private static final String BUSY = "1300000000000000022";
  private static final Pattern QUESTIONS = Pattern.compile("(?m)^tradebot_questions_total (\\S+)");

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void eachShardProcessHandlesOnlyItsGuildsCommandsAndOneAllowanceHoldsAcrossBoth()
      throws Exception {
    try (RedisServer redis = RedisServer.start(tmp.resolve("redis"));
        FakeDiscord discord = new FakeDiscord(List.of(FakePayloads.GUILD, FakePayloads.GUILD_2))) {
      Path knowledge = TradebotProcess.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
      try (TradebotProcess shard0 = start(0, redis, discord, knowledge);
          TradebotProcess shard1 = start(1, redis, discord, knowledge)) {
        URI base0 = shard0.awaitReady();
        URI base1 = shard1.awaitReady();
        assertEquals(
            "[0] of 2, 1 guilds", shard0.awaitLogged("logged in to Discord as \\S+: shards (.*)"));
        assertEquals(
            "[1] of 2, 1 guilds", shard1.awaitLogged("logged in to Discord as \\S+: shards (.*)"));

        // GUILD lives on shard 1, GUILD_2 on shard 0.
        answered(discord.slashIn(FakePayloads.GUILD, ASKER, List.of(), "ask", ask()), discord);
        answered(discord.slashIn(FakePayloads.GUILD_2, ASKER, List.of(), "ask", ask()), discord);
        answered(discord.slashIn(FakePayloads.GUILD_2, ASKER, List.of(), "ask", ask()), discord);
        assertEquals(2.0, questions(base0), "shard 0 answered GUILD_2's two");
        assertEquals(1.0, questions(base1), "shard 1 answered GUILD's one");

        // discord.user_rate is 5 per 30 s, drawn from Redis by both processes.
        for (int i = 0; i < 5; i++) {
          String guild = i % 2 == 0 ? FakePayloads.GUILD : FakePayloads.GUILD_2;
          String id = discord.slashIn(guild, BUSY, List.of(), "sources", Map.of());
          discord.await(call("PATCH", original(id)), WAIT);
        }
        String sixth = discord.slashIn(FakePayloads.GUILD_2, BUSY, List.of(), "sources", Map.of());
        JsonNode limited = discord.await(call("POST", callback(sixth)), WAIT).body();
        assertTrue(
            limited.path("data").path("content").asText().startsWith("You're asking quickly"),
            limited.toString());

        String commands = "/api/v10/applications/" + FakePayloads.APP + "/commands";
        assertEquals(1, discord.calls(call("PUT", commands)).size(), "registered once");
      }
      // Both share one index directory: one of them writes the embedding cache, the other reads.
      long readers =
          List.of("shard0.log", "shard1.log").stream()
              .filter(log -> read(tmp.resolve(log)).contains("is written by another process"))
              .count();
      assertEquals(1, readers);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private TradebotProcess start(int shard, RedisServer redis, FakeDiscord discord, Path knowledge)
      throws Exception {
    Path config = TradebotProcess.copy(Path.of("config"), tmp.resolve("config-" + shard));
    Files.writeString(
        config.resolve("tradebot.yaml"),
        """
        discord:
          rest_base_url: %s
          gateway_url: %s
          shards: {total: 2, ids: [%d]}
        state:
          index_dir: %s
          redis_url: %s
        """
            .formatted(
                discord.restBase(),
                discord.gatewayUrl(),
                shard,
                tmp.resolve("index"),
                redis.url()));
    return TradebotProcess.command("discord", "--port", "0")
        .dirs(config, knowledge, tmp.resolve("data-" + shard))
        .env("DISCORD_TOKEN", TOKEN)
        .logTo(tmp.resolve("shard" + shard + ".log"))
        .start();
  }

  private static Map<String, Object> ask() {
    return Map.of("question", DiscordFixture.QUESTION);
  }

  private static void answered(String interaction, FakeDiscord discord) throws Exception {
    JsonNode edit = discord.await(call("PATCH", original(interaction)), WAIT).body();
    assertTrue(DiscordFixture.description(edit).contains("Mnuchin"), edit.toString());
  }

  private double questions(URI base) throws Exception {
    String metrics =
        http.send(
                HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = QUESTIONS.matcher(metrics);
    assertTrue(m.find(), metrics);
    return Double.parseDouble(m.group(1));
  }
}
