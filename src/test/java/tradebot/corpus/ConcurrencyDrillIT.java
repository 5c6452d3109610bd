package tradebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebot.answer.AnswerService;
import tradebot.chat.Bot;
import tradebot.chat.ChatReply;
import tradebot.chat.ChatRequest;
import tradebot.chat.Platform;
import tradebot.config.TradebotConfig;
import tradebot.index.IndexStore;
import tradebot.service.TradeService;

/**
 * The concurrency drill: 16 threads ask through the bot every adapter shares while a reload is
 * requested every 200 ms, for {@code -Ddrill.seconds} (10 by default; the drill is 60).
 * Zero errors; every reply wholly from one knowledge base (its quotes and the version in its footer
 * agree); afterwards no index is left open (file handles and index directories back to what one
 * index needs), no thread is left behind, and the heap is flat.
 */
class ConcurrencyDrillIT {
  static final int ASKERS = 16;
  static final Duration RELOAD_EVERY = Duration.ofMillis(200);
  static final String QUESTION = "What tariff did the United States put on Chinese steel?";
  static final String HEAD =
      "---\nid: steel-tariff\ntitle: \"US raises steel tariff\"\noutlet: \"Test Wire\"\npublished: 2019-03-01\n---\n";
  static final String[] VARIANTS = {
    HEAD + "The United States raised the tariff on Chinese steel to 25 percent on March 1.\n",
    HEAD + "The United States raised the tariff on Chinese steel to 35 percent on March 1.\n"
  };
  static final String[] MARKS = {"25 percent", "35 percent"};

  @TempDir Path tmp;

  @Test
  void askersDuringReloadsEvery200MsGetNoErrorOneIndexEachAndLeaveNothingBehind() throws Exception {
    long seconds = Long.getLong("drill.seconds", 10);
    Path knowledge = CorpusManagerIT.copy(Path.of("knowledge"), tmp.resolve("knowledge"));
    Path config = CorpusManagerIT.copy(Path.of("config"), tmp.resolve("config"));
    Path data = tmp.resolve("data");
    Path article = knowledge.resolve("steel-tariff.txt");
    Files.writeString(article, VARIANTS[0]);

    Map<ReloadReport.Outcome, Integer> outcomes =
        Collections.synchronizedMap(new EnumMap<>(ReloadReport.Outcome.class));
    Map<String, Integer> variantOfVersion = new ConcurrentHashMap<>();
    AtomicLong answers = new AtomicLong();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Snapshot before;
    Snapshot after;
    List<java.util.concurrent.CompletableFuture<ReloadReport>> reloads = new ArrayList<>();
    try (CorpusManager corpora =
        new CorpusManager(knowledge, config, IndexStore.onDisk(data), Clock.systemUTC())) {
      int[] writing = {0};
      corpora.onReload(
          r -> {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            if (r.outcome() == ReloadReport.Outcome.FAILED) {
              problems.add("reload failed: " + r.message());
            }
          });
      // Content decides the version: learn each variant's before the drill.
      variantOfVersion.put(corpora.start().version(), 0);
      Files.writeString(article, VARIANTS[1]);
      variantOfVersion.put(corpora.reload("drill", "test").get(60, TimeUnit.SECONDS).version(), 1);
      Files.writeString(article, VARIANTS[0]);
      corpora.reload("drill", "test").get(60, TimeUnit.SECONDS);
      outcomes.clear();
      AnswerService answerService = new AnswerService(corpora, TradebotConfig.Answer.DEFAULTS);
      Bot bot =
          new Bot(
              new TradeService(
                  answerService,
                  corpora,
                  java.time.Clock.systemUTC(),
                  a -> {},
                  tradebot.feedback.FeedbackStore.temporary(
                      java.time.Clock.systemUTC(),
                      tradebot.config.TradebotConfig.Privacy.DEFAULTS)));
      bot.handle(ChatRequest.ask(Platform.API, "warm-up", QUESTION));
      before = Snapshot.take(data);

      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService askers = Executors.newFixedThreadPool(ASKERS);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < ASKERS; i++) {
        String user = "asker-" + i;
        running.add(
            askers.submit(
                () -> {
                  while (!stop.get()) {
                    ChatReply reply = bot.handle(ChatRequest.ask(Platform.API, user, QUESTION));
                    answers.incrementAndGet();
                    check(reply, variantOfVersion, problems);
                  }
                  return null;
                }));
      }
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      while (System.nanoTime() < end) {
        writing[0] ^= 1;
        Path next = knowledge.resolve(".next.tmp");
        Files.writeString(next, VARIANTS[writing[0]]);
        Files.move(next, article, StandardCopyOption.ATOMIC_MOVE);
        reloads.add(corpora.reload("drill", "test"));
        Thread.sleep(RELOAD_EVERY.toMillis());
      }
      stop.set(true);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS); // rethrows an asker's exception
      }
      askers.shutdown();
      for (var r : reloads) {
        r.get(60, TimeUnit.SECONDS);
      }
      // Settle on variant 0, as before the drill, and let the last old index go.
      Files.writeString(article, VARIANTS[0]);
      corpora.reload("drill", "test").get(60, TimeUnit.SECONDS);
      try (CorpusManager.Lease lease = corpora.acquire()) {
        assertEquals(2, lease.corpus().references(), "the manager's and this lease's, no other");
      }
      after = Snapshot.settle(data, before);
    }
    String summary =
        "drill "
            + seconds
            + " s: "
            + answers.get()
            + " answers by "
            + ASKERS
            + " threads, "
            + problems.size()
            + " problems, "
            + reloads.size()
            + " reloads requested, builds "
            + outcomes
            + "; before "
            + before
            + "; after "
            + after;
    System.out.println(summary);
    assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), summary);
    assertTrue(answers.get() >= ASKERS, summary);
    assertTrue(outcomes.getOrDefault(ReloadReport.Outcome.SWAPPED, 0) >= 2, summary);
    assertEquals(before.indexDirectories(), after.indexDirectories(), summary);
    assertEquals(before.openIndexFiles(), after.openIndexFiles(), summary);
    // Index files are counted exactly above; other handles may be open for a moment when the
    // snapshot is taken (a log write, a class loaded from a jar): a few, where a leak per reload
    // would show one or more per swap.
    assertTrue(after.fileHandles() <= before.fileHandles() + TRANSIENT_HANDLES, summary);
    assertTrue(after.threads() <= before.threads() + 2, summary);
    assertTrue(after.heapMb() <= before.heapMb() + 64, summary);
  }

  /** Handles other than the index's that may be open for a moment (see the drill's check). */
  private static final int TRANSIENT_HANDLES = 4;

  /** One reply: no error, quotes from one variant, the footer naming that variant's version. */
  private static void check(
      ChatReply reply, Map<String, Integer> variantOf, List<String> problems) {
    if (reply.status() != ChatReply.Status.ANSWER) {
      problems.add(reply.status() + ": " + reply.lead());
      return;
    }
    String quotes = String.join(" ", reply.quotes().stream().map(ChatReply.Quote::text).toList());
    boolean a = quotes.contains(MARKS[0]);
    boolean b = quotes.contains(MARKS[1]);
    if (a == b) {
      problems.add("quotes from neither or both variants: " + quotes);
      return;
    }
    String version = reply.footer().split(" ")[2];
    Integer footerVariant = variantOf.get(version);
    if (footerVariant == null || footerVariant != (a ? 0 : 1)) {
      problems.add("quotes of variant " + (a ? 0 : 1) + " under the footer of " + reply.footer());
    }
  }

  /** What the process holds: file handles, those on index files, threads, heap, index dirs. */
  record Snapshot(
      int fileHandles,
      int openIndexFiles,
      int threads,
      long heapMb,
      List<String> indexDirectories) {
    static Snapshot take(Path data) throws IOException {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      int handles = 0;
      int onIndex = 0;
      String dataDir = data.toRealPath().toString();
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        for (Path fd : fds.toList()) {
          handles++;
          try {
            if (Files.readSymbolicLink(fd).toString().startsWith(dataDir)) {
              onIndex++;
            }
          } catch (IOException e) {
            // closed since it was listed
          }
        }
      }
      // Lucene maps index files into memory: an index left open shows as mappings, not handles.
      try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
        onIndex +=
            (int)
                maps.filter(l -> l.contains(dataDir))
                    .map(l -> l.substring(l.indexOf(dataDir)))
                    .distinct()
                    .count();
      }
      List<String> dirs;
      try (Stream<Path> s = Files.list(data)) {
        dirs =
            s.map(p -> p.getFileName().toString().replaceAll("[0-9a-f]{12}", "V"))
                .filter(n -> n.startsWith("index-"))
                .sorted()
                .toList();
      }
      return new Snapshot(
          handles,
          onIndex,
          ManagementFactory.getThreadMXBean().getThreadCount(),
          memory.getHeapMemoryUsage().getUsed() >> 20,
          dirs);
    }

    /** Takes snapshots until old indexes are closed and pruned (a few seconds at most). */
    static Snapshot settle(Path data, Snapshot target) throws Exception {
      Snapshot s = take(data);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while ((s.openIndexFiles() > target.openIndexFiles()
              || !s.indexDirectories().equals(target.indexDirectories())
              || s.threads() > target.threads() + 2)
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
        s = take(data);
      }
      return s;
    }

    @Override
    public String toString() {
      return String.format(
          "fds=%d, index files open or mapped %d, threads=%d, heap=%d MB, dirs=%s",
          fileHandles, openIndexFiles, threads, heapMb, indexDirectories);
    }
  }
}
