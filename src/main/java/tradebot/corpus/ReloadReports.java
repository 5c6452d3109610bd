package tradebot.corpus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tradebot.facts.TariffEvent;
import tradebot.facts.TariffTimeline;
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
      long t0,
      Clock clock) {
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
        took,
        newEvents(old, now, added, changed),
        levelChanges(old, now, clock));
  }

  /** Events of the added and changed articles that {@code old} did not hold, oldest first. */
  private static List<TariffEvent> newEvents(
      Corpus old, Corpus now, List<String> added, List<String> changed) {
    if (old == now) {
      return List.of();
    }
    Set<String> touched = new HashSet<>(added);
    touched.addAll(changed);
    Set<String> before = new HashSet<>();
    if (old != null) {
      old.tariffs().events().forEach(e -> before.add(key(e)));
    }
    return now.tariffs().events().stream()
        .filter(e -> touched.contains(e.source().id()) && !before.contains(key(e)))
        .sorted(Comparator.comparing(TariffEvent::when))
        .toList();
  }

  /** The directions whose latest level in effect is set by another event than before. */
  private static List<ReloadReport.LevelChange> levelChanges(Corpus old, Corpus now, Clock clock) {
    if (old == now) {
      return List.of();
    }
    Map<TariffTimeline.Direction, TariffEvent> before = new LinkedHashMap<>();
    if (old != null) {
      old.tariffs().latest(clock).forEach(s -> before.put(s.direction(), s.level()));
    }
    Map<TariffTimeline.Direction, TariffEvent> after = new LinkedHashMap<>();
    now.tariffs().latest(clock).forEach(s -> after.put(s.direction(), s.level()));
    Set<TariffTimeline.Direction> directions = new LinkedHashSet<>(after.keySet());
    directions.addAll(before.keySet());
    List<ReloadReport.LevelChange> out = new ArrayList<>();
    for (TariffTimeline.Direction d : directions) {
      TariffEvent was = before.get(d);
      TariffEvent is = after.get(d);
      if (!Objects.equals(was == null ? null : key(was), is == null ? null : key(is))) {
        out.add(new ReloadReport.LevelChange(d, was, is));
      }
    }
    return out;
  }

  /** What makes an event the same one in two corpora: its article, sentence and reading. */
  private static String key(TariffEvent e) {
    return e.source().id()
        + "\n"
        + e.quote()
        + "\n"
        + e.imposer()
        + e.target()
        + e.status()
        + e.ratePercent()
        + e.when();
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
        Duration.ofNanos(System.nanoTime() - t0),
        List.of(),
        List.of());
  }
}
