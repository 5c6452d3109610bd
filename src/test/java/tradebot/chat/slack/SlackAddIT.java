package tradebot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.chat.slack.SlackRequests.mention;
import static tradebot.chat.slack.SlackRequests.texts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tradebot.chat.RateLimiter;
import tradebot.cli.App;
import tradebot.config.TradebotConfig;
import tradebot.testing.KnowledgeCopy;
import tradebot.testing.ManualClock;

/**
 * "@bot add" end to end: the Slack app behind a local HTTP server, the real bot over a copy of the
 * knowledge base, and a fake Slack that serves the shared file only with the bot token. A member's
 * add is refused and the file is never fetched; an oversized file is refused unread; a broken file
 * is refused with the loader's line and nothing is written; a saved page is added, the digest names
 * it and its tariff report, and the next question is answered from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackAddIT {
  private static final String SECRET = "test-signing-secret-0123456789";
  private static final String TOKEN = "xoxb-test";
  private static final String CHANNEL = "C900";
  private static final String MODERATOR = "UMOD";
  private static final String PAGE_FILE =
      "2025-12-05-pacific-trade-review-china-lowers-tariffs-on-us-soybeans-and-pork.txt";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ManualClock CLOCK = ManualClock.startingNow();

  private KnowledgeCopy copy;
  private FakeSlack fake;
  private App tradebot;
  private SlackAdapter adapter;
  private RawHttpServer server;
  private SlackRequests slack;
  private int events;
  private int ephemerals;

  @BeforeAll
  void start() throws Exception {
    copy = KnowledgeCopy.of(Path.of("knowledge"));
    fake = new FakeSlack(Set.of(), TOKEN);
    TradebotConfig d = TradebotConfig.defaults(Path.of("config"));
    TradebotConfig.Slack config =
        new TradebotConfig.Slack(List.of(MODERATOR), d.slack().userRate(), fake.apiUrl());
    tradebot = App.inMemory(d.withKnowledgeDir(copy.dir()).withSlack(config), CLOCK);
    adapter =
        new SlackAdapter(
            tradebot.bot(),
            config,
            new SlackAdapter.Credentials(TOKEN, SECRET, null),
            CLOCK,
            user -> new RateLimiter.Allowed(),
            new Retry(3, Duration.ofMillis(50), CLOCK::sleep));
    server = new RawHttpServer("/slack/events", adapter.handler());
    slack =
        new SlackRequests(
            URI.create("http://127.0.0.1:" + server.port() + "/slack/events"), SECRET, CLOCK);
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {server, adapter, tradebot, fake, copy}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private List<String> files() throws IOException {
    return copy.files();
  }

  private static byte[] page() throws IOException {
    return KnowledgeCopy.resource("/html/wire-article.html");
  }

  /** Slack's listing of a shared file, as it comes in the event. */
  private static Map<String, Object> shared(String id, String name, long size, String url) {
    return Map.of("id", id, "name", name, "title", name, "size", size, "url_private_download", url);
  }

  /**
   * {@code user} mentions the bot with {@code text} and shares {@code file} (none when empty);
   * returns the text and blocks of the private reply.
   */
  private String addReply(String user, String text, Map<String, Object> file) throws Exception {
    events++;
    String ts = "1700000900.0000" + events;
    slack.post(
        mention(
            "EvAdd" + events,
            user,
            CHANNEL,
            ts,
            "<@UBOT> " + text,
            file.isEmpty() ? List.of() : List.of(file)));
    ephemerals++;
    Map<String, String> reply = fake.awaitEphemeral(CHANNEL, ephemerals).get(ephemerals - 1);
    assertEquals(user, reply.get("user"));
    return reply.get("text") + "\n" + String.join("\n", texts(JSON.readTree(reply.get("blocks"))));
  }

  @Test
  @Order(1)
  void aMembersAddIsRefusedAndTheFileIsNeverFetched() throws Exception {
    String url = fake.shareFile("F1", "page.html", page());

    String reply = addReply("U1", "add", shared("F1", "page.html", page().length, url));

    assertTrue(reply.startsWith("Only moderators can add articles."), reply);
    assertEquals(List.of(), fake.received(URI.create(url).getPath()));
    assertEquals(4, files().size());
  }

  @Test
  @Order(2)
  void aFileSlackListsAsOverTheLimitIsRefusedUnread() throws Exception {
    String url = fake.shareFile("F2", "huge.md", new byte[] {'x'});

    String reply = addReply(MODERATOR, "add", shared("F2", "huge.md", 9_000_000, url));

    assertTrue(
        reply.startsWith(
            "Not added: huge.md is 9000000 bytes; the limit is 8388608 bytes. Nothing was changed."),
        reply);
    assertEquals(List.of(), fake.received(URI.create(url).getPath()));
    assertEquals(4, files().size());
  }

  @Test
  @Order(3)
  void aBrokenFileIsRefusedWithTheLineAndReasonAndNothingIsWritten() throws Exception {
    byte[] broken = KnowledgeCopy.brokenArticle();
    String name = KnowledgeCopy.BROKEN_NAME;
    String url = fake.shareFile("F3", name, broken);

    String reply = addReply(MODERATOR, "add", shared("F3", name, broken.length, url));

    assertTrue(reply.contains(KnowledgeCopy.BROKEN_REFUSAL), reply);
    FakeSlack.Received fetched = fake.received(URI.create(url).getPath()).getFirst();
    assertEquals("Bearer " + TOKEN, fetched.authorization());
    assertEquals(4, files().size());
  }

  @Test
  @Order(4)
  void aSavedPageIsAddedTheDigestNamesItAndItsTariffReportAndTheNextQuestionIsAnsweredFromIt()
      throws Exception {
    String url = fake.shareFile("F4", "China lowers tariffs.html", page());

    String digest =
        addReply(
            MODERATOR,
            "add outlet: Pacific Trade Review",
            shared("F4", "China lowers tariffs.html", page().length, url));

    assertTrue(digest.contains("Added " + PAGE_FILE + ". Reloaded. loaded: 5 articles"), digest);
    assertTrue(
        digest.contains(
            "Added: China lowers tariffs on US soybeans and pork ahead of winter talks"
                + " (Pacific Trade Review, 2025-12-05)"),
        digest);
    assertTrue(digest.contains("New tariff report: "), digest);
    assertTrue(digest.contains("China will cut its tariff on US soybeans to 3% from 13%"), digest);
    assertTrue(files().contains(PAGE_FILE), files().toString());

    String report = addReply(MODERATOR, "report 1", Map.of());
    assertTrue(report.contains("Reloads, newest first:"), report);
    assertTrue(report.contains("swapped · by slack · loaded: 5 articles"), report);
    assertTrue(
        report.contains(" · new tariff report: 2025-12-10 · China on US · reduced · 3% from 13%"),
        report);
    assertTrue(
        report.contains("\"BEIJING — China will cut its tariff on US soybeans to 3% from 13%"),
        report);

    slack.post(
        mention(
            "EvAsk1",
            "U1",
            "C901",
            "1700000999.000100",
            "<@UBOT> What did the Iowa soybean association president say about the cut?"));
    Map<String, String> answer = fake.awaitPosted("C901", 1).getFirst();
    String all = String.join("\n", texts(JSON.readTree(answer.get("blocks"))));
    assertTrue(all.contains("Our growers have waited two seasons for this"), all);
    assertTrue(all.contains("Pacific Trade Review"), all);
  }
}
