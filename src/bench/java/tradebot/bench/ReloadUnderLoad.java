package tradebot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tradebot.corpus.ReloadReport;

/**
 * Measures answering while the knowledge base reloads: clients ask without pause, one article is
 * added, a reload builds the new index beside the old one and swaps it in; prints one JSON line
 * with the reload time and the answer latencies before and during it, and the longest stretch in
 * which no answer completed. Run in its own JVM (the bench runner sets its heap):
 *
 * <pre>
 * java -cp tradebot.jar tradebot.bench.ReloadUnderLoad CONFIG KNOWLEDGE DATA QUESTIONS CLIENTS SECONDS
 * </pre>
 *
 * <p>KNOWLEDGE must be a copy or a generated corpus: a probe article is written into it and removed
 * afterwards.
 */
public final class ReloadUnderLoad {
  static final String PROBE = "zz-reload-probe.txt";

  private ReloadUnderLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: ReloadUnderLoad CONFIG KNOWLEDGE DATA QUESTIONS CLIENTS SECONDS");
      System.exit(2);
    }
    Path config = Path.of(args[0]);
    Path knowledge = Path.of(args[1]);
    Path data = Path.of(args[2]);
    List<String> questions = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8);
    int clients = Integer.parseInt(args[4]);
    Duration window = Duration.ofSeconds(Long.parseLong(args[5]));
    Path probe = knowledge.resolve(PROBE);
    Files.deleteIfExists(probe);
    try (BenchApp app = BenchApp.start(config, knowledge, data)) {
      System.out.println(run(app, probe, questions, clients, window));
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  static String run(BenchApp app, Path probe, List<String> questions, int clients, Duration window)
      throws Exception {
    Phase warm = ask(app, questions, clients, window, null);
    Phase before = ask(app, questions, clients, window, null);
    Files.writeString(probe, probeArticle(), StandardCharsets.UTF_8);
    Phase during = ask(app, questions, clients, null, app);
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("warmup_answers", warm.latencies.count());
    put(out.putObject("before"), before);
    put(out.putObject("during"), during);
    ReloadReport r = during.report;
    out.put("outcome", r.outcome().name());
    out.put("reload_ms", r.took().toMillis());
    out.put("articles", r.articles());
    out.put("passages", r.passages());
    return json.writeValueAsString(out);
  }

  private static void put(ObjectNode n, Phase p) {
    Latencies.Summary s = p.latencies.summary();
    n.put("answers", s.count());
    n.put("seconds", p.nanos / 1e9);
    n.put("p50_ms", s.p50());
    n.put("p99_ms", s.p99());
    n.put("max_ms", s.max());
    n.put("longest_gap_ms", p.longestGap / 1e6);
    n.put("slowest_window_answers", p.slowestWindow);
    n.put("window_seconds", WINDOW.toSeconds());
    n.put("errors", p.errors);
  }

  private record Phase(
      Latencies latencies,
      long nanos,
      long longestGap,
      long errors,
      ReloadReport report,
      int slowestWindow) {}

  /** Answers are counted per window of this length: a pause shows as a window with none. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  /**
   * The fewest answers completed in any whole window of the phase (the whole phase when shorter).
   */
  static int slowestWindow(long[] doneSorted, long phaseNanos) {
    long w = WINDOW.toNanos();
    if (phaseNanos < w) {
      return doneSorted.length;
    }
    int fewest = Integer.MAX_VALUE;
    int i = 0;
    for (long start = 0; start + w <= phaseNanos; start += w) {
      int n = 0;
      while (i < doneSorted.length && doneSorted[i] < start + w) {
        if (doneSorted[i] >= start) {
          n++;
        }
        i++;
      }
      fewest = Math.min(fewest, n);
    }
    return fewest;
  }

  /** Asks for {@code window}, or, given {@code reloadOf}, for as long as its reload takes. */
  private static Phase ask(
      BenchApp app, List<String> questions, int clients, Duration window, BenchApp reloadOf)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong errors = new AtomicLong();
    AtomicLong lastDone = new AtomicLong(System.nanoTime());
    AtomicLong longestGap = new AtomicLong();
    List<Latencies> per = new ArrayList<>();
    List<Latencies> doneAt = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Latencies mine = new Latencies();
      Latencies myDone = new Latencies();
      per.add(mine);
      doneAt.add(myDone);
      int offset = c * 7;
      threads.add(
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    for (int i = offset; !stop.get(); i++) {
                      long s = System.nanoTime();
                      try {
                        app.answers().ask(questions.get(i % questions.size()));
                      } catch (RuntimeException e) {
                        errors.incrementAndGet();
                      }
                      long e = System.nanoTime();
                      mine.add(e - s);
                      myDone.add(e - t0);
                      long prev = lastDone.getAndSet(e);
                      longestGap.accumulateAndGet(e - prev, Math::max);
                    }
                  }));
    }
    ReloadReport report = null;
    if (reloadOf != null) {
      report = reloadOf.corpora().reload("bench", "bench").get();
    } else {
      Thread.sleep(window.toMillis());
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    long nanos = System.nanoTime() - t0;
    Latencies all = new Latencies();
    per.forEach(all::addAll);
    Latencies done = new Latencies();
    doneAt.forEach(done::addAll);
    return new Phase(
        all, nanos, longestGap.get(), errors.get(), report, slowestWindow(done.sorted(), nanos));
  }

  private static String probeArticle() {
    return "---\ntitle: \"Reload probe\"\noutlet: \"Bench\"\npublished: "
        + LocalDate.of(2026, 1, 2)
        + "\n---\nThe reload probe article was added at "
        + System.nanoTime()
        + " to make the knowledge base change.\n";
  }

  /** Deletes a probe left by a run that was killed. */
  static void cleanUp(Path knowledge) throws IOException {
    Files.deleteIfExists(knowledge.resolve(PROBE));
  }
}
