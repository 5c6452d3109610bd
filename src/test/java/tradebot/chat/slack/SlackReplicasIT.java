package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tradebot.testing.RedisServer;
import tradebot.testing.TradebotProcess;

/**
 * Two Slack replicas as two real bot processes on localhost, sharing a real redis-server, one
 * knowledge directory, one index directory built beforehand by {@code index --out} and one data
 * directory (the feedback database, SQLite in WAL mode, shared as replicas on one host may share
 * it), behind no load balancer: the test delivers each request to the replica it picks, as a
 * balancer would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SlackReplicasIT {
  private static final String SECRET = "replicas-signing-secret-2718";
  private static final String TOKEN = "xoxb-test";
  private static final String ADMIN = "replicas-admin-token-31415";
  private static final String QUESTION = "Who led the US delegation to Beijing in May 2018?";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path root;
  private RedisServer redis;
  private FakeSlack fake;
  private TradebotProcess a;
  private TradebotProcess b;
  private URI baseA;
  private URI baseB;
  private SlackRequests slackA;
  private SlackRequests slackB;

  @BeforeAll
  void start() throws Exception {
    root = Files.createTempDirectory("tradebot-replicas");
    redis = RedisServer.start(root.resolve("redis"));
    fake = new FakeSlack(Set.of(), TOKEN);
    Path config = TradebotProcess.copy(Path.of("config"), root.resolve("config"));
    Files.writeString(
        config.resolve("tradebot.yaml"),
        """
        slack:
          user_rate: {capacity: 3, per_seconds: 600}
          api_url: %s
        state:
          index_dir: %s
          redis_url: %s
        """
            .formatted(fake.apiUrl(), root.resolve("index"), redis.url()));
    Path knowledge = TradebotProcess.copy(Path.of("knowledge"), root.resolve("knowledge"));
    try (TradebotProcess build =
        TradebotProcess.command("index", "--out", root.resolve("index").toString())
            .dirs(config, knowledge, root.resolve("data-build"))
            .logTo(root.resolve("index.log"))
            .start()) {
      assertTrue(build.awaitExit(Duration.ofSeconds(120)), "index --out finished");
    }
    a = replica("a", config, knowledge);
    b = replica("b", config, knowledge);
    baseA = a.awaitReady();
    baseB = b.awaitReady();
    slackA = new SlackRequests(baseA.resolve("/slack/events"), SECRET);
    slackB = new SlackRequests(baseB.resolve("/slack/events"), SECRET);
  }

  private TradebotProcess replica(String name, Path config, Path knowledge) throws Exception {
    return TradebotProcess.command("slack", "--port", "0")
        .dirs(config, knowledge, root.resolve("data"))
        .env("SLACK_BOT_TOKEN", TOKEN)
        .env("SLACK_SIGNING_SECRET", SECRET)
        .env("TRADEBOT_ADMIN_TOKEN", ADMIN)
        .logTo(root.resolve(name + ".log"))
        .start();
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b, fake, redis}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  @Order(1)
  void bothReplicasOpenTheIndexBuiltOnceInsteadOfBuildingIt() throws Exception {
    String version = ready(baseA);
    assertEquals(version, ready(baseB));
    for (String log : List.of("a.log", "b.log")) {
      assertTrue(
          Files.readString(root.resolve(log)).contains("index " + version + " is built already"),
          log);
    }
  }

  @Test
  @Order(2)
  void oneUsersBurstAcrossBothReplicasIsHeldToOneAllowance() throws Exception {
    for (int i = 0; i < 6; i++) {
      SlackRequests to = i % 2 == 0 ? slackA : slackB;
      String body =
          SlackRequests.mention(
              "EvBURST" + i, "UBURST", "C700", "1700000100." + i, "<@UBOT> " + QUESTION);
      assertEquals(200, to.post(body).statusCode());
    }
    fake.awaitPosted("C700", 3);
    fake.awaitEphemeral("C700", 3);
    Thread.sleep(500); // a fourth answer, were there one, would have come by now
    assertEquals(3, fake.awaitPosted("C700", 3).size(), "answered: the allowance of 3");
    assertEquals(3, fake.awaitEphemeral("C700", 3).size(), "told to wait: the rest");
  }

  @Test
  @Order(3)
  void aSlackEventDeliveredToBothReplicasIsAnsweredOnce() throws Exception {
    String body =
        SlackRequests.mention("EvTWICE", "UTWICE", "C701", "1700000200.1", "<@UBOT> " + QUESTION);
    assertEquals(200, slackA.post(body).statusCode());
    assertEquals(200, slackB.post(body).statusCode());
    fake.awaitPosted("C701", 1);
    Thread.sleep(500);
    assertEquals(1, fake.awaitPosted("C701", 1).size());
  }

  @Test
  @Order(4)
  void aReloadAskedOnOneIsServedByBothWithNoFailedAnswerDuringTheSwap() throws Exception {
    String before = ready(baseB);
    Files.copy(
        Path.of("src/test/resources/eval/articles/busan-2025-11-02.md"),
        root.resolve("knowledge/busan-2025-11-02.md"));
    AtomicBoolean asking = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    List<String> failed = new CopyOnWriteArrayList<>();
    Thread asker =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (asking.get()) {
                    try {
                      HttpResponse<String> r = ask(baseB);
                      if (r.statusCode() == 200) {
                        answered.incrementAndGet();
                      } else {
                        failed.add(r.statusCode() + " " + r.body());
                      }
                    } catch (Exception e) {
                      failed.add(e.toString());
                    }
                  }
                });
    HttpResponse<String> reload =
        http.send(
            HttpRequest.newBuilder(baseA.resolve("/api/reload"))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reload.statusCode(), reload.body());
    String after = ready(baseA);
    assertNotEquals(before, after, "A serves a new version");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ready(baseB).equals(after) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(300); // a few answers from the new version too
    asking.set(false);
    asker.join();
    assertEquals(after, ready(baseB), "B serves A's version");
    assertEquals(List.of(), failed);
    assertTrue(answered.get() > 0, "B answered during the swap: " + answered.get());
    assertTrue(
        Files.readString(root.resolve("b.log")).contains("index " + after + " is built already"),
        "B opened the index A built");
  }

  @Test
  @Order(5)
  void aVoteClickedOnOneReplicaCountsForTheAnswerTheOtherGave() throws Exception {
    String askedUrl = fake.newResponseUrl();
    slackA.post(SlackRequests.command("/ask", QUESTION, "UVOTER", "C702", askedUrl));
    JsonNode blocks =
        JSON.readTree(fake.await(URI.create(askedUrl).getPath()).body()).get("blocks");
    String answerId = blocks.get(blocks.size() - 2).get("elements").get(0).get("value").asText();
    String clickUrl = fake.newResponseUrl();
    slackB.post(SlackRequests.click("UVOTER", "C702", "tradebot_vote_down", answerId, clickUrl));
    assertEquals(
        "Thanks: your 👎 on answer " + answerId + " is recorded.",
        JSON.readTree(fake.await(URI.create(clickUrl).getPath()).body()).get("text").asText());
  }

  private HttpResponse<String> ask(URI base) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve("/api/ask"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("question", QUESTION))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String ready(URI base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/readyz")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).path("version").asText();
  }
}
