package tradebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tradebot.testing.TradebotProcess.copy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.corpus.CorpusManager;
import tradebot.corpus.ReloadReport;
import tradebot.index.IndexStore;
import tradebot.testing.TradebotProcess;

/**
 * SIGTERM while a reload builds: {@code serve} (the real command, in a child process) finishes or
 * abandons the build, shuts down gracefully, and the next start is consistent: one complete index,
 * named by CURRENT, no partial build left, every article served.
 */
class SigtermMidReloadIT {
  static final String TOKEN = "sigterm-drill-token";
  static final String AP = "2018-05-04-ap-beijing-talks";

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void sigtermDuringABuildLeavesTheNextStartConsistent() throws Exception {
    Path config = copy(Path.of("config"), tmp.resolve("config"));
    Path knowledge = copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Path data = tmp.resolve("data");
    // Many articles make each build long enough to be caught in the act.
    String seed = Files.readString(Path.of("knowledge", AP + ".txt"));
    for (int i = 0; i < 16; i++) {
      Files.writeString(
          knowledge.resolve("copy-" + i + ".txt"), seed.replace("id: " + AP, "id: copy-" + i));
    }
    Path variant = knowledge.resolve("variant.txt");
    String head =
        "---\nid: variant\ntitle: \"Variant\"\noutlet: \"Test Wire\"\npublished: 2020-03-03\n---\n";
    Files.writeString(variant, head + "Tariffs on Chinese steel rose to 25 percent.\n");
    Path logFile = tmp.resolve("serve.log");
    boolean caught = false;
    int reloads = 0;
    try (TradebotProcess serve =
        TradebotProcess.command("serve", "--port", "0")
            .dirs(config, knowledge, data)
            .env("TRADEBOT_ADMIN_TOKEN", TOKEN)
            .logTo(logFile)
            .start()) {
      URI base = serve.awaitReady();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (!caught && System.nanoTime() < deadline) {
        reloads++;
        Files.writeString(
            variant, head + "Tariffs on Chinese steel rose to " + (20 + reloads) + " percent.\n");
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("/api/reload?wait=false"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        long watch = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!caught && System.nanoTime() < watch) {
          if (buildUnderWay(data)) {
            serve.sigterm();
            caught = true;
          } else {
            Thread.sleep(1);
          }
        }
      }
      assertTrue(caught, "never saw a build under way to stop, in " + reloads + " reloads");
      assertTrue(serve.awaitExit(Duration.ofSeconds(60)), "exits after SIGTERM");
    }
    List<String> lines = Files.readAllLines(logFile);
    assertTrue(lines.getLast().endsWith("ServerRunner stopped"), String.join("\n", lines));

    // The next start: the index CURRENT names opens whole, and it is the only one left.
    String current = Files.readString(data.resolve("CURRENT")).strip();
    try (var index = IndexStore.onDisk(data).openCurrent()) {
      assertTrue(index.passageCount() > 0);
    }
    try (CorpusManager m =
        new CorpusManager(knowledge, config, IndexStore.onDisk(data), Clock.systemUTC())) {
      ReloadReport r = m.start();
      assertEquals(21, r.articles()); // 4 seeds, 16 copies, the variant
      assertEquals(List.of(), r.errors());
      assertEquals(current, r.version(), "the files did not change: the last index opens as is");
      assertEquals(List.of("index-" + current), indexDirs(data));
    }
  }

  private static boolean buildUnderWay(Path data) throws java.io.IOException {
    if (!Files.isDirectory(data)) {
      return false;
    }
    try (Stream<Path> s = Files.list(data)) {
      return s.anyMatch(p -> p.getFileName().toString().contains(".build-"));
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  private static List<String> indexDirs(Path data) throws java.io.IOException {
    try (Stream<Path> s = Files.list(data)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("index-"))
          .sorted()
          .toList();
    }
  }
}
