package tradebot.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tradebot.config.ConfigSection.Keys;

/**
 * Reads {@code tradebot.yaml} from a config directory into a {@link TradebotConfig}, strictly: an
 * unknown key, a value of the wrong type or out of range, a key given twice or broken YAML stops
 * with a {@link ConfigException} naming the key and its line. A missing file gives the defaults; a
 * key left out keeps its default. Relative paths are taken relative to the working directory.
 * Secrets are never read from the file: they come from the environment ({@link
 * TradebotConfig#SECRETS}). Thread-safe.
 */
public final class ConfigLoader {
  /** The file's name inside the config directory. */
  public static final String FILE = "tradebot.yaml";

  private static final Keys TOP =
      new Keys(
          "",
          "knowledge",
          "data_dir",
          "log_format",
          "server",
          "answer",
          "discord",
          "slack",
          "privacy",
          "state");
  private static final Keys KNOWLEDGE = new Keys("knowledge", "dir", "watch");
  private static final Keys SERVER = new Keys("server", "port", "bind");
  private static final Keys ANSWER = new Keys("answer", "max_question_chars", "max_citations");
  private static final Keys DISCORD =
      new Keys(
          "discord",
          "guild_ids",
          "moderator_role_ids",
          "user_rate",
          "channel_rate",
          "rest_base_url",
          "gateway_url",
          "shards");
  static final Keys SHARDS = new Keys("discord.shards", "total", "ids");
  private static final Keys SLACK = new Keys("slack", "moderator_user_ids", "user_rate", "api_url");
  private static final Keys PRIVACY = new Keys("privacy", "store_questions", "retention_days");
  private static final Keys STATE = new Keys("state", "index_dir", "redis_url");
  private static final Pattern STORED_QUESTIONS = Pattern.compile("all|declined|none");

  /** Discord ids are snowflakes: decimal numbers. */
  private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

  /** Slack user ids: upper-case letters and digits, starting with a letter (U..., W...). */
  private static final Pattern SLACK_USER = Pattern.compile("[A-Z][A-Z0-9]{1,31}");

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]%-]+");

  private ConfigLoader() {}

  /**
   * Loads {@code configDir/tradebot.yaml}, or gives the defaults when there is none.
   *
   * @throws ConfigException naming the file, the line, the key and what is wrong with it
   */
  public static TradebotConfig load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return TradebotConfig.defaults(configDir);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
    return parse(bytes, configDir, file.toString());
  }

  /**
   * Reads config text as if it were {@code configDir/tradebot.yaml}.
   *
   * @param file the name to give in messages
   * @throws ConfigException naming the file, the line, the key and what is wrong with it
   */
  public static TradebotConfig parse(byte[] yaml, Path configDir, String file) {
    TradebotConfig d = TradebotConfig.defaults(configDir);
    YamlTree.Node root = YamlTree.parse(yaml, file);
    if (root == null || root.isNull()) {
      return d;
    }
    ConfigSection top = ConfigSection.root(root, file, TOP);
    ConfigSection k = top.section("knowledge", KNOWLEDGE);
    ConfigSection s = top.section("server", SERVER);
    ConfigSection a = top.section("answer", ANSWER);
    ConfigSection dc = top.section("discord", DISCORD);
    ConfigSection sl = top.section("slack", SLACK);
    ConfigSection pr = top.section("privacy", PRIVACY);
    ConfigSection st = top.section("state", STATE);
    TradebotConfig.Answer answer =
        a.build(
            () ->
                new TradebotConfig.Answer(
                    a.integer("max_question_chars", d.answer().maxQuestionChars(), 1, 100_000),
                    a.integer("max_citations", d.answer().maxCitations(), 1, 10)));
    return new TradebotConfig(
        configDir,
        new TradebotConfig.Knowledge(
            k.path("dir", d.knowledge().dir()), k.bool("watch", d.knowledge().watch())),
        top.path("data_dir", d.dataDir()),
        new TradebotConfig.Server(
            s.integer("port", d.server().port(), 0, 65535),
            s.string("bind", d.server().bind(), HOST, "a host name or IP address")),
        answer,
        new TradebotConfig.Discord(
            dc.strings("guild_ids", d.discord().guildIds(), SNOWFLAKE, "a Discord id (digits)"),
            dc.strings(
                "moderator_role_ids",
                d.discord().moderatorRoleIds(),
                SNOWFLAKE,
                "a Discord id (digits)"),
            dc.rate("user_rate", d.discord().userRate()),
            dc.rate("channel_rate", d.discord().channelRate()),
            dc.url("rest_base_url", d.discord().restBaseUrl(), Set.of("http", "https"), false),
            dc.url("gateway_url", d.discord().gatewayUrl(), Set.of("ws", "wss"), true),
            dc.shards("shards", d.discord().shards())),
        new TradebotConfig.Slack(
            sl.strings(
                "moderator_user_ids",
                d.slack().moderatorUserIds(),
                SLACK_USER,
                "a Slack user id (like U0123ABCD)"),
            sl.rate("user_rate", d.slack().userRate()),
            sl.url("api_url", d.slack().apiUrl(), Set.of("http", "https"), false)),
        top.logFormat("log_format", d.logFormat()),
        new TradebotConfig.Privacy(
            TradebotConfig.StoredQuestions.valueOf(
                pr.string(
                        "store_questions",
                        d.privacy().storeQuestions().label(),
                        STORED_QUESTIONS,
                        "all, declined or none")
                    .toUpperCase(java.util.Locale.ROOT)),
            pr.integer("retention_days", d.privacy().retentionDays(), 1, 3650)),
        new TradebotConfig.State(
            st.optionalPath("index_dir", d.state().indexDir()),
            st.url("redis_url", d.state().redisUrl(), Set.of("redis", "rediss"), true)));
  }

  /**
   * The effective config as YAML, in the file's layout, for {@code config check}. It holds no
   * secrets: there are none in the config.
   */
  public static String render(TradebotConfig c) {
    ObjectMapper yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    ObjectNode root = yaml.createObjectNode();
    ObjectNode k = root.putObject("knowledge");
    k.put("dir", c.knowledge().dir().toString());
    k.put("watch", c.knowledge().watch());
    root.put("data_dir", c.dataDir().toString());
    root.put("log_format", c.logFormat().label());
    ObjectNode s = root.putObject("server");
    s.put("port", c.server().port());
    s.put("bind", c.server().bind());
    ObjectNode a = root.putObject("answer");
    a.put("max_question_chars", c.answer().maxQuestionChars());
    a.put("max_citations", c.answer().maxCitations());
    ObjectNode dc = root.putObject("discord");
    c.discord().guildIds().forEach(dc.putArray("guild_ids")::add);
    c.discord().moderatorRoleIds().forEach(dc.putArray("moderator_role_ids")::add);
    rate(dc.putObject("user_rate"), c.discord().userRate());
    rate(dc.putObject("channel_rate"), c.discord().channelRate());
    dc.put("rest_base_url", c.discord().restBaseUrl());
    dc.put("gateway_url", c.discord().gatewayUrl());
    if (c.discord().shards().auto()) {
      dc.put("shards", "auto");
    } else {
      ObjectNode sh = dc.putObject("shards");
      sh.put("total", c.discord().shards().total());
      c.discord().shards().ids().forEach(sh.putArray("ids")::add);
    }
    ObjectNode sl = root.putObject("slack");
    c.slack().moderatorUserIds().forEach(sl.putArray("moderator_user_ids")::add);
    rate(sl.putObject("user_rate"), c.slack().userRate());
    sl.put("api_url", c.slack().apiUrl());
    ObjectNode pr = root.putObject("privacy");
    pr.put("store_questions", c.privacy().storeQuestions().label());
    pr.put("retention_days", c.privacy().retentionDays());
    ObjectNode st = root.putObject("state");
    st.put("index_dir", c.state().indexDir() == null ? "" : c.state().indexDir().toString());
    st.put("redis_url", c.state().redisUrl());
    try {
      return yaml.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void rate(ObjectNode node, TradebotConfig.RateLimit r) {
    node.put("capacity", r.capacity());
    node.put("per_seconds", r.per().toSeconds());
  }

  /** The keys of a rate limit, shared by every section that has one. */
  static final Keys RATE = new Keys("rate", "capacity", "per_seconds");

  static TradebotConfig.RateLimit rate(int capacity, long perSeconds) {
    return new TradebotConfig.RateLimit(capacity, Duration.ofSeconds(perSeconds));
  }

  /** Every key the file may hold, dotted, for documentation checks. */
  static List<String> allKeys() {
    return Keys.dotted(
        List.of(TOP, KNOWLEDGE, SERVER, ANSWER, DISCORD, SHARDS, SLACK, PRIVACY, STATE), RATE);
  }
}
