package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Guild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tradebot.chat.ChatService;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.testing.ManualClock;

/**
 * Two shard processes' bots (shard 0 and shard 1 of 2, each its own JDA shard manager, rate limits
 * and citation store) logged in to one fake Discord whose bot is in two guilds, one on each shard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordShardsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ASKER = "1200000000000000051";

  private final ManualClock clock = ManualClock.startingNow();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private FakeDiscord discord;
  private App app;
  private DiscordBot shard0;
  private DiscordBot shard1;

  @BeforeAll
  void start() throws Exception {
    discord = new FakeDiscord(List.of(FakePayloads.GUILD, FakePayloads.GUILD_2));
    app = App.inMemory(TradebotConfig.defaults(Path.of("config")), clock);
    shard0 = start("shard0", new TradebotConfig.Shards(2, List.of(0)), discord);
    shard1 = start("shard1", new TradebotConfig.Shards(2, List.of(1)), discord);
  }

  /** A bot running {@code shards}, noting in {@link #handled} each request it was given. */
  private DiscordBot start(String name, TradebotConfig.Shards shards, FakeDiscord on)
      throws InterruptedException {
    ChatService recording =
        request -> {
          handled.add(name + " " + request.channelId());
          return app.bot().handle(request);
        };
    return DiscordBot.start(
        DiscordFixture.TOKEN,
        settings(on).withShards(shards),
        recording,
        clock,
        WAIT,
        DiscordBot.REST_TIMEOUT,
        () -> {});
  }

  private static TradebotConfig.Discord settings(FakeDiscord on) {
    return settings(on, List.of());
  }

  private static TradebotConfig.Discord settings(FakeDiscord on, List<String> guildIds) {
    return new TradebotConfig.Discord(
        guildIds,
        List.of(FakePayloads.MOD_ROLE),
        new TradebotConfig.RateLimit(3, Duration.ofSeconds(60)),
        new TradebotConfig.RateLimit(100, Duration.ofSeconds(60)),
        on.restBase(),
        on.gatewayUrl());
  }

  @AfterAll
  void stop() {
    for (DiscordBot bot : new DiscordBot[] {shard0, shard1}) {
      if (bot != null) {
        bot.shutdownNow();
      }
    }
    if (app != null) {
      app.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void eachProcessIdentifiesAsItsShardAndHoldsOnlyTheGuildsDiscordRoutesToIt() {
    List<String> identified =
        discord.gateway().frames(2).stream()
            .map(f -> f.path("d").path("shard").toString())
            .toList();
    assertEquals(List.of("[0,2]", "[1,2]"), identified.stream().sorted().toList());
    assertEquals(List.of(FakePayloads.GUILD_2), guilds(shard0));
    assertEquals(List.of(FakePayloads.GUILD), guilds(shard1));
  }

  @Test
  void aCommandInAGuildIsHandledOnlyByTheProcessThatRunsItsShard() throws Exception {
    for (String guild : List.of(FakePayloads.GUILD, FakePayloads.GUILD_2)) {
      String id = discord.slashIn(guild, ASKER, List.of(), "sources", Map.of());
      JsonNode edit =
          discord.await(DiscordFixture.call("PATCH", DiscordFixture.original(id)), WAIT).body();
      assertTrue(
          DiscordFixture.description(edit).startsWith("I answer from "),
          DiscordFixture.description(edit));
    }
    assertEquals(
        List.of(
            "shard1 " + FakePayloads.channelOf(FakePayloads.GUILD),
            "shard0 " + FakePayloads.channelOf(FakePayloads.GUILD_2)),
        handled);
  }

  @Test
  void theGlobalCommandsAreRegisteredOnceByTheProcessThatRunsShardZero() throws Exception {
    String commands = "/api/v10/applications/" + FakePayloads.APP + "/commands";
    discord.await(DiscordFixture.call("PUT", commands), WAIT);
    assertEquals(1, discord.calls(DiscordFixture.call("PUT", commands)).size());
  }

  @Test
  void guildCommandsAreRegisteredByTheProcessThatRunsEachGuildsShardOnly() throws Exception {
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SlashCommands.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    log.addAppender(lines);
    List<String> both = List.of(FakePayloads.GUILD, FakePayloads.GUILD_2);
    try (FakeDiscord two = new FakeDiscord(both)) {
      List<DiscordBot> bots = new java.util.ArrayList<>();
      try {
        for (int shard = 0; shard < 2; shard++) {
          bots.add(
              DiscordBot.start(
                  DiscordFixture.TOKEN,
                  settings(two, both).withShards(new TradebotConfig.Shards(2, List.of(shard))),
                  request -> app.bot().handle(request),
                  clock,
                  WAIT,
                  DiscordBot.REST_TIMEOUT,
                  () -> {}));
        }
        String base = "/api/v10/applications/" + FakePayloads.APP;
        for (String guild : both) {
          two.await(DiscordFixture.call("PUT", base + "/guilds/" + guild + "/commands"), WAIT);
        }
        Thread.sleep(200); // a second registration, were there one, would be queued by now
        for (String guild : both) {
          assertEquals(
              1,
              two.calls(DiscordFixture.call("PUT", base + "/guilds/" + guild + "/commands")).size(),
              guild);
        }
        assertEquals(0, two.calls(DiscordFixture.call("PUT", base + "/commands")).size());
        List<String> said = lines.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertEquals(
            List.of(
                "guild "
                    + FakePayloads.GUILD
                    + " is on shard 1: the process that runs it registers"
                    + " its commands",
                "guild "
                    + FakePayloads.GUILD_2
                    + " is on shard 0: the process that runs it"
                    + " registers its commands"),
            said.stream().filter(l -> l.startsWith("guild ")).toList());
        assertTrue(said.stream().noneMatch(l -> l.contains("not in guild")), said.toString());
      } finally {
        bots.forEach(DiscordBot::shutdownNow);
        log.detachAppender(lines);
      }
    }
  }

  @Test
  void autoRunsEveryShardDiscordRecommendsInOneProcess() throws Exception {
    try (FakeDiscord two = new FakeDiscord(List.of(FakePayloads.GUILD, FakePayloads.GUILD_2))) {
      DiscordBot all = start("auto", TradebotConfig.Shards.AUTO, two);
      try {
        assertEquals(2, all.shards().getShardsTotal());
        assertEquals(
            List.of(FakePayloads.GUILD, FakePayloads.GUILD_2),
            guilds(all).stream().sorted().toList());
      } finally {
        all.shutdownNow();
      }
    }
  }

  @Test
  void aShardWhoseSessionDiscordEndsForGoodEndsTheWaitSoThatTheBotIsRestarted() throws Exception {
    try (FakeDiscord two = new FakeDiscord(List.of(FakePayloads.GUILD, FakePayloads.GUILD_2))) {
      DiscordBot all = start("auto", TradebotConfig.Shards.AUTO, two);
      try {
        Thread waiting =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        all.awaitShutdown();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
        waiting.join(500);
        assertTrue(waiting.isAlive(), "both shards serve: still waiting");
        two.gateway().closeShard(1, 4011, "Sharding required");
        waiting.join(WAIT.toMillis());
        assertFalse(waiting.isAlive(), "one shard gone: the wait ended");
      } finally {
        all.shutdownNow();
      }
    }
  }

  private static List<String> guilds(DiscordBot bot) {
    return bot.shards().getGuildCache().stream().map(Guild::getId).toList();
  }
}
