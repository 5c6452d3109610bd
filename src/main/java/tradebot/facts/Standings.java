package tradebot.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out the level of one direction as of a day, walking its events in date order: a rate in
 * effect, announced or reduced to sets the level; a threat never does and stays pending; a
 * suspension cancels a planned change (the level falls back to what it was) or suspends the level
 * in effect. Thread-safe: no state.
 */
final class Standings {
  private static final double EPSILON = 1e-9;

  /** One step of a direction's level over time, for the chart; {@code percent} 0 when suspended. */
  record Step(LocalDate date, double percent, TariffEvent event) {}

  /** The standing as of a day and the steps that led there. */
  record Result(TariffTimeline.Standing standing, List<Step> steps) {}

  private Standings() {}

  /**
   * The standing of {@code direction} as of {@code today}.
   *
   * @param events the direction's events in timeline order
   * @param sameDateDays how far apart sources may be and still be of about the same date
   */
  static Result of(
      TariffTimeline.Direction direction,
      List<TariffEvent> events,
      LocalDate today,
      int sameDateDays) {
    List<TariffEvent> known =
        events.stream().filter(e -> !e.source().published().isAfter(today)).toList();
    Map<TariffEvent, TariffEvent> voided = cancelledPlans(known);
    Deque<TariffEvent> levels = new ArrayDeque<>();
    List<TariffEvent> threats = new ArrayList<>();
    List<TariffEvent> cancellations = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    TariffEvent replaced = null;
    for (TariffEvent e : known) {
      switch (e.status()) {
        case THREATENED -> threats.add(e);
        case IN_EFFECT, ANNOUNCED, REDUCED -> {
          if (e.setsLevel() && !voided.containsKey(e)) {
            levels.push(e);
            replaced = null;
            steps.add(new Step(e.when(), e.levelPercent(), e));
          }
        }
        case SUSPENDED -> {
          TariffEvent plan = planCancelledBy(voided, e);
          TariffEvent top = levels.peek();
          if (plan != null) {
            cancellations.add(e);
            if (plan.fromPercent() != null
                && (top == null || !close(top.levelPercent(), plan.fromPercent()))) {
              levels.push(plan.priorLevel()); // "to 30% from 25%": 25% stays
              replaced = null;
            }
            TariffEvent back = levels.peek();
            steps.add(new Step(e.when(), back == null ? 0 : back.levelPercent(), e));
          } else if (top != null
              && top.status() != TariffTimeline.Status.SUSPENDED
              && sameRate(e, top)) {
            replaced = top;
            levels.push(e);
            steps.add(new Step(e.when(), 0, e));
          }
        }
      }
    }
    TariffEvent level = levels.peek();
    List<TariffEvent> pending = new ArrayList<>();
    for (TariffEvent t : threats) {
      if (level == null || !t.when().isBefore(level.when())) {
        pending.add(t);
      }
    }
    List<TariffEvent> disagreeing =
        level == null || !level.setsLevel()
            ? List.of()
            : disagreeing(level, known, voided.keySet(), sameDateDays);
    TariffTimeline.Standing standing =
        new TariffTimeline.Standing(
            direction,
            level,
            level != null && level.status() == TariffTimeline.Status.SUSPENDED ? replaced : null,
            disagreeing,
            pending,
            cancellations);
    return new Result(standing, steps);
  }

  /**
   * The plans each suspension cancels: of the levels announced by the suspension's article date and
   * not yet in effect on the suspension's date, the most recently announced one with the
   * suspension's rate (any rate when it names none). Keyed by the cancelled plan.
   */
  private static Map<TariffEvent, TariffEvent> cancelledPlans(List<TariffEvent> known) {
    Map<TariffEvent, TariffEvent> voided = new IdentityHashMap<>();
    for (TariffEvent s : known) {
      if (s.status() != TariffTimeline.Status.SUSPENDED) {
        continue;
      }
      TariffEvent plan = null;
      for (TariffEvent e : known) {
        boolean pendingThen =
            e.effective() != null
                ? !e.effective().isBefore(s.when())
                : e.status() == TariffTimeline.Status.ANNOUNCED;
        if (e.setsLevel()
            && pendingThen
            && !voided.containsKey(e)
            && !e.source().published().isAfter(s.source().published())
            && sameRate(s, e)
            && (plan == null || !e.source().published().isBefore(plan.source().published()))) {
          plan = e;
        }
      }
      if (plan != null) {
        voided.put(plan, s);
      }
    }
    return voided;
  }

  private static TariffEvent planCancelledBy(Map<TariffEvent, TariffEvent> voided, TariffEvent s) {
    for (Map.Entry<TariffEvent, TariffEvent> e : voided.entrySet()) {
      if (e.getValue() == s) {
        return e.getKey();
      }
    }
    return null;
  }

  /** A suspension names no rate, or the rate of the level it suspends. */
  private static boolean sameRate(TariffEvent suspension, TariffEvent level) {
    Double r = suspension.ratePercent();
    return r == null || close(r, level.ratePercent()) || close(r, level.levelPercent());
  }

  /** Whether {@code level} was still a plan when {@code suspension} came. */
  private static boolean planned(TariffEvent level, TariffEvent suspension) {
    if (level.effective() != null) {
      return level.effective().isAfter(suspension.when());
    }
    return level.status() == TariffTimeline.Status.ANNOUNCED;
  }

  /**
   * Levels from other articles of about the same date that give another figure: "when sources of
   * about the same date disagree, show both". A figure that is the level's own prior level ("to
   * 125% from 104%") is a step, not a disagreement.
   */
  private static List<TariffEvent> disagreeing(
      TariffEvent level, List<TariffEvent> events, Set<TariffEvent> voided, int days) {
    Map<String, TariffEvent> byArticle = new LinkedHashMap<>();
    for (TariffEvent e : events) {
      if (!e.setsLevel()
          || voided.contains(e)
          || e.source().id().equals(level.source().id())
          || Math.abs(ChronoUnit.DAYS.between(e.when(), level.when())) > days
          || Math.abs(ChronoUnit.DAYS.between(e.source().published(), level.source().published()))
              > days
          || close(e.levelPercent(), level.levelPercent())
          || close(e.levelPercent(), level.fromPercent())) {
        continue;
      }
      byArticle.put(e.source().id(), e); // the article's latest figure
    }
    return List.copyOf(byArticle.values());
  }

  static boolean close(Double a, Double b) {
    return a != null && b != null && Math.abs(a - b) < EPSILON;
  }
}
