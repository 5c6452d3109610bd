package tradebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Path DIR = Path.of("config");

  private static TradebotConfig parse(String yaml) {
    return ConfigLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), DIR, "tradebot.yaml");
  }

  private static ConfigException bad(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml));
  }

  @Test
  void missingFileGivesTheDefaults(@TempDir Path dir) {
    assertEquals(TradebotConfig.defaults(dir), ConfigLoader.load(dir));
  }

  @Test
  void emptyFileGivesTheDefaults() {
    assertEquals(TradebotConfig.defaults(DIR), parse("# nothing here\n"));
  }

  @Test
  void bundledConfigLoadsAndEqualsTheDefaults() {
    assertEquals(TradebotConfig.defaults(DIR), ConfigLoader.load(DIR));
  }

  @Test
  void everyKeyIsRead() {
    TradebotConfig c =
        parse(
            """
            knowledge: {dir: /srv/articles, watch: true}
            data_dir: /var/lib/tradebot
            log_format: json
            server: {port: 9090, bind: 0.0.0.0}
            answer: {max_question_chars: 500, max_citations: 2}
            discord:
              guild_ids: [123456789012345678, "42"]
              moderator_role_ids: ["7"]
              user_rate: {capacity: 3, per_seconds: 10}
              channel_rate: {capacity: 9, per_seconds: 20}
              rest_base_url: http://127.0.0.1:9999/api
              gateway_url: ws://127.0.0.1:9998/
              shards: {total: 4, ids: [2, 3]}
            slack:
              moderator_user_ids: [U0123ABCD]
              user_rate: {capacity: 4, per_seconds: 40}
              api_url: https://slack.example/api/
            privacy: {store_questions: all, retention_days: 30}
            state: {index_dir: /srv/index, redis_url: "redis://10.0.0.5:6379/2"}
            """);
    assertEquals(new TradebotConfig.Knowledge(Path.of("/srv/articles"), true), c.knowledge());
    assertEquals(Path.of("/var/lib/tradebot"), c.dataDir());
    assertEquals(TradebotConfig.LogFormat.JSON, c.logFormat());
    assertEquals(new TradebotConfig.Server(9090, "0.0.0.0"), c.server());
    assertEquals(new TradebotConfig.Answer(500, 2), c.answer());
    assertEquals(List.of("123456789012345678", "42"), c.discord().guildIds());
    assertEquals(List.of("7"), c.discord().moderatorRoleIds());
    assertEquals(new TradebotConfig.RateLimit(3, Duration.ofSeconds(10)), c.discord().userRate());
    assertEquals(
        new TradebotConfig.RateLimit(9, Duration.ofSeconds(20)), c.discord().channelRate());
    assertEquals("http://127.0.0.1:9999/api/", c.discord().restBaseUrl());
    assertEquals("ws://127.0.0.1:9998/", c.discord().gatewayUrl());
    assertEquals(new TradebotConfig.Shards(4, List.of(2, 3)), c.discord().shards());
    assertEquals(List.of("U0123ABCD"), c.slack().moderatorUserIds());
    assertEquals(new TradebotConfig.RateLimit(4, Duration.ofSeconds(40)), c.slack().userRate());
    assertEquals("https://slack.example/api/", c.slack().apiUrl());
    assertEquals(new TradebotConfig.Privacy(TradebotConfig.StoredQuestions.ALL, 30), c.privacy());
    assertEquals(
        new TradebotConfig.State(Path.of("/srv/index"), "redis://10.0.0.5:6379/2"), c.state());
    assertEquals(Path.of("/srv/index"), c.indexDir());
  }

  @Test
  void withoutAnIndexDirTheIndexLivesInTheDataDirAndNothingIsShared() {
    TradebotConfig c = parse("data_dir: /var/lib/tradebot\nstate: {index_dir: \"\"}\n");
    assertEquals(Path.of("/var/lib/tradebot"), c.indexDir());
    assertFalse(c.state().shared());
  }

  @Test
  void aRedisUrlWithAPasswordIsRefusedWithoutEchoingIt() {
    ConfigException e = bad("state:\n  redis_url: redis://:hunter2@cache:6379\n");
    assertEquals(
        "tradebot.yaml:2: state.redis_url must not hold a user or password: secrets come from the"
            + " environment",
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
    for (String url :
        List.of(
            "redis://:hunter2@redis_cache:6379",
            "redis://:p@ss@cache:6379",
            "redis://:a#b@cache")) {
      ConfigException odd = bad("state:\n  redis_url: \"" + url + "\"\n");
      assertFalse(odd.getMessage().contains("hunter2") || odd.getMessage().contains("ss@"), url);
      assertTrue(
          odd.getMessage()
              .endsWith("must not hold a user or password: secrets come from the environment"),
          odd.getMessage());
    }
  }

  @Test
  void keysLeftOutKeepTheirDefaults() {
    TradebotConfig c = parse("server:\n  port: 9000\ndiscord:\n  user_rate: {capacity: 2}\n");
    assertEquals(new TradebotConfig.Server(9000, "127.0.0.1"), c.server());
    assertEquals(new TradebotConfig.RateLimit(2, Duration.ofSeconds(30)), c.discord().userRate());
    assertEquals(TradebotConfig.Answer.DEFAULTS, c.answer());
  }

  @Test
  void shardsAreAutoOrATotalWhoseIdsDefaultToEveryShard() {
    assertEquals(
        TradebotConfig.Shards.AUTO, parse("discord:\n  shards: auto\n").discord().shards());
    assertEquals(
        new TradebotConfig.Shards(3, List.of(0, 1, 2)),
        parse("discord:\n  shards: {total: 3}\n").discord().shards());
  }

  @Test
  void aShardOutsideTheTotalIsRefusedNamingItAndTheLine() {
    ConfigException e = bad("discord:\n  shards: {total: 2, ids: [0, 2]}\n");
    assertEquals(
        "tradebot.yaml:2: discord.shards.ids: shard 2 is not one of 0 to 1", e.getMessage());
    assertEquals(
        "tradebot.yaml:2: discord.shards needs a total (how many shards in all processes)",
        bad("discord:\n  shards: {ids: [1]}\n").getMessage());
    assertEquals(
        "tradebot.yaml:2: discord.shards must be auto or {total: N, ids: [...]}: \"many\"",
        bad("discord:\n  shards: many\n").getMessage());
    assertEquals(
        "tradebot.yaml:2: discord.shards.ids must name at least one shard",
        bad("discord:\n  shards: {total: 4, ids: []}\n").getMessage());
  }

  @Test
  void unknownKeyNamesTheKeyTheLineAndACloseMatch() {
    ConfigException e = bad("knowledge:\n  dir: knowledge\nserver:\n  prot: 8080\n");
    assertEquals(
        "tradebot.yaml:4: unknown key 'server.prot'; did you mean 'port'? (server takes: port, bind)",
        e.getMessage());
    assertEquals("server.prot", e.key());
    assertEquals(4, e.line());
  }

  @Test
  void unknownTopLevelKeyListsTheKnownOnes() {
    ConfigException e = bad("answers:\n  max_citations: 2\n");
    assertEquals(1, e.line());
    assertEquals(
        "tradebot.yaml:1: unknown key 'answers'; did you mean 'answer'? (the top level takes: knowledge, data_dir,"
            + " log_format, server, answer, discord, slack, privacy, state)",
        e.getMessage());
  }

  @Test
  void secretInTheFileIsRefusedWithTheEnvironmentVariables() {
    ConfigException e = bad("slack:\n  api_url: https://slack.com/api/\n  bot_token: xoxb-1\n");
    assertEquals(3, e.line());
    assertTrue(
        e.getMessage().contains("secrets are never read from the config file"), e.getMessage());
    assertTrue(e.getMessage().contains("SLACK_BOT_TOKEN"), e.getMessage());
    assertTrue(
        !e.getMessage().contains("xoxb-1"),
        "the secret's value is not repeated: " + e.getMessage());
  }

  @Test
  void portOutOfRangeNamesKeyLineAndValue() {
    ConfigException e = bad("server:\n  bind: 127.0.0.1\n  port: 70000\n");
    assertEquals("tradebot.yaml:3: server.port must be 0 to 65535: 70000", e.getMessage());
  }

  @Test
  void portAsTextIsRefused() {
    assertEquals(
        "tradebot.yaml:2: server.port must be a whole number: \"eighty\"",
        bad("server:\n  port: eighty\n").getMessage());
  }

  @Test
  void watchMustBeABoolean() {
    assertEquals(
        "tradebot.yaml:2: knowledge.watch must be true or false: \"sometimes\"",
        bad("knowledge:\n  watch: sometimes\n").getMessage());
  }

  @Test
  void confidenceAboveOneIsRefused() {
    assertEquals(
        "tradebot.yaml:3: answer.max_citations must be 1 to 10: 11",
        bad("answer:\n  max_question_chars: 10\n  max_citations: 11\n").getMessage());
  }

  @Test
  void nestedRateLimitNamesTheFullKey() {
    ConfigException e = bad("discord:\n  channel_rate:\n    capacity: 0\n");
    assertEquals(
        "tradebot.yaml:3: discord.channel_rate.capacity must be 1 to 1000000: 0", e.getMessage());
    assertEquals("discord.channel_rate.capacity", e.key());
  }

  @Test
  void badListItemNamesItsOwnLine() {
    ConfigException e = bad("discord:\n  guild_ids:\n    - 123\n    - general\n");
    assertEquals(4, e.line());
    assertEquals(
        "tradebot.yaml:4: every item of discord.guild_ids must be a Discord id (digits): \"general\"",
        e.getMessage());
  }

  @Test
  void listGivenAsScalarIsRefused() {
    assertEquals(
        "tradebot.yaml:2: slack.moderator_user_ids must be a list, e.g. [\"123\"]: \"U01\"",
        bad("slack:\n  moderator_user_ids: U01\n").getMessage());
  }

  @Test
  void sectionGivenAsScalarIsRefused() {
    assertEquals(
        "tradebot.yaml:1: server must be a mapping of keys to values, not 8080",
        bad("server: 8080\n").getMessage());
  }

  @Test
  void badUrlIsRefused() {
    assertEquals(
        "tradebot.yaml:2: slack.api_url must be a http or https URL: \"slack.com/api\"",
        bad("slack:\n  api_url: slack.com/api\n").getMessage());
  }

  @Test
  void privacyNamesWhatItKeeps() {
    assertEquals(
        "tradebot.yaml:2: privacy.store_questions must be all, declined or none: \"some\"",
        bad("privacy:\n  store_questions: some\n").getMessage());
    assertEquals(
        "tradebot.yaml:2: privacy.retention_days must be 1 to 3650: 0",
        bad("privacy:\n  retention_days: 0\n").getMessage());
  }

  @Test
  void badLogFormatIsRefused() {
    assertEquals(
        "tradebot.yaml:1: log_format must be text or json: \"xml\"",
        bad("log_format: xml\n").getMessage());
  }

  @Test
  void keyGivenTwiceIsRefused() {
    assertEquals(
        "tradebot.yaml:3: server.port is given twice (first on line 2)",
        bad("server:\n  port: 1\n  port: 2\n").getMessage());
  }

  @Test
  void brokenYamlNamesTheLine() {
    ConfigException e = bad("server:\n  port: 8080\n bind: [oops\n");
    assertTrue(e.getMessage().startsWith("tradebot.yaml:"), e.getMessage());
    assertTrue(e.line() >= 2, "line " + e.line());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void topLevelListIsRefused() {
    assertEquals(
        "tradebot.yaml:1: the config must be a mapping of keys to values, not a list",
        bad("- a\n- b\n").getMessage());
  }

  @Test
  void loadNamesTheFileOnDisk(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tradebot.yaml"), "server:\n  port: -1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir));
    assertEquals(
        dir.resolve("tradebot.yaml") + ":2: server.port must be 0 to 65535: -1", e.getMessage());
  }

  @Test
  void renderedConfigReadsBackToTheSameConfig() {
    TradebotConfig c =
        parse(
            "log_format: json\nserver: {port: 0, bind: '::1'}\ndiscord: {guild_ids: [\"5\"], user_rate: {capacity: 2, per_seconds: 7}}\n");
    assertEquals(
        c,
        ConfigLoader.parse(
            ConfigLoader.render(c).getBytes(StandardCharsets.UTF_8), DIR, "rendered"));
  }

  @Test
  void everyKeyIsDocumentedInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (String key : ConfigLoader.allKeys()) {
      assertTrue(readme.contains("`" + key + "`"), "README.md does not document `" + key + "`");
    }
  }
}
