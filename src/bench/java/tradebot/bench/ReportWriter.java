package tradebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Report} as {@code docs/BENCHMARKS.md}: the targets with their verdicts first,
 * then each part's figures with the heap, JVM and command they were measured with. Text below
 * {@link #KEEP} in an existing file (analysis, profiles) is carried over. Not thread-safe.
 */
final class ReportWriter {
  static final String KEEP =
      "<!-- Everything below this line is kept when ./tradebot bench rewrites this file. -->";

  private final Report r;
  private final StringBuilder md = new StringBuilder();

  ReportWriter(Report report) {
    this.r = report;
  }

  void write(Path out) throws IOException {
    String kept = "";
    if (Files.isRegularFile(out)) {
      String old = Files.readString(out, StandardCharsets.UTF_8);
      int at = old.indexOf(KEEP);
      kept = at < 0 ? "" : old.substring(at + KEEP.length());
    }
    render();
    md.append('\n').append(KEEP).append(kept.isEmpty() ? "\n" : kept);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
  }

  private void render() {
    line("# Benchmarks");
    line("");
    line(
        "Measured by `"
            + r.command
            + "` on "
            + DateTimeFormatter.ISO_LOCAL_DATE.format(r.started.atOffset(ZoneOffset.UTC))
            + " ("
            + (r.quick ? "quick run" : "full run")
            + ", "
            + duration(r.took)
            + " in all), commit "
            + r.commit
            + ". Every figure below comes from that one run; regenerate with the same command.");
    line("");
    line("| machine | |");
    line("| --- | --- |");
    line("| CPU | " + r.machine.cpu() + ", " + r.machine.cores() + " cores |");
    line("| memory | " + r.machine.memoryMb() + " MB |");
    line("| OS | " + r.machine.os() + " |");
    line("| JDK | " + r.machine.jdk() + " (" + r.machine.jvm() + ") |");
    line(
        "| heap | -Xmx"
            + BenchRunner.HEAP
            + " for the bot everywhere (JMH forks, CLI runs, server); the baseline's heap is given with its figures |");
    line(
        "| load | the machine is shared: 1-minute load average when each part started: "
            + loads()
            + " |");
    line("");
    if (!r.problems.isEmpty()) {
      line("**Parts that failed in this run:**");
      line("");
      r.problems.forEach(p -> line("- " + p));
      line("");
    }
    targets();
    latency();
    quality();
    throughput();
    reload();
    endToEnd();
    line("## How to run");
    line("");
    line("    ./tradebot bench --quick   # seeds and 10k generated articles");
    line("    ./tradebot bench           # seeds, 10k and 100k generated articles");
    line("");
    line(
        "On this 2-core machine a full run took about 12 minutes (load 2-6) and up to 29 minutes under heavier load,");
    line(
        "plus 30 s to generate the 100k corpus the first time; `--quick` took 2 min 13 s idle and 4-7 minutes under load.");
    line("");
    line(
        "`./tradebot bench` builds `target/bench-build/tradebot-bench.jar` with `mvn -Pbench package` (the app,");
    line(
        "the JMH benchmarks of `src/bench/java` and JMH; the production jar and `mvn verify` hold no JMH) and runs");
    line(
        "`java -jar target/bench-build/tradebot-bench.jar bench`. Generated corpora, indexes and logs go under");
    line("`target/bench/` (JMH's own output: `target/bench/logs/jmh-*.log`). A corpus alone:");
    line("`./tradebot gen-corpus --articles 100000 --seed 1 --out target/bench/corpus-100000`.");
  }

  private void targets() {
    line("## Targets");
    line("");
    line("| target | goal | measured | verdict |");
    line("| --- | --- | --- | --- |");
    InProcessSuite.Measurement seeds = r.jmh("AnswerBenchmark.ask", "seeds");
    if (seeds != null) {
      row("seeds: answer p50, in-process", 1, "ms", ms(seeds.p50()), "");
      row("seeds: answer p99, in-process", 5, "ms", ms(seeds.p99()), "");
      row("seeds: answer p50, CPU time (what an idle core gives)", 1, "ms", ms(seeds.cpuP50()), "");
      row("seeds: answer p99, CPU time", 5, "ms", ms(seeds.cpuP99()), "");
    }
    for (Report.Startup s : r.startups) {
      row(
          "seeds: start-up to "
              + s.until()
              + " ("
              + s.how()
              + ", median of "
              + s.runs().size()
              + ")",
          1500,
          "ms",
          median(s.runs()),
          s.until().equals("ready")
              ? "launch to `/readyz` 200"
              : "includes the first, cold answer");
    }
    InProcessSuite.Measurement reload = r.jmh("ReloadBenchmark.changed", "seeds");
    if (reload != null) {
      row(
          "seeds: reload after a change, median",
          500,
          "ms",
          ms(reload.p50()),
          "p99 " + fmt(ms(reload.p99())) + " ms");
    }
    InProcessSuite.Measurement big = r.jmh("AnswerBenchmark.ask", "100k");
    if (big != null) {
      row(
          "100k: answer p99, in-process",
          25,
          "ms",
          ms(big.p99()),
          "p50 " + fmt(ms(big.p50())) + " ms");
      row(
          "100k: answer p99, CPU time",
          25,
          "ms",
          ms(big.cpuP99()),
          "p50 " + fmt(ms(big.cpuP50())) + " ms");
    }
    r.builds.stream()
        .filter(b -> b.corpus().equals("100k"))
        .forEach(
            b ->
                row(
                    "100k: index build (`tradebot index --force`, -Xmx" + b.heap() + ")",
                    120_000,
                    "ms",
                    b.took().toNanos() / 1e6,
                    b.exit() == 0
                        ? "fits in -Xmx" + b.heap() + "; peak RSS " + b.peakRssMb() + " MB"
                        : "FAILED, exit " + b.exit()));
    JsonNode during = r.reloadUnderLoad.containsKey("100k") ? r.reloadUnderLoad.get("100k") : null;
    if (during != null) {
      JsonNode d = during.path("during");
      long fewest = d.path("slowest_window_answers").asLong();
      long errors = d.path("errors").asLong();
      line(
          String.format(
              Locale.ROOT,
              "| 100k: reload without a pause in answering | answers in every %d s window, no errors |"
                  + " %,d answers during the %s s reload, at least %d in every %d s window; %d errors;"
                  + " longest GC pause %s ms; longest stretch without an answer %s ms (before: %s ms) | %s |",
              d.path("window_seconds").asLong(),
              d.path("answers").asLong(),
              fmt(during.path("reload_ms").asDouble() / 1000),
              fewest,
              d.path("window_seconds").asLong(),
              errors,
              fmt(during.path("longest_gc_pause_ms").asDouble()),
              fmt(d.path("longest_gap_ms").asDouble()),
              fmt(during.path("before").path("longest_gap_ms").asDouble()),
              fewest > 0 && errors == 0 ? "met" : "missed"));
    }
    if (r.served != null) {
      LoadClient.Result l = r.served.load();
      String t = String.format(Locale.ROOT, "%.0f answers/s", l.throughput());
      line(
          "| `/api/ask` throughput, "
              + l.clients()
              + " clients | ≥ 2,000 answers/s | "
              + t
              + " | "
              + (l.throughput() >= 2000
                  ? "met"
                  : String.format(
                      Locale.ROOT,
                      "missed by %.0f answers/s (%.0f%% of the goal)",
                      2000 - l.throughput(),
                      100 * l.throughput() / 2000))
              + " |");
      row(
          "`/api/ask` p99, " + l.clients() + " clients",
          50,
          "ms",
          l.latency().p99(),
          l.errors() + " errors");
    } else {
      line(
          "| `/api/ask` at 16 clients | ≥ 2,000 answers/s, p99 < 50 ms | – | "
              + r.servedSkipped
              + " |");
    }
    for (String corpus : List.of("seeds", "10k", "100k")) {
      InProcessSuite.Measurement ours = r.jmh("AnswerBenchmark.ask", corpus);
      InProcessSuite.Measurement base = r.jmh("BaselineBenchmark.top", corpus);
      if (ours != null && base != null) {
        double p50 = ours.p50() / base.p50();
        double p99 = ours.p99() / base.p99();
        line(
            String.format(
                Locale.ROOT,
                "| %s: our latency vs the plain BM25 baseline | ≤ 3x | %.1fx at p50, %.1fx at p99;"
                    + " CPU time %.1fx, %.1fx | %s |",
                corpus,
                p50,
                p99,
                ours.cpuP50() / base.cpuP50(),
                ours.cpuP99() / base.cpuP99(),
                p50 <= 3
                    ? "met"
                    : String.format(Locale.ROOT, "missed: %.1fx the goal at p50", p50 / 3)));
      }
    }
    r.quality.forEach(
        (corpus, q) ->
            line(
                String.format(
                    Locale.ROOT,
                    "| %s: dev-set correct@1, ours vs baseline | far better | %d/%d vs %d/%d; off-topic declined %d/%d vs %d/%d | %s |",
                    corpus,
                    q.ours().correct1(),
                    q.ours().inScope(),
                    q.baseline().correct1(),
                    q.baseline().inScope(),
                    q.ours().abstained(),
                    q.ours().offTopic(),
                    q.baseline().abstained(),
                    q.baseline().offTopic(),
                    q.ours().correct1() > q.baseline().correct1()
                            || q.ours().abstained() > q.baseline().abstained()
                        ? "better"
                        : "not better")));
    line("");
  }

  private void latency() {
    line("## Answer latency, in-process (JMH)");
    line("");
    line(
        "JMH `SampleTime`, one thread asking one question after another from a rotating list (the 32 dev-set");
    line(
        "questions on the seeds; those and "
            + String.format(Locale.ROOT, "%,d", Corpora.GENERATED_QUESTIONS)
            + " generated questions on the generated corpora, which include the four seed");
    line(
        "articles, so that a run seldom repeats a question), one fork per row with `-Xms` = `-Xmx`. Ours is `AnswerService.ask` (question");
    line(
        "analysis, BM25 search, re-ranking, quotes) on the index on disk; the baseline is plain Lucene BM25");
    line(
        "(StandardAnalyzer, k1=0.9, b=0.4) over raw paragraphs in memory, top paragraph as the answer.");
    line("");
    line(
        "Wall time is what JMH samples; CPU time is the answering thread's own (ThreadMXBean) for the");
    line("same operations: on a shared machine the difference is time spent waiting for a core.");
    line("");
    line(
        "| corpus | articles | passages | answerer | heap | p50 | p99 | mean | CPU p50 | CPU p99 | samples |");
    line("| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (InProcessSuite.Measurement m : r.jmh) {
      boolean ours = m.benchmark().equals("AnswerBenchmark.ask");
      if (!ours && !m.benchmark().equals("BaselineBenchmark.top")) {
        continue;
      }
      Report.CorpusSize c = r.corpus(m.corpus());
      line(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %,d |",
              m.corpus(),
              c == null ? "–" : String.format(Locale.ROOT, "%,d", c.articles()),
              c == null ? "–" : String.format(Locale.ROOT, "%,d", c.passages()),
              ours ? "tradebot" : "plain BM25",
              m.heap(),
              fmt(ms(m.p50())),
              fmt(ms(m.p99())),
              fmt(ms(m.mean())),
              fmt(ms(m.cpuP50())),
              fmt(ms(m.cpuP99())),
              m.samples()));
    }
    line("");
  }

  private void quality() {
    if (r.quality.isEmpty()) {
      return;
    }
    line("## Quality on the dev set, same run");
    line("");
    line(
        "`src/test/resources/eval/dev.jsonl` (24 in-scope and 8 off-topic questions), scored as `tradebot eval` scores");
    line(
        "(`eval --baseline` for the baseline). On `10k` the seed articles sit among 10,000 generated ones.");
    line("");
    line("| corpus | answerer | correct@1 | correct@3 | off-topic declined | summary |");
    line("| --- | --- | ---: | ---: | ---: | --- |");
    r.quality.forEach(
        (corpus, q) -> {
          for (var e :
              List.of(
                  java.util.Map.entry("tradebot", q.ours()),
                  java.util.Map.entry("plain BM25", q.baseline()))) {
            Quality.Score s = e.getValue();
            line(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %d/%d | %d/%d | %d/%d | %s |",
                    corpus,
                    e.getKey(),
                    s.correct1(),
                    s.inScope(),
                    s.correct3(),
                    s.inScope(),
                    s.abstained(),
                    s.offTopic(),
                    s.summary()));
          }
        });
    line("");
  }

  private void throughput() {
    List<String> rows = new ArrayList<>();
    for (InProcessSuite.Measurement m : r.jmh) {
      Report.CorpusSize c = r.corpus(m.corpus());
      String what =
          switch (m.benchmark()) {
            case "IngestBenchmark.ingest" ->
                "ingestion (read, clean, split, figures, passages; all cores)";
            case "IngestBenchmark.buildCorpus" ->
                "first start: ingestion, then a new on-disk index";
            case "IndexBuildBenchmark.build" -> "index build alone (passages ingested beforehand)";
            default -> null;
          };
      if (what == null) {
        continue;
      }
      String rate =
          c == null
              ? "–"
              : String.format(
                  Locale.ROOT,
                  "%,.0f articles/s, %,.0f passages/s",
                  c.articles() / (m.p50() / 1e6),
                  c.passages() / (m.p50() / 1e6));
      rows.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s s | %s | %d |",
              what,
              m.corpus(),
              m.heap(),
              fmt(m.p50() / 1e6),
              rate,
              m.samples()));
    }
    r.builds.forEach(
        b -> {
          Report.CorpusSize c = r.corpus(b.corpus());
          double s = b.took().toNanos() / 1e9;
          rows.add(
              String.format(
                  Locale.ROOT,
                  "| `tradebot index --force` in its own JVM (start-up included); peak RSS %d MB | %s | %s | %s s | %s | 1 |",
                  b.peakRssMb(),
                  b.corpus(),
                  b.heap(),
                  fmt(s),
                  c == null
                      ? b.summary()
                      : String.format(
                          Locale.ROOT,
                          "%,.0f articles/s, %,.0f passages/s",
                          c.articles() / s,
                          c.passages() / s)));
        });
    if (rows.isEmpty()) {
      return;
    }
    line("## Ingestion and index build");
    line("");
    line(
        "JMH `SingleShotTime` (the time of one pass over the corpus; the median of the runs), and the CLI build");
    line("at scale in a JVM limited to -Xmx" + BenchRunner.HEAP + ".");
    line("");
    line("| what | corpus | heap | time | throughput | runs |");
    line("| --- | --- | --- | ---: | --- | ---: |");
    rows.forEach(this::line);
    line("");
    r.corpora.forEach(
        c ->
            line(
                String.format(
                    Locale.ROOT,
                    "- `%s`: %,d articles, %,d passages, %.1f MB of files",
                    c.name(),
                    c.articles(),
                    c.passages(),
                    c.bytes() / 1e6)));
    line("");
  }

  private void reload() {
    InProcessSuite.Measurement m = r.jmh("ReloadBenchmark.changed", "seeds");
    if (m == null && r.reloadUnderLoad.isEmpty()) {
      return;
    }
    line("## Reload");
    line("");
    if (m != null) {
      line(
          String.format(
              Locale.ROOT,
              "Seeds, JMH `SampleTime`: one article changed, then `CorpusManager.reload` (fingerprint, ingest,"
                  + " build beside the serving index, swap): p50 %s ms, p99 %s ms over %d reloads (-Xmx%s).",
              fmt(ms(m.p50())),
              fmt(ms(m.p99())),
              m.samples(),
              m.heap()));
      line("");
    }
    if (!r.reloadUnderLoad.isEmpty()) {
      line(
          "Reload under load (`tradebot.bench.ReloadUnderLoad`, its own JVM with a GC log): client threads ask");
      line(
          "without pause; one article is added and a reload builds the new index beside the old one, which");
      line(
          "serves until the swap. A pause would show as a 10 s window without an answer or a long GC pause.");
      line("");
      line(
          "| corpus | heap | clients | reload | phase | answers | p50 | p99 | max | fewest answers in a 10 s window | longest stretch without an answer | longest GC pause | errors |");
      line(
          "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      r.reloadUnderLoad.forEach(
          (corpus, j) -> {
            for (String phase : List.of("before", "during")) {
              JsonNode p = j.path(phase);
              line(
                  String.format(
                      Locale.ROOT,
                      "| %s | %s | %d | %s | %s | %,d | %s ms | %s ms | %s ms | %s | %s ms | %s | %d |",
                      corpus,
                      r.reloadHeap.get(corpus),
                      j.path("clients").asInt(),
                      phase.equals("during")
                          ? fmt(j.path("reload_ms").asDouble() / 1000)
                              + " s ("
                              + j.path("outcome").asText()
                              + ")"
                          : "",
                      phase.equals("before")
                          ? "before (" + fmt(p.path("seconds").asDouble()) + " s)"
                          : "during the reload",
                      p.path("answers").asLong(),
                      fmt(p.path("p50_ms").asDouble()),
                      fmt(p.path("p99_ms").asDouble()),
                      fmt(p.path("max_ms").asDouble()),
                      p.path("seconds").asDouble() < p.path("window_seconds").asDouble()
                          ? "– (shorter)"
                          : Long.toString(p.path("slowest_window_answers").asLong()),
                      fmt(p.path("longest_gap_ms").asDouble()),
                      phase.equals("during")
                          ? fmt(j.path("longest_gc_pause_ms").asDouble()) + " ms (whole run)"
                          : "",
                      p.path("errors").asLong()));
            }
          });
      line("");
    }
  }

  private void endToEnd() {
    line("## End to end");
    line("");
    line(
        "The production jar (`"
            + r.appJar
            + "`) on the seeds, in its own JVM, index already on disk.");
    line("");
    for (Report.Startup s : r.startups) {
      line(
          String.format(
              Locale.ROOT,
              "- start-up to %s, %s: median %s ms; runs: %s ms",
              s.until(),
              s.how(),
              fmt(median(s.runs())),
              String.join(", ", s.runs().stream().map(d -> fmt(d.toNanos() / 1e6)).toList())));
    }
    if (r.loaded != null) {
      line(
          String.format(
              Locale.ROOT,
              "- after loading and one answer (`ask`, -Xmx%s): RSS %s MB, heap used after a full GC %s MB",
              r.e2eHeap,
              r.loaded.rssMb().map(String::valueOf).orElse("–"),
              r.loaded.heapMb().map(String::valueOf).orElse("–")));
    }
    if (r.served != null) {
      EndToEnd.Served s = r.served;
      LoadClient.Result l = s.load();
      line(
          String.format(
              Locale.ROOT,
              "- `serve` of `%s` (-Xmx%s): ready (`/readyz` 200) %s ms after launch; RSS %s MB, heap used after a full GC %s MB",
              r.serveJar,
              BenchRunner.HEAP,
              fmt(s.ready().toNanos() / 1e6),
              s.rssMb().map(String::valueOf).orElse("–"),
              s.heapMb().map(String::valueOf).orElse("–")));
      line(
          String.format(
              Locale.ROOT,
              "- `POST /api/ask`, %d concurrent clients (Java load client `tradebot.bench.LoadClient`, closed loop, loopback,"
                  + " same machine), %s s measured after a warm-up: %,.0f answers/s, p50 %s ms, p99 %s ms, max %s ms, %d errors, %d resent once on a closed kept-alive connection, statuses %s",
              l.clients(),
              fmt(l.measured().toNanos() / 1e9),
              l.throughput(),
              fmt(l.latency().p50()),
              fmt(l.latency().p99()),
              fmt(l.latency().max()),
              l.errors(),
              l.resent(),
              l.statuses()));
    } else {
      line("- `/api/ask` under load: " + r.servedSkipped);
    }
    line("");
  }

  private void row(String what, double goal, String unit, double measured, String note) {
    String verdict;
    if (Double.isNaN(measured)) {
      verdict = "not measured";
    } else if (measured <= goal) {
      verdict = "met";
    } else {
      verdict =
          String.format(
              Locale.ROOT,
              "missed by %s %s (%.1fx the goal)",
              fmt(measured - goal),
              unit,
              measured / goal);
    }
    String goalText =
        unit.equals("ms") && goal >= 1000
            ? "≤ " + fmt(goal / 1000) + " s"
            : "≤ " + fmt(goal) + " " + unit;
    String value =
        unit.equals("ms") && measured >= 1000
            ? fmt(measured / 1000) + " s"
            : fmt(measured) + " " + unit;
    line(
        "| "
            + what
            + " | "
            + goalText
            + " | "
            + value
            + (note.isEmpty() ? "" : "; " + note)
            + " | "
            + verdict
            + " |");
  }

  private String loads() {
    List<String> parts = new ArrayList<>();
    r.load.forEach((step, load) -> parts.add(step + " " + load));
    return String.join("; ", parts);
  }

  private static double median(List<Duration> runs) {
    List<Long> sorted = runs.stream().map(Duration::toNanos).sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
  }

  /** JMH figures are in microseconds. */
  private static double ms(double micros) {
    return micros / 1000;
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    double a = Math.abs(v);
    String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, v);
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    return s >= 60
        ? s / 60 + " min " + s % 60 + " s"
        : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private void line(String s) {
    md.append(s).append('\n');
  }
}
