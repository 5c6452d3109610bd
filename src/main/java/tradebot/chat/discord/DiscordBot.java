package tradebot.chat.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tradebot.chat.ChatService;
import tradebot.chat.RateLimiter;
import tradebot.chat.Unreachable;
import tradebot.config.TradebotConfig;
import tradebot.state.SharedState;

/**
 * The Discord bot: JDA's shard manager running this process's shards ({@code discord.shards}: one
 * by default), each in light mode (no member or presence caches) with the two intents it needs,
 * GUILDS and GUILD_MESSAGES (mentions carry their content without the privileged message-content
 * intent). Registers the slash commands once when ready: global ones from the process that runs
 * shard 0, guild ones from the shard each guild lives on. Thread-safe; close it to log out.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  /**
   * The gateway intents: guild messages (for mentions). JDA always adds GUILDS, which caches the
   * channels, threads and roles that mentions and moderator checks need.
   */
  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES);

  /** More shards than one process ever runs: what a shutdown releases the readiness wait by. */
  private static final int SHARDS_MAX = 100_000;

  /** How long one REST call may take to connect, send or answer: OkHttp's and JDA's default. */
  static final Duration REST_TIMEOUT = Duration.ofSeconds(10);

  private final ShardManager shards;
  private final ThreadPoolExecutor work;
  private final CountDownLatch anyShardDown;

  private DiscordBot(ShardManager shards, ThreadPoolExecutor work, CountDownLatch down) {
    this.shards = shards;
    this.work = work;
    this.anyShardDown = down;
  }

  /**
   * Logs in with {@code token}, waits until the gateway session is ready (at most {@code
   * readyTimeout}) and registers the commands.
   *
   * @param token the bot token, from the environment; never logged
   * @param config the Discord settings (guilds, moderator roles, rate limits, REST and gateway
   *     URLs)
   * @param bot the chat service answering requests
   * @param clock the clock the rate limits refill by
   * @param state where the rate-limit buckets are when replicas share them
   * @param onRateLimited called for every request our rate limit turns away (e.g. a metric)
   * @throws IllegalArgumentException when the token is blank or Discord rejects it
   * @throws IllegalStateException when Discord cannot be reached (saying so) or the session is not
   *     ready in time
   */
  public static DiscordBot start(
      String token,
      TradebotConfig.Discord config,
      ChatService bot,
      Clock clock,
      SharedState state,
      Duration readyTimeout,
      Runnable onRateLimited)
      throws InterruptedException {
    return start(
        token,
        config,
        bot,
        RateLimiter.of(config.userRate(), config.channelRate(), clock, state, "discord"),
        readyTimeout,
        REST_TIMEOUT,
        onRateLimited);
  }

  /**
   * As {@link #start(String, TradebotConfig.Discord, ChatService, Clock, SharedState, Duration,
   * Runnable)}, with the rate limits kept in this process and {@code restTimeout} for each REST
   * call to connect, send and answer (tests shorten it).
   */
  static DiscordBot start(
      String token,
      TradebotConfig.Discord config,
      ChatService bot,
      Clock clock,
      Duration readyTimeout,
      Duration restTimeout,
      Runnable onRateLimited)
      throws InterruptedException {
    return start(
        token,
        config,
        bot,
        new RateLimiter(config.userRate(), config.channelRate(), clock),
        readyTimeout,
        restTimeout,
        onRateLimited);
  }

  private static DiscordBot start(
      String token,
      TradebotConfig.Discord config,
      ChatService bot,
      RateLimiter limiter,
      Duration readyTimeout,
      Duration restTimeout,
      Runnable onRateLimited)
      throws InterruptedException {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "DISCORD_TOKEN is not set: put the bot token in the environment");
    }
    Objects.requireNonNull(config, "config");
    config.guildIds().forEach(Moderators::snowflake); // fail before logging in, not after
    // Echoed text must never ping anyone: no message this process sends may mention.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);

    ThreadPoolExecutor work = workers();
    Semaphore readyShards = new Semaphore(0);
    CountDownLatch anyShardDown = new CountDownLatch(1);
    ListenerAdapter readiness =
        new ListenerAdapter() {
          @Override
          public void onReady(ReadyEvent event) {
            readyShards.release();
          }

          @Override
          public void onShutdown(ShutdownEvent event) {
            log.info(
                "Discord shard {} closed (close code {})",
                event.getJDA().getShardInfo().getShardString(),
                event.getCloseCode());
            readyShards.release(SHARDS_MAX);
            anyShardDown.countDown();
          }
        };
    DiscordListener listener =
        new DiscordListener(
            bot,
            limiter,
            new Moderators(config.moderatorRoleIds()),
            new CitationStore(500),
            work,
            onRateLimited);
    TradebotConfig.Shards plan = config.shards();
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(token.strip(), EnumSet.copyOf(INTENTS))
            .setShardsTotal(plan.auto() ? -1 : plan.total())
            .setRestConfig(new RestConfig().setBaseUrl(restBase(config.restBaseUrl())))
            .setHttpClientBuilder(http(restTimeout))
            .setCompression(Compression.NONE)
            .setGatewayEncoding(GatewayEncoding.JSON)
            .setEnableShutdownHook(false)
            .addEventListeners(readiness, listener);
    if (!plan.auto()) {
      builder.setShards(plan.ids().stream().mapToInt(Integer::intValue).toArray());
    }
    if (!config.gatewayUrl().isBlank()) {
      String gateway = config.gatewayUrl();
      builder.setSessionController(
          new ConcurrentSessionController() {
            @Override
            public String getGateway() {
              return gateway;
            }

            @Override
            public ShardedGateway getShardedGateway(JDA api) {
              // A test or proxy gateway: no /gateway/bot to ask, and the shards identify 16 at a
              // time (the manager reads only the URL and the concurrency; the total is its own).
              return new ShardedGateway(gateway, Math.max(1, plan.total()), 16);
            }
          });
    }
    ShardManager manager;
    try {
      manager = builder.build();
    } catch (RuntimeException e) {
      work.shutdownNow();
      throw loginFailure(e, config.restBaseUrl());
    }
    DiscordBot started = new DiscordBot(manager, work, anyShardDown);
    int expected = plan.auto() ? manager.getShardsTotal() : plan.ids().size();
    // Discord lets a bot identify a shard about every 5 s (per concurrency bucket).
    Duration wait = readyTimeout.plusSeconds(6L * Math.max(0, expected - 1));
    try {
      if (!readyShards.tryAcquire(expected, wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "the Discord gateway sessions were not ready within "
                + wait
                + " ("
                + readyShards.availablePermits()
                + " of "
                + expected
                + " shards)");
      }
      if (anyShardDown.getCount() == 0) {
        throw new IllegalStateException(
            "the Discord gateway closed the session: " + statuses(manager));
      }
    } catch (InterruptedException | RuntimeException e) {
      started.shutdownNow();
      throw e;
    }
    List<JDA> running = manager.getShardCache().asList();
    log.info(
        "logged in to Discord as {}: shards {} of {}, {} guilds",
        running.getFirst().getSelfUser().getName(),
        running.stream().map(j -> j.getShardInfo().getShardId()).sorted().toList(),
        manager.getShardsTotal(),
        manager.getGuildCache().size());
    SlashCommands.register(manager, config.guildIds(), plan);
    return started;
  }

  private static String statuses(ShardManager manager) {
    return manager.getShardCache().stream()
        .map(j -> j.getShardInfo().getShardString() + " " + j.getStatus())
        .toList()
        .toString();
  }

  /**
   * What a failed login says: a rejected token only when Discord answered that the token is
   * invalid; a network failure (no DNS, refused, timed out) as a network failure, naming the
   * address, since no token was checked at all.
   */
  static RuntimeException loginFailure(RuntimeException e, String restBase) {
    if (e instanceof InvalidTokenException) {
      return new IllegalArgumentException(
          "Discord rejected the token in DISCORD_TOKEN (" + restBase + " answered 401)", e);
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return new IllegalStateException(
            Unreachable.message("Discord", restBase, io, "discord.rest_base_url"), e);
      }
    }
    return new IllegalStateException(
        "could not log in to Discord at " + restBase + ": " + e.getMessage(), e);
  }

  /**
   * The REST client: JDA's own settings (25 requests per host, a small connection pool) with {@code
   * timeout} for each call. JDA retries a call that timed out once, and one answered 502, 503, 504
   * or 52x three times, backing off from half a second.
   */
  private static OkHttpClient.Builder http(Duration timeout) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(25);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout);
  }

  /** The REST base with exactly one trailing slash, as JDA joins routes to it. */
  static String restBase(String url) {
    if (url.isBlank()) {
      throw new IllegalArgumentException("discord.rest_base_url must not be blank");
    }
    return url.endsWith("/") ? url : url + "/";
  }

  private static ThreadPoolExecutor workers() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        2,
        4,
        30,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(64),
        r -> {
          Thread t = new Thread(r, "discord-work-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** The shard manager (tests). */
  ShardManager shards() {
    return shards;
  }

  /**
   * Blocks until a shard has shut down: after {@link #close()} from another thread, or when Discord
   * ended one shard's session for good (e.g. close code 4011: more shards needed), which leaves its
   * guilds unanswered; the caller then stops the bot, and a supervisor restarts it.
   */
  public void awaitShutdown() throws InterruptedException {
    anyShardDown.await();
  }

  /** Logs out, waiting up to 10 seconds for replies in flight, then cuts the connection. */
  @Override
  public void close() {
    work.shutdown();
    try {
      work.awaitTermination(10, TimeUnit.SECONDS);
      List<JDA> running = shards.getShardCache().asList();
      shards.shutdown();
      for (JDA shard : running) {
        if (!shard.awaitShutdown(Duration.ofSeconds(5))) {
          shard.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdownNow();
    }
  }

  /** Cuts the connection at once, dropping replies in flight. */
  public void shutdownNow() {
    work.shutdownNow();
    shards.getShardCache().forEach(JDA::shutdownNow);
    shards.shutdown();
  }
}
