package tradebot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tradebot.chat.RateLimiter;
import tradebot.config.TradebotConfig;
import tradebot.testing.ManualClock;
import tradebot.testing.Ports;
import tradebot.testing.RedisServer;

/** Two replicas' shared state in one real redis-server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisStateIT {
  private static final TradebotConfig.RateLimit THREE_A_MINUTE =
      new TradebotConfig.RateLimit(3, Duration.ofSeconds(60));

  private final ManualClock clock = ManualClock.startingNow();
  private Path dir;
  private RedisServer redis;
  private SharedState a;
  private SharedState b;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("tradebot-redis");
    redis = RedisServer.start(dir);
    a = open(redis.url());
    b = open(redis.url());
  }

  private SharedState open(String url) {
    return SharedState.open(new TradebotConfig.State(null, url), clock, null);
  }

  @AfterAll
  void stop() throws Exception {
    for (SharedState s : new SharedState[] {a, b}) {
      if (s != null) {
        s.close();
      }
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void oneUsersBurstAcrossTwoReplicasIsHeldToOneAllowance() {
    RateLimiter onA = RateLimiter.of(THREE_A_MINUTE, null, clock, a, "slack");
    RateLimiter onB = RateLimiter.of(THREE_A_MINUTE, null, clock, b, "slack");
    List<Class<?>> verdicts =
        List.of(
            onA.check("U1", null).getClass(),
            onB.check("U1", null).getClass(),
            onA.check("U1", null).getClass(),
            onB.check("U1", null).getClass(),
            onA.check("U1", null).getClass());
    assertEquals(
        List.of(
            RateLimiter.Allowed.class,
            RateLimiter.Allowed.class,
            RateLimiter.Allowed.class,
            RateLimiter.Limited.class,
            RateLimiter.Limited.class),
        verdicts);
    assertInstanceOf(RateLimiter.Allowed.class, onB.check("U2", null), "another user's own bucket");
    RateLimiter.Limited limited =
        assertInstanceOf(RateLimiter.Limited.class, onB.check("U1", null));
    assertEquals(RateLimiter.Scope.USER, limited.scope());
    assertEquals(20, limited.retryAfterSeconds(), "a token comes back every 20 s");
    clock.advance(Duration.ofSeconds(20));
    assertInstanceOf(RateLimiter.Allowed.class, onA.check("U1", null), "refilled by the clock");
  }

  @Test
  void aDeliveryIsClaimedByOneReplicaOnly() {
    assertTrue(a.claim("slack:event:Ev42", Duration.ofMinutes(60)));
    assertFalse(b.claim("slack:event:Ev42", Duration.ofMinutes(60)));
    assertFalse(a.claim("slack:event:Ev42", Duration.ofMinutes(60)));
    assertTrue(b.claim("slack:event:Ev43", Duration.ofMinutes(60)));
  }

  @Test
  void aReloadAnnouncedByOneReplicaReachesTheOtherAndNotItself() throws Exception {
    List<SharedState.ReloadNotice> onA = new CopyOnWriteArrayList<>();
    List<SharedState.ReloadNotice> onB = new CopyOnWriteArrayList<>();
    a.onReloadAnnounced(onA::add);
    b.onReloadAnnounced(onB::add);
    a.announceReload("v2", "UMOD");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (onB.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(List.of(new SharedState.ReloadNotice(a.replica(), "v2", "UMOD")), onB);
    Thread.sleep(200); // what would reach A would have by now
    assertEquals(List.of(), onA);
  }

  @Test
  void aReplicaThatMissedAnAnnouncementFollowsTheVersionAnnouncedLast() throws Exception {
    try (RedisState c = RedisState.connect(redis.url(), null, clock, Duration.ofMillis(100))) {
      List<SharedState.ReloadNotice> heard = new CopyOnWriteArrayList<>();
      c.onReloadAnnounced(heard::add);
      // As if announced while c was disconnected: the key changes, no message reaches c.
      assertEquals("+OK", redis.command("SET " + RedisState.VERSION + " v7"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (heard.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(List.of(new SharedState.ReloadNotice("redis", "v7", "recheck")), heard);
      Thread.sleep(300);
      assertEquals(1, heard.size(), "told once, not at every recheck");
    }
  }

  @Test
  void theRedisPasswordOpensTheServerAndIsNeverLoggedNorInTheErrorOfAWrongOne() throws Exception {
    String password = "redis-secret-0b7e41";
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Level level = root.getLevel();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    root.addAppender(lines);
    root.setLevel(ch.qos.logback.classic.Level.TRACE);
    try (RedisServer locked = RedisServer.start(dir.resolve("locked"), password)) {
      TradebotConfig.State config = new TradebotConfig.State(null, locked.url());
      try (SharedState s = SharedState.open(config, clock, password)) {
        assertTrue(s.claim("slack:event:EvPw", Duration.ofMinutes(1)));
        assertFalse(s.claim("slack:event:EvPw", Duration.ofMinutes(1)), "claims are kept");
      }
      IllegalStateException wrong =
          assertThrows(
              IllegalStateException.class,
              () -> SharedState.open(config, clock, "not-" + password));
      assertTrue(
          wrong.getMessage().startsWith("cannot use Redis at " + locked.url()), wrong.getMessage());
      assertFalse(wrong.getMessage().contains(password), wrong.getMessage());
    } finally {
      root.setLevel(level);
      root.detachAppender(lines);
    }
    assertFalse(lines.list.isEmpty());
    for (ch.qos.logback.classic.spi.ILoggingEvent e : lines.list) {
      String text =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertFalse(text.contains(password), "password in: " + e.getFormattedMessage());
    }
  }

  @Test
  void aRedisThatCannotBeReachedIsNamedWhenTheBotStarts() throws Exception {
    int port = Ports.closed();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> open("redis://127.0.0.1:" + port));
    assertTrue(
        e.getMessage()
            .startsWith("cannot use Redis at redis://127.0.0.1:" + port + "/0 (state.redis_url): "),
        e.getMessage());
  }

  @Test
  void whenRedisStopsMidRunRequestsAreLetThroughAndEventsAnswered() throws Exception {
    RedisServer own = RedisServer.start(dir.resolve("own"));
    SharedState s = open(own.url());
    try {
      RateLimiter limiter = RateLimiter.of(THREE_A_MINUTE, null, clock, s, "discord");
      assertInstanceOf(RateLimiter.Allowed.class, limiter.check("U9", "C1"));
      own.close();
      assertInstanceOf(RateLimiter.Allowed.class, limiter.check("U9", "C1"));
      SharedState.Buckets buckets = s.buckets().orElseThrow();
      assertFalse(buckets.reachable(), "left alone after the failed call");
      assertInstanceOf(RateLimiter.Allowed.class, limiter.check("U9", "C1"), "without asking");
      assertTrue(s.claim("slack:event:Ev9", Duration.ofMinutes(1)));
      clock.advance(RedisState.BACK_OFF);
      assertTrue(buckets.reachable(), "tried again after the back-off");
    } finally {
      s.close();
      own.close();
    }
  }
}
