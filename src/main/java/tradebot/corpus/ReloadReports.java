package tradebot.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tradebot.knowledge.LoadError;

/** Builds {@link ReloadReport}s: what changed between two corpora, and failures. Thread-safe. */
final class ReloadReports {
  private ReloadReports() {}

  /** The report of a load that serves {@code now} in place of {@code old} (null at start-up). */
  static ReloadReport of(
      ReloadReport.Outcome outcome,
      Corpus old,
      Corpus now,
      List<LoadError> errors,
      String message,
      long t0) {
    Map<String, String> before = new HashMap<>();
    if (old != null) {
      old.articles().forEach(a -> before.put(a.source().id(), a.hash()));
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    Map<String, String> after = new HashMap<>();
    for (Corpus.ArticleInfo a : now.articles()) {
      after.put(a.source().id(), a.hash());
      String was = before.get(a.source().id());
      if (was == null) {
        added.add(a.source().id());
      } else if (!was.equals(a.hash())) {
        changed.add(a.source().id());
      }
    }
    List<String> removed =
        before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().toList();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    String line =
        String.format(
            "%s: %d articles, %d passages, %d figures (%d added, %d changed, %d removed), %d files skipped, %d ms",
            message,
            now.articles().size(),
            now.passageCount(),
            now.figureCount(),
            added.size(),
            changed.size(),
            removed.size(),
            errors.size(),
            took.toMillis());
    return new ReloadReport(
        outcome,
        now.version(),
        added,
        changed,
        removed,
        now.articles().size(),
        now.passageCount(),
        now.figureCount(),
        errors,
        line,
        took);
  }

  /** The report of a load that did not swap: {@code old} (null at start-up) keeps serving. */
  static ReloadReport failure(
      Corpus old, ReloadReport.Outcome outcome, String message, List<LoadError> errors, long t0) {
    return new ReloadReport(
        outcome,
        old == null ? "" : old.version(),
        List.of(),
        List.of(),
        List.of(),
        old == null ? 0 : old.articles().size(),
        old == null ? 0 : old.passageCount(),
        old == null ? 0 : old.figureCount(),
        errors,
        message,
        Duration.ofNanos(System.nanoTime() - t0));
  }
}
