package tradebot.bench.jmh;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import tradebot.bench.Corpora;
import tradebot.index.BaselineSearch;

/**
 * Answer latency of the reference point: plain Lucene BM25 (StandardAnalyzer) over raw paragraphs,
 * the top paragraph as the answer, on the same articles and questions as {@link AnswerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BaselineBenchmark {
  @Param("seeds")
  public String corpus;

  @Param("knowledge")
  public String knowledge;

  @Param("target/bench/questions-seeds.txt")
  public String questions;

  private BaselineSearch bm25;
  private String[] asked;
  private int next;
  private final CpuTimes cpu = new CpuTimes();

  @Param("target/bench/jmh-work")
  public String work;

  @Setup(Level.Trial)
  public void start() throws Exception {
    bm25 = BaselineSearch.build(Corpora.articles(Path.of(knowledge)));
    asked = AnswerBenchmark.read(Path.of(questions));
  }

  @TearDown(Level.Trial)
  public void stop() throws java.io.IOException {
    cpu.write(Path.of(work), "BaselineBenchmark-" + corpus);
    bm25.close();
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    cpu.measuring(params.getType() == IterationType.MEASUREMENT);
  }

  @Benchmark
  public Optional<BaselineSearch.Paragraph> top() {
    String q = asked[next];
    next = (next + 1) % asked.length;
    long c0 = cpu.start();
    Optional<BaselineSearch.Paragraph> result = bm25.top(q);
    cpu.stop(c0);
    return result;
  }
}
