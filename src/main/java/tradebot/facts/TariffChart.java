package tradebot.facts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the tariff levels of each direction over time as a PNG step chart: the lines of {@link
 * ChartSeries}, solid or dashed (no newer article confirms the level), the first widest so that a
 * level two directions share shows both colours; one marker per source with its outlet and date
 * beside it. Sized for a chat embed (1000x500). Thread-safe: a new chart per call.
 */
final class TariffChart {
  private static final float[] DASH = {14f, 9f};
  private static final String FONT = Font.SANS_SERIF;

  private TariffChart() {}

  static byte[] render(
      TariffTimeline t, Clock clock, TariffTimeline.Direction only, int width, int height) {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException("chart must be at least 200x150: " + width + "x" + height);
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // servers have no display
    }
    LocalDate today = LocalDate.now(clock);
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title(t, only))
            .xAxisTitle("Date (effective, else published); dashed: no newer article confirms it")
            .yAxisTitle("Tariff rate (%)")
            .build();
    style(chart);
    List<ChartSeries.Line> lines = ChartSeries.of(t, clock, only);
    double max = 0;
    LocalDate first = today;
    LocalDate last = today;
    for (ChartSeries.Line line : lines) {
      for (ChartSeries.Segment s : line.segments()) {
        max = Math.max(max, s.percent());
        first = s.from().isBefore(first) ? s.from() : first;
        last = s.to().isAfter(last) ? s.to() : last;
      }
    }
    double top = Math.max(10, Math.ceil(max * 1.25 / 10) * 10);
    long span = Math.max(30, last.toEpochDay() - first.toEpochDay());
    LocalDate from = first.minusDays(span / 12);
    LocalDate to = last.plusDays(span / 12);
    Axes axes = new Axes(from, to, width - 140, height - 135, top);
    Labels labels = new Labels(axes, lines.size());
    for (ChartSeries.Line line : lines) {
      draw(chart, t, line);
    }
    for (int row = 0; row < lines.size(); row++) {
      TariffTimeline.Direction d = lines.get(row).direction();
      markers(chart, t, d, t.steps(clock, d), lines.get(row).colour(), row, labels);
    }
    if (lines.isEmpty()) {
      XYSeries none =
          chart.addSeries(
              "no tariff levels in the loaded articles", List.of(date(today)), List.of(0.0));
      none.setMarker(SeriesMarkers.NONE);
    }
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(top);
    chart.getStyler().setXAxisMin((double) date(from).getTime());
    chart.getStyler().setXAxisMax((double) date(to).getTime());
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the tariff chart", e);
    }
  }

  /**
   * Draws a line as step series: one for each run of solid or dashed segments, the first named in
   * the legend. A run ends where the next begins, at the next run's level, so that the rise between
   * them is drawn (solid when the solid run ends with it).
   */
  private static void draw(XYChart chart, TariffTimeline t, ChartSeries.Line line) {
    String name = t.name(line.direction().imposer()) + " on " + t.name(line.direction().target());
    List<ChartSeries.Segment> segments = line.segments();
    int start = 0;
    int run = 0;
    while (start < segments.size()) {
      int stop = start;
      while (stop < segments.size()
          && segments.get(stop).dashed() == segments.get(start).dashed()) {
        stop++;
      }
      List<Date> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (ChartSeries.Segment s : segments.subList(start, stop)) {
        xs.add(date(s.from()));
        ys.add(s.percent());
      }
      ChartSeries.Segment end =
          stop < segments.size() ? segments.get(stop) : segments.get(stop - 1);
      xs.add(date(stop < segments.size() ? end.from() : end.to()));
      ys.add(end.percent());
      boolean dashed = segments.get(start).dashed();
      XYSeries series = chart.addSeries(run == 0 ? name : name + " (" + run + ")", xs, ys);
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(line.colour());
      series.setLineStyle(
          dashed
              ? new BasicStroke(
                  line.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f)
              : new BasicStroke(line.width()));
      series.setShowInLegend(run == 0);
      start = stop;
      run++;
    }
  }

  /** The plot's scale in pixels (approximate: XChart lays out the axes itself). */
  private record Axes(LocalDate from, LocalDate to, int plotWidthPx, int plotHeightPx, double top) {
    double daysPerPx() {
      return (double) Math.max(1, to.toEpochDay() - from.toEpochDay()) / plotWidthPx;
    }

    double xPx(LocalDate d) {
      return (d.toEpochDay() - from.toEpochDay()) / daysPerPx();
    }

    double yPx(double percent) {
      return (1 - percent / top) * plotHeightPx;
    }
  }

  /**
   * Places marker labels where they fit: beside the marker, above or below, never over another
   * label or the legend; a label that fits nowhere is left out (its marker stays).
   */
  private static final class Labels {
    private static final double CHAR_PX = 7.3;
    private static final double HEIGHT_PX = 17;
    private final Axes axes;
    private final List<double[]> taken = new ArrayList<>(); // x0, y0, x1, y1 in plot pixels

    Labels(Axes axes, int legendRows) {
      this.axes = axes;
      taken.add(new double[] {0, 0, 215, 12 + 24.0 * legendRows}); // the legend, top left
    }

    /** The data point to centre {@code label} on near the marker at (date, percent), or null. */
    double[] place(String label, LocalDate date, double percent, boolean above) {
      double w = label.length() * CHAR_PX + 6;
      double mx = axes.xPx(date);
      double my = axes.yPx(percent);
      double side = mx < axes.plotWidthPx() / 2.0 ? 1 : -1;
      double up = above ? -1 : 1;
      double[][] offsets = {
        {side * (w / 2 + 8), up * 14}, {side * (w / 2 + 8), -up * 14},
        {0, up * 22}, {0, -up * 22},
        {-side * (w / 2 + 8), up * 14}, {-side * (w / 2 + 8), -up * 14}
      };
      for (double[] o : offsets) {
        double cx = mx + o[0];
        double cy = my + o[1];
        double[] box = {cx - w / 2, cy - HEIGHT_PX / 2, cx + w / 2, cy + HEIGHT_PX / 2};
        if (box[0] < 0
            || box[2] > axes.plotWidthPx()
            || box[1] < 0
            || box[3] > axes.plotHeightPx()) {
          continue;
        }
        if (taken.stream()
            .noneMatch(t -> t[0] < box[2] && box[0] < t[2] && t[1] < box[3] && box[1] < t[3])) {
          taken.add(box);
          double days = axes.from().toEpochDay() + cx * axes.daysPerPx();
          return new double[] {days * 86_400_000d, axes.top() * (1 - cy / axes.plotHeightPx())};
        }
      }
      return null;
    }
  }

  /** One marker per source (its last step of the direction), labelled with outlet and date. */
  private static void markers(
      XYChart chart,
      TariffTimeline t,
      TariffTimeline.Direction d,
      List<Standings.Step> steps,
      Color c,
      int row,
      Labels labels) {
    Map<String, Standings.Step> bySource = new LinkedHashMap<>();
    steps.forEach(s -> bySource.put(s.event().source().id(), s));
    List<Date> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Standings.Step s : bySource.values()) {
      xs.add(date(s.date()));
      ys.add(s.percent());
      String label =
          shortOutlet(s.event().source().outlet()) + " " + s.event().source().published();
      double[] at = labels.place(label, s.date(), s.percent(), row % 2 == 0);
      if (at != null) {
        chart.addAnnotation(new AnnotationText(label, at[0], at[1], false));
      }
    }
    XYSeries points =
        chart.addSeries(t.name(d.imposer()) + " on " + t.name(d.target()) + " sources", xs, ys);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(row % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
    points.setMarkerColor(c);
    points.setShowInLegend(false);
  }

  private static void style(XYChart chart) {
    var st = chart.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderVisible(false);
    st.setPlotGridLinesColor(new Color(0xDDDDDD));
    st.setChartTitleFont(new Font(FONT, Font.BOLD, 22));
    st.setChartTitleBoxVisible(false);
    st.setAxisTitleFont(new Font(FONT, Font.PLAIN, 16));
    st.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 15));
    st.setLegendFont(new Font(FONT, Font.PLAIN, 16));
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    st.setLegendBorderColor(new Color(0xBBBBBB));
    st.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 13));
    st.setAnnotationTextFontColor(new Color(0x333333));
    st.setMarkerSize(12);
    st.setDatePattern("MMM yyyy");
    st.setYAxisDecimalPattern("#'%'");
    st.setChartPadding(14);
    st.setAntiAlias(true);
  }

  private static String title(TariffTimeline t, TariffTimeline.Direction only) {
    return only == null
        ? "Tariff levels over time"
        : "Tariffs: " + t.name(only.imposer()) + " on " + t.name(only.target());
  }

  private static String shortOutlet(String outlet) {
    String s = outlet.replaceAll("\\s*\\(.*\\)\\s*", " ").strip();
    return s.length() > 22 ? s.substring(0, 21) + "…" : s;
  }

  private static Date date(LocalDate d) {
    return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
