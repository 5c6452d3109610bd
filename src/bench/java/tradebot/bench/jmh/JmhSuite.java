package tradebot.bench.jmh;

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
        base(plan, ReloadBenchmark.class, r.heap())
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
        base(plan, benchmark, heap)
            .param("corpus", c.name())
            .param("knowledge", c.knowledge().toString())
            .param("questions", c.questions().toString())
            .warmupIterations(plan.quick() ? 2 : 3)
            .warmupTime(TimeValue.seconds(plan.quick() ? 1 : 2))
            .measurementIterations(plan.quick() ? 3 : 5)
            .measurementTime(TimeValue.seconds(plan.quick() ? 2 : 3));
    if (ours) {
      o = o.param("config", plan.configDir().toString()).param("data", c.data().toString());
    }
    return convert(new Runner(o.build()).run(), heap);
  }

  private List<Measurement> oneShot(Plan plan, Class<?> benchmark, Corpus c, String heap)
      throws Exception {
    ChainedOptionsBuilder o =
        base(plan, benchmark, heap)
            .param("corpus", c.name())
            .param("config", plan.configDir().toString())
            .param("knowledge", c.knowledge().toString())
            .param("work", plan.work().toString())
            .warmupIterations(plan.quick() ? 0 : 1)
            .measurementIterations(plan.quick() ? 1 : 3);
    return convert(new Runner(o.build()).run(), heap);
  }

  private static ChainedOptionsBuilder base(Plan plan, Class<?> benchmark, String heap) {
    return new OptionsBuilder()
        .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
        .forks(1)
        .threads(1)
        .shouldFailOnError(true)
        .jvmArgs("-Xmx" + heap, "-Xms" + heap, "-XX:+UseG1GC")
        .timeout(TimeValue.minutes(30))
        .output(plan.log().toString())
        .timeUnit(TimeUnit.MICROSECONDS);
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
              r.getPrimaryResult().getScoreUnit(),
              s.getPercentile(50),
              s.getPercentile(99),
              s.getMean(),
              s.getN(),
              heap));
    }
    return out;
  }
}
