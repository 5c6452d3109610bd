package tradebot.bench.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import tradebot.answer.Answer;
import tradebot.bench.BenchApp;

/**
 * Answer latency of the bot, one question after another on one thread, as {@code AnswerService.ask}
 * sees it (question analysis, search, re-ranking, quotes), over a rotating list of questions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerBenchmark {
  @Param("seeds")
  public String corpus;

  @Param("config")
  public String config;

  @Param("knowledge")
  public String knowledge;

  @Param("target/bench/data-seeds")
  public String data;

  @Param("target/bench/questions-seeds.txt")
  public String questions;

  private BenchApp app;
  private String[] asked;
  private int next;
  private final CpuTimes cpu = new CpuTimes();

  @Param("target/bench/jmh-work")
  public String work;

  @Setup(Level.Trial)
  public void start() throws IOException {
    app = BenchApp.start(Path.of(config), Path.of(knowledge), Path.of(data));
    asked = read(Path.of(questions));
  }

  @TearDown(Level.Trial)
  public void stop() throws java.io.IOException {
    cpu.write(Path.of(work), "AnswerBenchmark-" + corpus);
    app.close();
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    cpu.measuring(params.getType() == IterationType.MEASUREMENT);
  }

  @Benchmark
  public Answer ask() {
    String q = asked[next];
    next = (next + 1) % asked.length;
    long c0 = cpu.start();
    Answer result = app.answers().ask(q);
    cpu.stop(c0);
    return result;
  }

  static String[] read(Path file) throws IOException {
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no questions in " + file);
    }
    return lines.toArray(String[]::new);
  }
}
