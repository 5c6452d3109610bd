package tradebot.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import tradebot.bench.InProcessSuite;

/**
 * Runs the JMH benchmarks of a plan, each corpus and heap in its own forked JVM, and reads their
 * percentiles back. Found by the bench runner through {@link java.util.ServiceLoader}.
 */
public final class JmhSuite implements InProcessSuite {
  @Override
  public List<Measurement> run(Plan plan) throws Exception {
    List<Measurement> out = new ArrayList<>();
    for (Corpus c : plan.corpora()) {
      out.addAll(latency(plan, AnswerBenchmark.class, c, c.heap(), true));
      out.addAll(latency(plan, BaselineBenchmark.class, c, c.baselineHeap(), false));
    }
    Corpus in = plan.ingest();
    out.addAll(oneShot(plan, IngestBenchmark.class, in, in.heap()));
    out.addAll(oneShot(plan, IndexBuildBenchmark.class, in, in.baselineHeap()));
    Corpus r = plan.reload();
    ChainedOptionsBuilder reload =
        base(plan, ReloadBenchmark.class, r.name(), r.heap())
            .param("corpus", r.name())
            .param("config", plan.configDir().toString())
            .param("knowledge", r.knowledge().toString())
            .param("work", plan.work().toString())
            .warmupIterations(plan.quick() ? 1 : 2)
            .warmupTime(TimeValue.seconds(plan.quick() ? 2 : 3))
            .measurementIterations(plan.quick() ? 2 : 4)
            .measurementTime(TimeValue.seconds(plan.quick() ? 3 : 5));
    out.addAll(convert(new Runner(reload.build()).run(), r.heap()));
    return out;
  }

  private List<Measurement> latency(
      Plan plan, Class<?> benchmark, Corpus c, String heap, boolean ours) throws Exception {
    ChainedOptionsBuilder o =
        base(plan, benchmark, c.name(), heap)
            .param("corpus", c.name())
            .param("knowledge", c.knowledge().toString())
            .param("questions", c.questions().toString())
            .warmupIterations(plan.quick() ? 2 : 3)
            .warmupTime(TimeValue.seconds(plan.quick() ? 1 : 2))
            .measurementIterations(plan.quick() ? 3 : 5)
            .measurementTime(TimeValue.seconds(plan.quick() ? 2 : 3));
    o = o.param("work", plan.work().toString());
    if (ours) {
      o = o.param("config", plan.configDir().toString()).param("data", c.data().toString());
    }
    List<Measurement> out = new ArrayList<>();
    for (Measurement m : convert(new Runner(o.build()).run(), heap)) {
      double[] cpu = cpu(plan.work().resolve("cpu-" + benchmark.getSimpleName() + "-" + c.name()));
      out.add(
          new Measurement(
              m.benchmark(),
              m.corpus(),
              m.p50(),
              m.p99(),
              m.mean(),
              m.samples(),
              m.heap(),
              cpu[0],
              cpu[1]));
    }
    return out;
  }

  private List<Measurement> oneShot(Plan plan, Class<?> benchmark, Corpus c, String heap)
      throws Exception {
    ChainedOptionsBuilder o =
        base(plan, benchmark, c.name(), heap)
            .param("corpus", c.name())
            .param("config", plan.configDir().toString())
            .param("knowledge", c.knowledge().toString())
            .param("work", plan.work().toString())
            .warmupIterations(0) // one pass over a corpus is long enough to warm the JIT
            .measurementIterations(plan.quick() ? 1 : 2);
    return convert(new Runner(o.build()).run(), heap);
  }

  private static ChainedOptionsBuilder base(
      Plan plan, Class<?> benchmark, String corpus, String heap) {
    return new OptionsBuilder()
        .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
        .forks(1)
        .threads(1)
        .shouldFailOnError(true)
        .jvmArgs("-Xmx" + heap, "-Xms" + heap, "-XX:+UseG1GC")
        .timeout(TimeValue.minutes(30))
        .output(
            plan.logs()
                .resolve("jmh-" + benchmark.getSimpleName() + "-" + corpus + ".log")
                .toString())
        .timeUnit(TimeUnit.MICROSECONDS);
  }

  /** The CPU-time p50 and p99 the benchmark wrote, or NaN. */
  private static double[] cpu(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    String[] parts = Files.readString(file).strip().split(" ");
    Files.delete(file);
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }

  private static List<Measurement> convert(Collection<RunResult> results, String heap) {
    List<Measurement> out = new ArrayList<>();
    for (RunResult r : results) {
      Statistics s = r.getPrimaryResult().getStatistics();
      String name = r.getParams().getBenchmark();
      out.add(
          new Measurement(
              name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
              r.getParams().getParam("corpus"),
              s.getPercentile(50),
              s.getPercentile(99),
              s.getMean(),
              s.getN(),
              heap,
              Double.NaN,
              Double.NaN));
    }
    return out;
  }
}
