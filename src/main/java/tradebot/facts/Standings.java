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
import java.util.Optional;
import java.util.Set;

/**
 * Works out the level of one direction as of a day, walking its events in date order: a rate in
 * effect, announced or reduced to sets the level; a threat never does and stays pending, and so
 * does a rate whose effective date is still to come; a suspension cancels a planned change (the
 * level falls back to what it was) or suspends the level in effect. Thread-safe: no state.
 */
final class Standings {
  private static final double EPSILON = 1e-9;

  /**
   * One step of a direction's level over time, for the chart; {@code percent} 0 when suspended. A
   * step dated after the day of the standing is a planned level, pending.
   */
  record Step(LocalDate date, double percent, TariffEvent event) {}

  /** The standing as of a day and the steps that led there. */
  record Result(TariffTimeline.Standing standing, List<Step> steps) {}

  private Standings() {}

  /**
   * The standing of {@code direction} as of {@code today}.
   *
   * @param events the direction's events in timeline order
   * @param sameDateDays how far apart sources may be and still be of about the same date
   * @param planWindowDays how long before a suspension the plan it cancels may be announced
   */
  static Result of(
      TariffTimeline.Direction direction,
      List<TariffEvent> events,
      LocalDate today,
      int sameDateDays,
      int planWindowDays) {
    List<TariffEvent> known =
        events.stream().filter(e -> !e.source().published().isAfter(today)).toList();
    Map<TariffEvent, TariffEvent> voided = cancelledPlans(known, planWindowDays);
    Deque<TariffEvent> levels = new ArrayDeque<>();
    List<TariffEvent> threats = new ArrayList<>();
    List<TariffEvent> planned = new ArrayList<>();
    List<TariffEvent> cancellations = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    TariffEvent replaced = null;
    for (TariffEvent e : known) {
      switch (e.status()) {
        case THREATENED -> threats.add(e);
        case IN_EFFECT, ANNOUNCED, REDUCED -> {
          if (e.setsLevel() && !voided.containsKey(e) && e.when().isAfter(today)) {
            planned.add(e); // announced for a day still to come: not in effect yet
            steps.add(new Step(e.when(), e.levelPercent(), e));
          } else if (e.setsLevel() && !voided.containsKey(e)) {
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
    pending.addAll(planned);
    pending.sort(TariffTimeline.ORDER);
    List<TariffEvent> inEffect =
        known.stream().filter(e -> !e.setsLevel() || !e.when().isAfter(today)).toList();
    List<TariffEvent> disagreeing =
        level == null || !level.setsLevel()
            ? List.of()
            : disagreeing(level, inEffect, voided.keySet(), sameDateDays);
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
   * The plan each suspension cancels: of the levels announced in the {@code windowDays} before the
   * suspension's article (and due no earlier than a quarter of that before it: a plan long in
   * effect is no plan), with the suspension's rate when it names one, the one that covers the same
   * amount, else the most recently announced. Keyed by the cancelled plan.
   */
  private static Map<TariffEvent, TariffEvent> cancelledPlans(
      List<TariffEvent> known, int windowDays) {
    Map<TariffEvent, TariffEvent> voided = new IdentityHashMap<>();
    for (TariffEvent s : known) {
      if (s.status() != TariffTimeline.Status.SUSPENDED) {
        continue;
      }
      LocalDate day = s.source().published();
      Optional<Double> amount = s.coveredAmount();
      TariffEvent plan = null;
      for (TariffEvent e : known) {
        if (!e.setsLevel()
            || e.status() != TariffTimeline.Status.ANNOUNCED
            || voided.containsKey(e)
            || e.source().published().isAfter(day)
            || e.source().published().isBefore(day.minusDays(windowDays))
            || e.when().isBefore(day.minusDays(windowDays / 4))
            || !sameRate(s, e)) {
          continue;
        }
        if (plan == null || rank(e, amount) >= rank(plan, amount)) {
          plan = e;
        }
      }
      if (plan != null) {
        voided.put(plan, s);
      }
    }
    return voided;
  }

  /** 1 when the plan covers the same amount as the suspension ("$250 billion", "$250bn"). */
  private static int rank(TariffEvent plan, Optional<Double> amount) {
    Optional<Double> planned = plan.coveredAmount();
    return amount.isPresent() && planned.isPresent() && Amounts.same(amount.get(), planned.get())
        ? 1
        : 0;
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
