package tradebot.chat.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import tradebot.chat.ChatService;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.testing.ManualClock;

/**
 * One real JDA client logged in to a {@link FakeDiscord} on localhost, answering with the real bot
 * over the bundled knowledge base (no internet). Every test class built on it also checks that no
 * message it caused allowed a mention and that the token never reached the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class DiscordFixture {
  static final Duration WAIT = Duration.ofSeconds(10);

  /** Each REST call's timeout: short, so that a timeout and its retry fit in a test. */
  static final Duration REST_TIMEOUT = Duration.ofSeconds(2);

  static final String QUESTION = "Who led the US delegation to Beijing in May 2018?";
  static final String TOKEN = "fake-token-b3c4";

  /** A question the chat service fails on, as a broken service would. */
  static final String EXPLODE = "please fail";

  final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  /** The bot's time, rate limits included: it moves only when a test moves it. */
  final ManualClock clock = ManualClock.startingNow();

  FakeDiscord discord;
  App app;
  DiscordBot bot;

  /** The knowledge directory the bot answers from: the bundled one, which no test may change. */
  Path knowledge() throws java.io.IOException {
    return Path.of("knowledge");
  }

  @BeforeAll
  void start() throws Exception {
    logs.start();
    root().addAppender(logs);
    discord = new FakeDiscord();
    app =
        App.inMemory(
            TradebotConfig.defaults(Path.of("config")).withKnowledgeDir(knowledge()), clock);
    TradebotConfig.Discord settings =
        new TradebotConfig.Discord(
            List.of(FakePayloads.GUILD),
            List.of(FakePayloads.MOD_ROLE),
            new TradebotConfig.RateLimit(3, Duration.ofSeconds(60)),
            new TradebotConfig.RateLimit(100, Duration.ofSeconds(60)),
            discord.restBase(),
            discord.gatewayUrl());
    ChatService failing =
        request -> {
          if (request.text().equals(EXPLODE)) {
            throw new IllegalStateException("the chat service broke");
          }
          return app.bot().handle(request);
        };
    bot =
        DiscordBot.start(
            TOKEN,
            settings,
            failing,
            clock,
            WAIT,
            REST_TIMEOUT,
            () -> app.metrics().rateLimited("discord"));
  }

  @AfterAll
  void stop() {
    root().detachAppender(logs);
    if (bot != null) {
      bot.shutdownNow();
    }
    if (app != null) {
      app.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  static Predicate<FakeDiscord.Call> call(String method, String path) {
    return c -> c.method().equals(method) && c.path().equals(path);
  }

  static String callback(String interaction) {
    return "/api/v10/interactions/"
        + interaction
        + "/"
        + FakePayloads.token(interaction)
        + "/callback";
  }

  static String followUp(String interaction) {
    return "/api/v10/webhooks/" + FakePayloads.APP + "/" + FakePayloads.token(interaction);
  }

  static String original(String interaction) {
    return followUp(interaction) + "/messages/@original";
  }

  static String description(JsonNode message) {
    return message.path("embeds").path(0).path("description").asText();
  }

  static boolean isEphemeral(JsonNode message) {
    return (message.path("flags").asInt() & 64) == 64;
  }

  static void assertNoMentions(JsonNode message) {
    JsonNode allowed = message.path("allowed_mentions");
    assertTrue(allowed.isObject(), "allowed_mentions present in " + message);
    assertEquals(0, allowed.path("parse").size(), "parse is empty");
    assertFalse(allowed.has("users") || allowed.has("roles"), "no user or role is allowed");
    assertFalse(allowed.path("replied_user").asBoolean(true), "replied_user is false");
  }

  @Test
  @Order(100)
  void everyMessageSentAllowedNoMentions() {
    int messages = 0;
    for (FakeDiscord.Call c : discord.calls(c -> c.body() != null)) {
      JsonNode message = c.path().endsWith("/callback") ? c.body().path("data") : c.body();
      if (message.has("content") || message.has("embeds")) {
        assertNoMentions(message);
        messages++;
      }
    }
    assertTrue(messages >= 3, "messages checked: " + messages);
  }

  @Test
  @Order(101)
  void theTokenIsNeverLogged() {
    assertFalse(logs.list.isEmpty());
    for (ILoggingEvent e : logs.list) {
      String text =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertFalse(text.contains(TOKEN), "token in log line: " + e.getFormattedMessage());
    }
  }
}
