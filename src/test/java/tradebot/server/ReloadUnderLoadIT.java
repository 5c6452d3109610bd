package tradebot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.answer.AnswerService;
import tradebot.config.TradebotConfig;
import tradebot.corpus.CorpusManager;
import tradebot.index.IndexStore;
import tradebot.metrics.Metrics;
import tradebot.service.TradeService;

/**
 * Reloads while eight clients ask over HTTP: no request fails, and every answer comes wholly from
 * the knowledge base before a swap or wholly from the one after it.
 */
class ReloadUnderLoadIT {
  static final String TOKEN = "load-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String QUESTION = "What tariff did the United States put on Chinese steel?";
  static final String HEAD =
      "---\nid: steel-tariff\ntitle: \"US raises steel tariff\"\noutlet: \"Test Wire\"\npublished: 2019-03-01\n---\n";

  /** Two versions of one article: only the rate differs. */
  static final String[] VERSIONS = {
    HEAD + "The United States raised the tariff on Chinese steel to 25 percent on March 1.\n",
    HEAD + "The United States raised the tariff on Chinese steel to 35 percent on March 1.\n"
  };

  static final String[] MARKS = {"25 percent", "35 percent"};

  @TempDir Path tmp;

  record Asked(long start, long end, int status, List<String> quotes) {}

  @Test
  void everyAnswerDuringReloadsIsWhollyFromTheOldOrWhollyFromTheNewIndex() throws Exception {
    Path knowledge = ApiServerIT.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Path config = ApiServerIT.copy(Path.of("config"), tmp.resolve("config"));
    Path article = knowledge.resolve("steel-tariff.txt");
    Files.writeString(article, VERSIONS[0]);
    String[] corpusText = new String[2];
    for (int v = 0; v < 2; v++) {
      Files.writeString(article, VERSIONS[v]);
      corpusText[v] = normalized(knowledge);
    }
    Files.writeString(article, VERSIONS[0]);

    try (CorpusManager corpora =
            new CorpusManager(
                knowledge, config, IndexStore.onDisk(tmp.resolve("data")), Clock.systemUTC());
        Metrics metrics = new Metrics()) {
      corpora.start();
      AnswerService answers = new AnswerService(corpora, TradebotConfig.Answer.DEFAULTS);
      ApiServer server =
          new ApiServer(
                  new TradebotConfig.Server(0, "127.0.0.1"),
                  new TradeService(
                      answers,
                      corpora,
                      Clock.systemUTC(),
                      metrics::recordAnswer,
                      tradebot.feedback.FeedbackStore.temporary(
                          Clock.systemUTC(), tradebot.config.TradebotConfig.Privacy.DEFAULTS)),
                  metrics,
                  TOKEN)
              .start();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI ask = server.uri().resolve("/api/ask");
      ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<?>> running = new ArrayList<>();
      List<long[]> swaps = new ArrayList<>(); // {start, end, version now serving}
      try {
        for (int i = 0; i < 8; i++) {
          running.add(
              clients.submit(
                  () -> {
                    String body = JSON.createObjectNode().put("question", QUESTION).toString();
                    while (!stop.get()) {
                      long t0 = System.nanoTime();
                      HttpResponse<String> r =
                          http.send(
                              HttpRequest.newBuilder(ask)
                                  .timeout(Duration.ofSeconds(30))
                                  .POST(HttpRequest.BodyPublishers.ofString(body))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString());
                      JsonNode json = JSON.readTree(r.body());
                      List<String> quotes = json.path("citations").findValuesAsText("quote");
                      asked.add(new Asked(t0, System.nanoTime(), r.statusCode(), quotes));
                    }
                    return null;
                  }));
        }
        Thread.sleep(300);
        int[] order = {1, 0, 1};
        for (int v : order) {
          Files.writeString(article, VERSIONS[v]);
          long t0 = System.nanoTime();
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(server.uri().resolve("/api/reload"))
                      .header("Authorization", "Bearer " + TOKEN)
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertEquals(200, r.statusCode(), r.body());
          assertEquals("swapped", JSON.readTree(r.body()).get("outcome").asText());
          swaps.add(new long[] {t0, System.nanoTime(), v});
          Thread.sleep(300);
        }
      } finally {
        stop.set(true);
        for (Future<?> f : running) {
          f.get(60, TimeUnit.SECONDS); // rethrows a client's failure
        }
        clients.shutdown();
        server.stop(Duration.ofSeconds(5));
      }

      assertTrue(asked.size() >= 16, "too few answers to say anything: " + asked.size());
      for (Asked a : asked) {
        assertEquals(200, a.status());
        assertTrue(!a.quotes().isEmpty(), "answered with quotes");
        int from = versionOf(a.quotes(), corpusText);
        assertTrue(from >= 0, "answer mixes or invents quotes: " + a.quotes());
        Integer expected = expectedVersion(a, swaps);
        if (expected != null) {
          assertTrue(
              a.quotes().stream().anyMatch(q -> q.contains(MARKS[expected])),
              "an answer between swaps must come from version " + expected + ": " + a.quotes());
        }
      }
    }
  }

  /**
   * 0 or 1 when every quote is in that version's text (both: the first), -1 when none holds all.
   */
  static int versionOf(List<String> quotes, String[] corpusText) {
    for (int v = 0; v < corpusText.length; v++) {
      int version = v;
      if (quotes.stream()
          .allMatch(q -> corpusText[version].contains(q.replaceAll("\\s+", " ").strip()))) {
        return v;
      }
    }
    return -1;
  }

  /** The version an answer must come from when it ran wholly between two swaps, else null. */
  static Integer expectedVersion(Asked a, List<long[]> swaps) {
    int serving = 0;
    long since = Long.MIN_VALUE;
    for (long[] s : swaps) {
      if (a.start() > since && a.end() < s[0]) {
        return serving;
      }
      serving = (int) s[2];
      since = s[1];
    }
    return a.start() > since ? serving : null;
  }

  static String normalized(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        sb.append(Files.readString(f)).append('\n');
      }
    }
    return sb.toString().replaceAll("\\s+", " ");
  }
}
