package tradebot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tradebot.answer.Answer;
import tradebot.corpus.ReloadReport;

/**
 * The bot's metrics, exposed in the Prometheus text format at {@code /metrics}: questions answered
 * and declined, answer latency, loads of the knowledge base and their outcome, what is loaded,
 * requests turned away by rate limits, HTTP requests and the JVM. One instance per running bot;
 * adapters report into it, the HTTP server scrapes it. Thread-safe.
 */
public final class Metrics implements AutoCloseable {
  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** The platforms whose rate-limit counter exists from the start (at zero). */
  private static final List<String> PLATFORMS = List.of("api", "discord", "slack");

  private static final Duration[] ANSWER_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter questions;
  private final Counter answered;
  private final Timer answerTime;
  private final AtomicInteger articles = new AtomicInteger();
  private final AtomicInteger passages = new AtomicInteger();
  private final AtomicInteger figures = new AtomicInteger();
  private final AtomicInteger skippedFiles = new AtomicInteger();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Metrics() {
    questions =
        Counter.builder("tradebot.questions").description("Questions asked").register(registry);
    answered =
        Counter.builder("tradebot.questions.answered")
            .description("Questions answered with quotes")
            .register(registry);
    for (String reason : List.of("not_found", "empty_question", "no_sources")) {
      declined(reason);
    }
    answerTime =
        Timer.builder("tradebot.answer")
            .description("Time to answer one question")
            .serviceLevelObjectives(ANSWER_BUCKETS)
            .register(registry);
    for (ReloadReport.Outcome o : ReloadReport.Outcome.values()) {
      reloads(o);
    }
    Gauge.builder("tradebot.articles", articles, AtomicInteger::get)
        .description("Articles serving")
        .register(registry);
    Gauge.builder("tradebot.passages", passages, AtomicInteger::get)
        .description("Passages serving")
        .register(registry);
    Gauge.builder("tradebot.figures", figures, AtomicInteger::get)
        .description("Figures serving")
        .register(registry);
    Gauge.builder("tradebot.knowledge.skipped.files", skippedFiles, AtomicInteger::get)
        .description("Knowledge files skipped at the last load")
        .register(registry);
    PLATFORMS.forEach(this::rateLimitCounter);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** Counts one answered, declined or refused question and its latency. */
  public void recordAnswer(Answer answer) {
    questions.increment();
    answerTime.record(answer.took());
    switch (answer) {
      case Answer.Answered a -> answered.increment();
      case Answer.NotFound nf -> declined("not_found").increment();
      case Answer.Refused r -> declined(r.reason().name().toLowerCase(Locale.ROOT)).increment();
    }
  }

  /** Counts one load of the knowledge base (start-up included) and sets what is now serving. */
  public void recordReload(ReloadReport report) {
    reloads(report.outcome()).increment();
    Timer.builder("tradebot.reload")
        .description("Time to (re)load the knowledge base")
        .tag("outcome", label(report.outcome()))
        .register(registry)
        .record(report.took());
    articles.set(report.articles());
    passages.set(report.passages());
    figures.set(report.figures());
    skippedFiles.set(report.errors().size());
  }

  /** Counts one request turned away by a rate limit on {@code platform} ("discord", "api", ...). */
  public void rateLimited(String platform) {
    rateLimitCounter(platform.toLowerCase(Locale.ROOT)).increment();
  }

  /**
   * Records one HTTP request.
   *
   * @param route the matched route ("/api/ask"), never the raw path: unknown paths are "other"
   */
  public void recordHttp(String method, String route, int status, long nanos) {
    Timer.builder("tradebot.http.requests")
        .description("HTTP requests served")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Every metric in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  private Counter declined(String reason) {
    return Counter.builder("tradebot.questions.declined")
        .description(
            "Questions declined: the sources do not cover them, or there was nothing to ask")
        .tag("reason", reason)
        .register(registry);
  }

  private Counter reloads(ReloadReport.Outcome outcome) {
    return Counter.builder("tradebot.reloads")
        .description("Loads of the knowledge base, start-up included, by outcome")
        .tag("outcome", label(outcome))
        .register(registry);
  }

  private Counter rateLimitCounter(String platform) {
    return Counter.builder("tradebot.rate.limited")
        .description("Requests turned away by a rate limit")
        .tag("platform", platform)
        .register(registry);
  }

  private static String label(ReloadReport.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
