package tradebot.facts;

import java.awt.Color;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tariff chart draws, as data: one line per direction with a level, its levels as segments
 * in date order, each solid up to the newest article that reports on the direction and dashed after
 * it, since no article confirms the level there (to today, or past a level announced for a later
 * day). Lines that share a level must both stay visible: the first line is the widest, each later
 * one narrower, drawn on top. Thread-safe: no state.
 */
final class ChartSeries {
  private static final Color[] COLORS = {
    new Color(0xC0392B), new Color(0x1F5FA8), new Color(0x2E8B57), new Color(0x8E44AD),
    new Color(0xD68910), new Color(0x17A589), new Color(0x7B7D7D), new Color(0xA04000)
  };

  /** Line widths by row: each narrower than the one under it, so that a shared level shows both. */
  private static final float[] WIDTHS = {8f, 4f, 2f};

  private ChartSeries() {}

  /**
   * One direction's line as drawn.
   *
   * @param direction who on whom
   * @param colour the line's colour (the row's)
   * @param width the line's width in pixels
   * @param confirmedUntil the date of the newest article that reports on the direction: the line is
   *     solid up to it, dashed after
   * @param segments the levels in date order, each held from one day to the next step's
   */
  record Line(
      TariffTimeline.Direction direction,
      Color colour,
      float width,
      LocalDate confirmedUntil,
      List<Segment> segments) {
    Line {
      segments = List.copyOf(segments);
    }
  }

  /**
   * A level held from {@code from} to {@code to}; {@code dashed} when it lies after the newest
   * article about its direction (unconfirmed).
   */
  record Segment(LocalDate from, LocalDate to, double percent, boolean dashed) {
    Segment {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("segment ends before it starts: " + from + " to " + to);
      }
    }
  }

  /**
   * The lines {@link TariffChart} draws, in drawing order (the order of {@link
   * TariffTimeline#directions}), of every direction with a level, or of {@code only}.
   */
  static List<Line> of(TariffTimeline t, Clock clock, TariffTimeline.Direction only) {
    LocalDate today = LocalDate.now(clock);
    List<Line> out = new ArrayList<>();
    for (TariffTimeline.Direction d : t.directions()) {
      List<Standings.Step> steps = only != null && !only.equals(d) ? List.of() : t.steps(clock, d);
      if (steps.isEmpty()) {
        continue;
      }
      LocalDate confirmed =
          t.history(clock, d).stream()
              .map(e -> e.source().published())
              .max(LocalDate::compareTo)
              .orElseThrow();
      LocalDate firstDay = steps.getFirst().date();
      LocalDate lastDay = steps.getLast().date();
      // A level announced for a later day is drawn a little way past that day, so that it shows.
      LocalDate end =
          lastDay.isAfter(today)
              ? lastDay.plusDays(Math.max(30, (lastDay.toEpochDay() - firstDay.toEpochDay()) / 20))
              : today;
      List<Segment> segments = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        LocalDate from = steps.get(i).date();
        LocalDate to = i + 1 < steps.size() ? steps.get(i + 1).date() : end;
        double percent = steps.get(i).percent();
        if (from.isBefore(confirmed) && to.isAfter(confirmed)) {
          segments.add(new Segment(from, confirmed, percent, false));
          segments.add(new Segment(confirmed, to, percent, true));
        } else if (to.isAfter(from) || i == steps.size() - 1) {
          // a level of a later step of the same day replaces it: only the day's last is drawn
          segments.add(new Segment(from, to, percent, !from.isBefore(confirmed)));
        }
      }
      int row = out.size();
      out.add(
          new Line(
              d,
              COLORS[row % COLORS.length],
              WIDTHS[Math.min(row, WIDTHS.length - 1)],
              confirmed,
              segments));
    }
    return out;
  }
}
