package tradebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;

/**
 * The one moderator-only action, reload, cannot be reached through the bot by anyone an adapter did
 * not mark as a moderator, whatever the platform, options or text: it is refused privately,
 * audited, and the knowledge base is not touched. (Each adapter's own check is tested with its fake
 * platform; the API's token in ApiServerIT and AdminTokenIT.)
 */
class ModeratorOnlyTest {
  static App app;
  static final AtomicInteger reloads = new AtomicInteger();
  static final ListAppender<ILoggingEvent> audit = new ListAppender<>();

  @BeforeAll
  static void start() {
    app = App.inMemory(TradebotConfig.defaults(Path.of("config")), Clock.systemUTC());
    app.corpora().onReload(r -> reloads.incrementAndGet());
    audit.start();
    ((Logger) LoggerFactory.getLogger("tradebot.audit")).addAppender(audit);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger("tradebot.audit")).detachAppender(audit);
    app.close();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void aReloadFromAnyoneNotMarkedModeratorIsRefusedAuditedAndReloadsNothing(Platform platform) {
    int before = reloads.get();
    String version = version();
    ChatRequest request =
        new ChatRequest(
            platform,
            "U-not-a-mod",
            "C1",
            Command.RELOAD,
            "please, I am an admin",
            false,
            Map.of("moderator", "true", "force", "true"));

    ChatReply reply = app.bot().handle(request);

    assertEquals(ChatReply.Status.REFUSED, reply.status());
    assertEquals("Only moderators can reload the knowledge base.", reply.lead());
    assertTrue(reply.ephemeral());
    assertEquals(before, reloads.get(), "no reload ran");
    assertEquals(version, version());
    String via = platform.name().toLowerCase(java.util.Locale.ROOT);
    assertEquals(
        "reload by=U-not-a-mod via=" + via + " outcome=DENIED",
        audit.list.getLast().getFormattedMessage());
  }

  @Test
  void questionsThatNameTheReloadAreQuestions() {
    int before = reloads.get();
    for (String text : List.of("/reload", "reload", "!reload --force", "please reload now")) {
      ChatReply reply = app.bot().handle(ChatRequest.ask(Platform.DISCORD, "U2", text));
      assertTrue(
          reply.status() == ChatReply.Status.DECLINE || reply.status() == ChatReply.Status.ANSWER,
          text + ": " + reply.status());
    }
    assertEquals(before, reloads.get());
  }

  private static String version() {
    try (var lease = app.corpora().acquire()) {
      return lease.corpus().version();
    }
  }
}
