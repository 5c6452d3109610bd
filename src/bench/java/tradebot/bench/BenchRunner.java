package tradebot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import tradebot.eval.EvalQuestion;
import tradebot.eval.QuestionFile;

/**
 * Runs the benchmark suite and writes {@code docs/BENCHMARKS.md}: corpora, dev-set quality of the
 * bot and the baseline, the JMH in-process benchmarks, index builds at scale in a 1 GiB JVM, reload
 * under load, and the bot end to end (start-up, memory, {@code /api/ask} under 16 clients). Every
 * step is bounded in time. Not thread-safe: one run at a time.
 */
public final class BenchRunner {
  /**
   * How to run.
   *
   * @param repo the repository root (working directory of every child)
   * @param config the config directory
   * @param seeds the seed knowledge directory
   * @param devSet the dev question file
   * @param appJar the production jar, for the CLI runs
   * @param serveJar the jar whose {@code serve} is measured (the production jar, unless told)
   * @param out the report to write
   * @param work scratch space for corpora and indexes (under target/)
   * @param quick seeds and 10k only, shorter iterations
   * @param seed the corpus generator's seed
   * @param command the command line, for the report
   */
  public record Settings(
      Path repo,
      Path config,
      Path seeds,
      Path devSet,
      Path appJar,
      Path serveJar,
      Path out,
      Path work,
      boolean quick,
      long seed,
      String command) {
    public Settings {
      Objects.requireNonNull(repo, "repo");
      Objects.requireNonNull(command, "command");
    }
  }

  static final String HEAP = "1g";
  private static final int CLIENTS = 16;

  private final Settings s;
  private final Report report = new Report();
  private final Children children;

  public BenchRunner(Settings settings) {
    this.s = settings;
    this.children = new Children(settings.repo(), settings.work().resolve("logs"));
  }

  /** Runs every step and writes the report; returns its path. */
  public Path run() throws Exception {
    InProcessSuite suite =
        ServiceLoader.load(InProcessSuite.class)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the in-process benchmarks (JMH) are not in this jar: run ./tradebot bench, which builds"
                            + " target/bench-build/tradebot-bench.jar with mvn -Pbench package"));
    long t0 = System.nanoTime();
    report.command = s.command();
    report.appJar = shown(s.appJar());
    report.serveJar = shown(s.serveJar());
    report.quick = s.quick();
    report.seed = s.seed();
    report.commit =
        git("rev-parse", "--short", "HEAD")
            + (git(
                        "status",
                        "--porcelain",
                        "--",
                        ".",
                        ":!" + s.repo().relativize(s.out().toAbsolutePath().normalize()))
                    .isBlank()
                ? ""
                : " (with uncommitted changes)");
    Files.createDirectories(s.work());
    List<EvalQuestion> dev = QuestionFile.read(s.devSet());
    List<String> devQuestions = dev.stream().map(EvalQuestion::question).toList();

    Corpora corpora = new Corpora(s.work(), s.seeds(), s.seed());
    InProcessSuite.Corpus seeds = corpora.seeds(devQuestions, HEAP);
    List<InProcessSuite.Corpus> scaled = new ArrayList<>();
    scaled.add(corpora.generated(10_000, devQuestions, HEAP, HEAP));
    if (!s.quick()) {
      scaled.add(corpora.generated(100_000, devQuestions, HEAP, "3g"));
    }
    InProcessSuite.Corpus throughput =
        s.quick() ? corpora.generated(2_000, devQuestions, HEAP, HEAP) : scaled.getFirst();

    step("quality on the dev set, seeds", () -> quality(seeds, dev));
    step("quality on the dev set, 10k", () -> quality(scaled.getFirst(), dev));
    if (!s.quick()) {
      step("index build, 100k articles, -Xmx" + HEAP, () -> cliBuild(scaled.getLast()));
    }
    List<InProcessSuite.Corpus> all = new ArrayList<>();
    all.add(seeds);
    all.addAll(scaled);
    InProcessSuite.Plan plan =
        new InProcessSuite.Plan(
            s.config(),
            s.work().resolve("jmh-work"),
            all,
            throughput,
            seeds,
            s.quick(),
            s.work().resolve("logs"));
    step(
        "JMH in-process benchmarks (logs: " + plan.logs().resolve("jmh-*.log") + ")",
        () -> report.jmh.addAll(suite.run(plan)));
    if (report.corpus(throughput.name()) == null) {
      sizeFromIngest(throughput, plan.work());
    }
    step("reload under load, seeds", () -> reloadUnderLoad(seeds, true, 2));
    step("end to end: start-up and memory", () -> startup(seeds, devQuestions.getFirst()));
    step("end to end: /api/ask with " + CLIENTS + " clients", () -> serve(seeds, devQuestions));
    if (!s.quick()) {
      // One client: the other core is left to the build, as on a bot that is busy but not flooded.
      step("reload under load, 100k", () -> reloadUnderLoad(scaled.getLast(), false, 1));
    }
    report.took = Duration.ofNanos(System.nanoTime() - t0);
    new ReportWriter(report).write(s.out());
    System.out.printf("[bench] wrote %s in %s%n", s.out(), ReportWriter.duration(report.took));
    return s.out();
  }

  private interface Step {
    void run() throws Exception;
  }

  private void step(String name, Step step) throws Exception {
    String load = Machine.load();
    report.load.put(name, load);
    System.out.printf("[bench] %s (load average %s) ...%n", name, load);
    long t0 = System.nanoTime();
    try {
      step.run();
    } catch (Exception | Error e) {
      report.problems.add(name + ": " + e);
      System.out.printf("[bench] %s failed: %s%n", name, e);
      return;
    }
    System.out.printf(
        "[bench] %s done in %s%n",
        name, ReportWriter.duration(Duration.ofNanos(System.nanoTime() - t0)));
  }

  private void quality(InProcessSuite.Corpus corpus, List<EvalQuestion> dev) throws IOException {
    Quality.Side side = Quality.measure(s.config(), corpus, dev);
    report.quality.put(corpus.name(), side);
    report.corpora.add(
        new Report.CorpusSize(
            corpus.name(), side.articles(), side.passages(), bytes(corpus.knowledge())));
  }

  private void cliBuild(InProcessSuite.Corpus corpus) throws Exception {
    Children.Finished f =
        children.run(
            "index-" + corpus.name(),
            children.java(
                "-Xmx" + HEAP,
                "-jar",
                s.appJar().toString(),
                "index",
                "--force",
                "--knowledge",
                corpus.knowledge().toString(),
                "--data",
                corpus.data().toString()),
            Duration.ofMinutes(45));
    String summary =
        f.output().lines().filter(l -> l.startsWith("articles ")).findFirst().orElse("");
    report.builds.add(
        new Report.Build(corpus.name(), HEAP, f.took(), f.exit(), f.peakRssMb(), summary));
    var m = java.util.regex.Pattern.compile("articles (\\d+), passages (\\d+)").matcher(summary);
    if (m.find() && report.corpus(corpus.name()) == null) {
      report.corpora.add(
          new Report.CorpusSize(
              corpus.name(),
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              bytes(corpus.knowledge())));
    }
    if (f.exit() != 0) {
      throw new IllegalStateException(
          "index build exited with "
              + f.exit()
              + "; see the log under "
              + s.work().resolve("logs"));
    }
  }

  /** The size the ingestion benchmark wrote (it ingested the corpus anyway). */
  private void sizeFromIngest(InProcessSuite.Corpus corpus, Path jmhWork) throws IOException {
    Path file = jmhWork.resolve("size-" + corpus.name());
    if (Files.isRegularFile(file)) {
      String[] parts = Files.readString(file).strip().split(" ");
      report.corpora.add(
          new Report.CorpusSize(
              corpus.name(),
              Integer.parseInt(parts[0]),
              Integer.parseInt(parts[1]),
              bytes(corpus.knowledge())));
    }
  }

  private void reloadUnderLoad(InProcessSuite.Corpus corpus, boolean copy, int clients)
      throws Exception {
    Path knowledge = corpus.knowledge();
    Path data = corpus.data();
    if (copy) {
      Path root = s.work().resolve("reload-" + corpus.name());
      deleteTree(root);
      knowledge = root.resolve("knowledge");
      data = root.resolve("data");
      copyTree(corpus.knowledge(), knowledge);
    }
    ReloadUnderLoad.cleanUp(knowledge);
    Path gcLog = s.work().resolve("logs").resolve("gc-reload-under-load-" + corpus.name() + ".log");
    Files.deleteIfExists(gcLog);
    Children.Finished f =
        children.run(
            "reload-under-load-" + corpus.name(),
            children.java(
                "-Xmx" + HEAP,
                "-Xlog:gc:file=" + gcLog,
                "-cp",
                ownJar().toString(),
                ReloadUnderLoad.class.getName(),
                s.config().toString(),
                knowledge.toString(),
                data.toString(),
                corpus.questions().toString(),
                Integer.toString(clients),
                s.quick() ? "3" : "5"),
            Duration.ofMinutes(45));
    String json =
        f.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
    if (f.exit() != 0 || json == null) {
      throw new IllegalStateException(
          "reload under load exited with "
              + f.exit()
              + "; see the log under "
              + s.work().resolve("logs"));
    }
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(json);
    node.put("clients", clients);
    node.put("longest_gc_pause_ms", longestPauseMs(gcLog));
    report.reloadUnderLoad.put(corpus.name(), node);
    report.reloadHeap.put(corpus.name(), HEAP);
  }

  private void startup(InProcessSuite.Corpus seeds, String question) throws Exception {
    EndToEnd e2e = new EndToEnd(children, s.appJar());
    int runs = s.quick() ? 3 : 5;
    List<String> plain = List.of("-Xmx" + HEAP);
    e2e.askOnce(
        plain,
        seeds.knowledge(),
        seeds.data(),
        question); // builds the index if needed; not counted
    List<Duration> times = new ArrayList<>();
    List<EndToEnd.Loaded> loaded = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      EndToEnd.Loaded l = e2e.askOnce(plain, seeds.knowledge(), seeds.data(), question);
      times.add(l.firstAnswer());
      loaded.add(l);
    }
    report.startups.add(new Report.Startup("first answer", "`ask`, -Xmx" + HEAP, times));
    report.loaded = loaded.get(loaded.size() / 2);
    report.e2eHeap = HEAP;
    Path archive = s.work().resolve("tradebot-cds.jsa");
    Files.deleteIfExists(archive);
    List<String> cds =
        List.of("-Xmx" + HEAP, "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive");
    e2e.askOnce(cds, seeds.knowledge(), seeds.data(), question); // writes the archive
    List<Duration> cdsTimes = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      cdsTimes.add(e2e.askOnce(cds, seeds.knowledge(), seeds.data(), question).firstAnswer());
    }
    report.startups.add(
        new Report.Startup(
            "first answer",
            "`ask`, -Xmx" + HEAP + ", AppCDS archive (-XX:+AutoCreateSharedArchive)",
            cdsTimes));
  }

  private void serve(InProcessSuite.Corpus seeds, List<String> questions) throws Exception {
    EndToEnd e2e = new EndToEnd(children, s.serveJar());
    if (!e2e.canServe()) {
      report.servedSkipped =
          "skipped: this build has no `serve` command (the HTTP server is not merged yet); re-run `./tradebot bench` once it is";
      System.out.println("[bench] " + report.servedSkipped);
      return;
    }
    int runs = s.quick() ? 2 : 3;
    List<String> plain = List.of("-Xmx" + HEAP);
    List<Duration> ready = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      ready.add(e2e.serveReady(plain, seeds.knowledge(), seeds.data()));
    }
    report.startups.add(new Report.Startup("ready", "`serve`, -Xmx" + HEAP, ready));
    Path archive = s.work().resolve("tradebot-serve-cds.jsa");
    Files.deleteIfExists(archive);
    List<String> cds =
        List.of("-Xmx" + HEAP, "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive");
    e2e.serveReady(cds, seeds.knowledge(), seeds.data()); // writes the archive at exit
    List<Duration> cdsReady = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      cdsReady.add(e2e.serveReady(cds, seeds.knowledge(), seeds.data()));
    }
    report.startups.add(
        new Report.Startup("ready", "`serve`, -Xmx" + HEAP + ", AppCDS archive", cdsReady));
    Duration warmup = Duration.ofSeconds(s.quick() ? 3 : 5);
    Duration window = Duration.ofSeconds(s.quick() ? 10 : 30);
    report.served =
        e2e.serve(
            List.of("-Xmx" + HEAP),
            seeds.knowledge(),
            seeds.data(),
            questions,
            CLIENTS,
            warmup,
            window);
  }

  private String shown(Path jar) {
    Path abs = jar.toAbsolutePath().normalize();
    return (abs.startsWith(s.repo()) ? s.repo().relativize(abs) : abs).toString();
  }

  private static final java.util.regex.Pattern GC_PAUSE =
      java.util.regex.Pattern.compile("Pause .* (\\d+(?:\\.\\d+)?)ms$");

  /** The longest stop-the-world pause in a unified GC log, in ms (0 when none is logged). */
  static double longestPauseMs(Path gcLog) throws IOException {
    if (!Files.isRegularFile(gcLog)) {
      return Double.NaN;
    }
    double longest = 0;
    for (String line : Files.readAllLines(gcLog)) {
      var m = GC_PAUSE.matcher(line.strip());
      if (m.find()) {
        longest = Math.max(longest, Double.parseDouble(m.group(1)));
      }
    }
    return longest;
  }

  /** The jar (or class directory) this runner was loaded from: ReloadUnderLoad is in it. */
  private static Path ownJar() {
    try {
      return Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot tell which jar the bench runs from: " + e, e);
    }
  }

  private String git(String... args) {
    try {
      List<String> cmd = new ArrayList<>(List.of("git"));
      cmd.addAll(List.of(args));
      Children.Finished f = children.run("git", cmd, Duration.ofSeconds(30));
      return f.exit() == 0 ? f.output().strip() : "unknown";
    } catch (IOException | InterruptedException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long bytes(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
