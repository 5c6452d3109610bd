package tradebot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The effective configuration, from {@code config/tradebot.yaml} and command-line flags. Secrets
 * are never part of it: they come from the environment. Immutable.
 *
 * @param configDir the directory holding this file and the editable data files
 * @param knowledge where the articles are and whether to watch them
 * @param dataDir where indexes are kept
 * @param server the HTTP server
 * @param answer answer settings
 * @param discord the Discord adapter
 * @param slack the Slack adapter
 * @param logFormat how log lines are written
 * @param privacy what the feedback database keeps, and for how long
 * @param state where the index lives and what replicas share (Redis)
 */
public record TradebotConfig(
    Path configDir,
    Knowledge knowledge,
    Path dataDir,
    Server server,
    Answer answer,
    Discord discord,
    Slack slack,
    LogFormat logFormat,
    Privacy privacy,
    State state) {

  /**
   * The environment variables that hold secrets. They are read where they are used, never stored in
   * this record, never logged; {@code config check} shows only whether each is set.
   */
  public static final List<String> SECRETS =
      List.of(
          "DISCORD_TOKEN",
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN",
          "TRADEBOT_ADMIN_TOKEN",
          "REDIS_PASSWORD");

  public TradebotConfig {
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(discord, "discord");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(state, "state");
  }

  /** As the canonical constructor, each process on its own (no shared state, index in data_dir). */
  public TradebotConfig(
      Path configDir,
      Knowledge knowledge,
      Path dataDir,
      Server server,
      Answer answer,
      Discord discord,
      Slack slack,
      LogFormat logFormat,
      Privacy privacy) {
    this(
        configDir,
        knowledge,
        dataDir,
        server,
        answer,
        discord,
        slack,
        logFormat,
        privacy,
        State.DEFAULTS);
  }

  /** Where the index versions and the embedding cache are: state.index_dir, else data_dir. */
  public Path indexDir() {
    return state.indexDir() == null ? dataDir : state.indexDir();
  }

  /** The configuration with readable (text) log lines and the default privacy settings. */
  public TradebotConfig(
      Path configDir,
      Knowledge knowledge,
      Path dataDir,
      Server server,
      Answer answer,
      Discord discord,
      Slack slack) {
    this(
        configDir,
        knowledge,
        dataDir,
        server,
        answer,
        discord,
        slack,
        LogFormat.TEXT,
        Privacy.DEFAULTS);
  }

  /** Defaults, with the knowledge base and data directory relative to the working directory. */
  public static TradebotConfig defaults(Path configDir) {
    return new TradebotConfig(
        configDir,
        new Knowledge(Path.of("knowledge"), false),
        Path.of("data"),
        new Server(8080, "127.0.0.1"),
        Answer.DEFAULTS,
        Discord.DEFAULTS,
        Slack.DEFAULTS,
        LogFormat.TEXT,
        Privacy.DEFAULTS);
  }

  public TradebotConfig withKnowledgeDir(Path dir) {
    return new TradebotConfig(
        configDir,
        new Knowledge(dir, knowledge.watch()),
        dataDir,
        server,
        answer,
        discord,
        slack,
        logFormat,
        privacy,
        state);
  }

  public TradebotConfig withDataDir(Path dir) {
    return new TradebotConfig(
        configDir, knowledge, dir, server, answer, discord, slack, logFormat, privacy, state);
  }

  public TradebotConfig withSlack(Slack s) {
    return new TradebotConfig(
        configDir, knowledge, dataDir, server, answer, discord, s, logFormat, privacy, state);
  }

  public TradebotConfig withServer(Server s) {
    return new TradebotConfig(
        configDir, knowledge, dataDir, s, answer, discord, slack, logFormat, privacy, state);
  }

  public TradebotConfig withLogFormat(LogFormat format) {
    return new TradebotConfig(
        configDir, knowledge, dataDir, server, answer, discord, slack, format, privacy, state);
  }

  public TradebotConfig withPrivacy(Privacy p) {
    return new TradebotConfig(
        configDir, knowledge, dataDir, server, answer, discord, slack, logFormat, p, state);
  }

  public TradebotConfig withState(State s) {
    return new TradebotConfig(
        configDir, knowledge, dataDir, server, answer, discord, slack, logFormat, privacy, s);
  }

  /** The index in {@code dir} (built there by {@code index --out}, served by {@code --index}). */
  public TradebotConfig withIndexDir(Path dir) {
    return withState(new State(dir, state.redisUrl()));
  }

  /**
   * What replicas share.
   *
   * @param indexDir the index versions and embedding cache, or null for data_dir; replicas that
   *     share it build each knowledge version once
   * @param redisUrl {@code redis://host:port[/db]} for rate limits, Slack event de-duplication and
   *     reload signals shared by every replica, or "" for none (each process on its own); the
   *     password, if any, comes from REDIS_PASSWORD in the environment
   */
  public record State(Path indexDir, String redisUrl) {
    public static final State DEFAULTS = new State(null, "");

    public State {
      redisUrl = redisUrl == null ? "" : redisUrl;
    }

    /** Whether replicas share state through Redis. */
    public boolean shared() {
      return !redisUrl.isBlank();
    }
  }

  /** How log lines are written: readable text, or one JSON object a line. */
  public enum LogFormat {
    TEXT,
    JSON;

    /** "text" or "json", as in the config file and the {@code --log-format} flag. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The format named {@code label}, any case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static LogFormat of(String label) {
      for (LogFormat f : values()) {
        if (f.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
          return f;
        }
      }
      throw new IllegalArgumentException("log format must be text or json: " + label);
    }
  }

  /**
   * @param dir the knowledge directory; @param watch reload when its files change
   */
  public record Knowledge(Path dir, boolean watch) {
    public Knowledge {
      Objects.requireNonNull(dir, "knowledge.dir");
    }
  }

  /**
   * @param port 0 picks a free port; @param bind the address to listen on
   */
  public record Server(int port, String bind) {
    public Server {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("server.port must be 0 to 65535: " + port);
      }
      if (bind == null || bind.isBlank()) {
        throw new IllegalArgumentException("server.bind must not be blank: " + bind);
      }
    }
  }

  /**
   * @param maxQuestionChars longer questions are answered on their first this many characters
   * @param maxCitations at most this many quotes in one answer
   */
  public record Answer(int maxQuestionChars, int maxCitations) {
    public static final Answer DEFAULTS = new Answer(1000, 3);

    public Answer {
      if (maxQuestionChars <= 0) {
        throw new IllegalArgumentException(
            "answer.max_question_chars must be positive: " + maxQuestionChars);
      }
      if (maxCitations < 1 || maxCitations > 10) {
        throw new IllegalArgumentException("answer.max_citations must be 1 to 10: " + maxCitations);
      }
    }
  }

  /** A token bucket: {@code capacity} requests, refilled over {@code per}. */
  public record RateLimit(int capacity, Duration per) {
    public RateLimit {
      if (capacity <= 0) {
        throw new IllegalArgumentException("rate limit capacity must be positive: " + capacity);
      }
      Objects.requireNonNull(per, "per");
      if (per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("rate limit period must be positive: " + per);
      }
    }
  }

  /**
   * @param guildIds register commands in these guilds (instant); empty: globally
   * @param moderatorRoleIds members with one of these roles may /reload (besides Manage Server)
   * @param userRate per-user limit
   * @param channelRate per-channel limit
   * @param restBaseUrl Discord's REST API base, or a proxy's
   * @param gatewayUrl Discord's gateway, or a proxy's; empty: ask Discord
   */
  public record Discord(
      List<String> guildIds,
      List<String> moderatorRoleIds,
      RateLimit userRate,
      RateLimit channelRate,
      String restBaseUrl,
      String gatewayUrl,
      Shards shards) {
    public static final Discord DEFAULTS =
        new Discord(
            List.of(),
            List.of(),
            new RateLimit(5, Duration.ofSeconds(30)),
            new RateLimit(20, Duration.ofSeconds(60)),
            "https://discord.com/api/v10/",
            "",
            Shards.SINGLE);

    /** As the canonical constructor, unsharded (one process, one shard). */
    public Discord(
        List<String> guildIds,
        List<String> moderatorRoleIds,
        RateLimit userRate,
        RateLimit channelRate,
        String restBaseUrl,
        String gatewayUrl) {
      this(
          guildIds,
          moderatorRoleIds,
          userRate,
          channelRate,
          restBaseUrl,
          gatewayUrl,
          Shards.SINGLE);
    }

    /** The same settings running {@code shards}. */
    public Discord withShards(Shards shards) {
      return new Discord(
          guildIds, moderatorRoleIds, userRate, channelRate, restBaseUrl, gatewayUrl, shards);
    }

    public Discord {
      guildIds = List.copyOf(guildIds);
      moderatorRoleIds = List.copyOf(moderatorRoleIds);
      Objects.requireNonNull(userRate, "discord.user_rate");
      Objects.requireNonNull(channelRate, "discord.channel_rate");
      Objects.requireNonNull(restBaseUrl, "discord.rest_base_url");
      gatewayUrl = gatewayUrl == null ? "" : gatewayUrl;
      Objects.requireNonNull(shards, "discord.shards");
    }
  }

  /**
   * Which Discord shards this process runs: the shard ids {@code ids} of {@code total}, or every
   * shard of the total Discord recommends ({@link #AUTO}). A guild lives on shard {@code (guild_id
   * >> 22) % total}; the process that runs shard 0 registers the global commands.
   *
   * @param total how many shards the bot has in all processes, or 0 for Discord's recommendation
   * @param ids the shards this process runs (all of them when {@code total} is 0)
   */
  public record Shards(int total, List<Integer> ids) {
    /** One process, one shard: what a bot in fewer than 2,500 guilds needs. */
    public static final Shards SINGLE = new Shards(1, List.of(0));

    /** Every shard in this process, as many as Discord's {@code /gateway/bot} recommends. */
    public static final Shards AUTO = new Shards(0, List.of());

    public Shards {
      ids = List.copyOf(ids);
      if (total < 0) {
        throw new IllegalArgumentException("discord.shards.total must be at least 1: " + total);
      }
      if (total == 0 && !ids.isEmpty()) {
        throw new IllegalArgumentException(
            "discord.shards: ids " + ids + " need a total; with auto this process runs them all");
      }
      if (total > 0 && ids.isEmpty()) {
        throw new IllegalArgumentException("discord.shards.ids must name at least one shard");
      }
      for (int id : ids) {
        if (id < 0 || id >= total) {
          throw new IllegalArgumentException(
              "discord.shards.ids: shard " + id + " is not one of 0 to " + (total - 1));
        }
      }
      if (new java.util.HashSet<>(ids).size() != ids.size()) {
        throw new IllegalArgumentException("discord.shards.ids names a shard twice: " + ids);
      }
    }

    /** The shards 0 to {@code total - 1}, all in this process. */
    public static Shards all(int total) {
      return new Shards(total, java.util.stream.IntStream.range(0, total).boxed().toList());
    }

    /** Whether Discord's recommendation decides the total. */
    public boolean auto() {
      return total == 0;
    }

    /** Whether this process runs shard 0, the one that registers global commands. */
    public boolean registersGlobalCommands() {
      return auto() || ids.contains(0);
    }

    /** {@code auto}, or e.g. {@code 0,1 of 4}. */
    public String label() {
      return auto()
          ? "auto"
          : String.join(",", ids.stream().map(String::valueOf).toList()) + " of " + total;
    }
  }

  /**
   * @param moderatorUserIds users who may /reload (besides workspace admins)
   * @param userRate per-user limit
   * @param apiUrl Slack's Web API base (ends with '/'), or GovSlack's, or a proxy's
   */
  public record Slack(List<String> moderatorUserIds, RateLimit userRate, String apiUrl) {
    public static final Slack DEFAULTS =
        new Slack(List.of(), new RateLimit(5, Duration.ofSeconds(30)), "https://slack.com/api/");

    public Slack {
      moderatorUserIds = List.copyOf(moderatorUserIds);
      Objects.requireNonNull(userRate, "slack.user_rate");
      Objects.requireNonNull(apiUrl, "slack.api_url");
    }
  }

  /**
   * What the feedback database ({@code data_dir/tradebot.db}) keeps. User ids are never stored,
   * only keyed hashes of them.
   *
   * @param storeQuestions whose question text is kept
   * @param retentionDays answers, votes and declined questions older than this are deleted
   */
  public record Privacy(StoredQuestions storeQuestions, int retentionDays) {
    public static final Privacy DEFAULTS = new Privacy(StoredQuestions.DECLINED, 90);

    public Privacy {
      Objects.requireNonNull(storeQuestions, "privacy.store_questions");
      if (retentionDays < 1 || retentionDays > 3650) {
        throw new IllegalArgumentException(
            "privacy.retention_days must be 1 to 3650: " + retentionDays);
      }
    }

    /** Whether the text of a question is kept, given whether the bot declined it. */
    public boolean keepsQuestion(boolean declined) {
      return switch (storeQuestions) {
        case ALL -> true;
        case DECLINED -> declined;
        case NONE -> false;
      };
    }
  }

  /** Whose question text the feedback database keeps: every question's, declined ones', none. */
  public enum StoredQuestions {
    ALL,
    DECLINED,
    NONE;

    /** "all", "declined" or "none", as in the config file. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
