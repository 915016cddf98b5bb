package dev.regconform.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code load.svg}: two charts of a load run, one above the other. Top: latency per operation, bars for p50, p95 and
 * p99 (the max written beside them), on one linear scale of milliseconds. Bottom: throughput over time, one line per
 * operation of the operations it completed in each whole second of the run (the last fraction of a second left out),
 * and a dashed red line of the errors when there were any.
 * Plain SVG 1.1 (no script, no font files), so a browser, an image viewer or a CI artifact page shows it as it is.
 */
public final class LoadChart {
  private static final int WIDTH = 900;
  private static final int LEFT = 70;
  private static final int RIGHT = 150;
  private static final String[] PERCENTILE_COLOURS = {"#9ecae1", "#4292c6", "#08519c"};
  private static final String[] OPERATION_COLOURS = {"#1b9e77", "#7570b3", "#d95f02", "#666666"};
  private static final String ERROR_COLOUR = "#e31a1c";

  private LoadChart() {}

  /** The SVG document. */
  public static String svg(LoadReport report) {
    List<OperationStats> ops = report.operations();
    int barsHeight = 40 + ops.size() * 60;
    int timelineTop = barsHeight + 40;
    int timelineHeight = 260;
    Svg svg = new Svg(WIDTH, timelineTop + timelineHeight + 50, "regconform load: " + report.mix() + ", "
        + report.concurrency() + " workers, " + LoadReport.shown(report.target()));
    latencyBars(svg, ops, 0);
    throughput(svg, report, timelineTop, timelineHeight);
    return svg.toString();
  }

  private static void latencyBars(Svg svg, List<OperationStats> ops, int top) {
    svg.text(LEFT, top + 20, "start", "bold", "Latency per operation (ms; operations that succeeded): p50, p95, p99");
    double scale = niceCeiling(ops.stream().mapToDouble(s -> s.latency().p99Ms()).max().orElse(0));
    double plotWidth = WIDTH - LEFT - RIGHT;
    double y = top + 40;
    for (OperationStats s : ops) {
      svg.text(LEFT - 8, y + 26, "end", s.operation().label());
      double[] values = {s.latency().p50Ms(), s.latency().p95Ms(), s.latency().p99Ms()};
      String[] names = {"p50", "p95", "p99"};
      for (int i = 0; i < values.length; i++) {
        double w = scale == 0 ? 0 : values[i] / scale * plotWidth;
        svg.rect(LEFT, y + i * 16, w, 14, PERCENTILE_COLOURS[i],
            s.operation().label() + " " + names[i] + " " + ms(values[i]) + " ms");
        svg.text(LEFT + w + 4, y + i * 16 + 11, "start", names[i] + " " + ms(values[i]));
      }
      svg.text(WIDTH - RIGHT + 10, y + 27, "start", "max " + ms(s.latency().maxMs()) + " ms");
      y += 60;
    }
    svg.line(LEFT, top + 36, LEFT, y - 8, "#333333");
    svg.text(WIDTH - RIGHT, top + 20, "end", "scale: 0 to " + ms(scale) + " ms");
  }

  private static void throughput(Svg svg, LoadReport report, int top, int height) {
    // Only whole seconds: the last one is usually a fraction (operations finishing after the deadline) and would look
    // like a collapse.
    long whole = report.result().elapsedNanos() / 1_000_000_000L;
    List<Timeline.Second> seconds = report.result().stats().timeline().seconds().stream()
        .filter(s -> s.index() < whole).toList();
    Operation[] ops = report.mix().operations();
    svg.text(LEFT, top + 10, "start", "bold", "Throughput: operations completed per second (whole seconds only)");
    if (seconds.isEmpty()) {
      svg.text(LEFT, top + 40, "start", "The run lasted less than a second: no throughput over time to show.");
      return;
    }
    double plotTop = top + 25;
    double plotBottom = top + height;
    double plotWidth = WIDTH - LEFT - RIGHT;
    long peak = 0;
    for (Timeline.Second s : seconds) {
      for (Operation op : ops) {
        peak = Math.max(peak, s.completed(op));
      }
      peak = Math.max(peak, s.errors());
    }
    double yMax = niceCeiling(Math.max(1, peak));
    int n = Math.max(1, seconds.size());
    double xStep = n == 1 ? 0 : plotWidth / (n - 1);
    svg.line(LEFT, plotBottom, LEFT + plotWidth, plotBottom, "#333333");
    svg.line(LEFT, plotTop, LEFT, plotBottom, "#333333");
    for (int i = 0; i <= 4; i++) {
      double value = yMax * i / 4;
      double y = plotBottom - (plotBottom - plotTop) * i / 4;
      svg.line(LEFT - 4, y, LEFT, y, "#333333");
      svg.text(LEFT - 8, y + 4, "end", count(value));
    }
    int every = Math.max(1, (int) Math.ceil(n / 10.0));
    for (int i = 0; i < n; i += every) {
      double x = LEFT + i * xStep;
      svg.line(x, plotBottom, x, plotBottom + 4, "#333333");
      svg.text(x, plotBottom + 16, "middle", i + " s");
    }
    svg.text(LEFT + plotWidth / 2, plotBottom + 34, "middle", "second of the run (0: the first)");
    double legendY = plotTop + 10;
    for (Operation op : ops) {
      String colour = OPERATION_COLOURS[op.ordinal() % OPERATION_COLOURS.length];
      svg.polyline(points(seconds, s -> s.completed(op), xStep, plotTop, plotBottom, yMax), colour, false, op.label());
      legend(svg, legendY, colour, op.label());
      legendY += 18;
    }
    if (seconds.stream().anyMatch(s -> s.errors() > 0)) {
      svg.polyline(points(seconds, Timeline.Second::errors, xStep, plotTop, plotBottom, yMax), ERROR_COLOUR, true,
          "errors");
      legend(svg, legendY, ERROR_COLOUR, "errors");
    }
  }

  private static List<double[]> points(List<Timeline.Second> seconds, java.util.function.ToLongFunction<Timeline.Second>
      value, double xStep, double plotTop, double plotBottom, double yMax) {
    List<double[]> points = new ArrayList<>();
    for (Timeline.Second s : seconds) {
      points.add(new double[] {LEFT + s.index() * xStep,
          plotBottom - (plotBottom - plotTop) * value.applyAsLong(s) / yMax});
    }
    return points;
  }

  private static void legend(Svg svg, double y, String colour, String label) {
    double x = WIDTH - RIGHT + 20;
    svg.line(x, y, x + 24, y, colour);
    svg.text(x + 30, y + 4, "start", label);
  }

  /** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten at or above {@code value} (0 for 0). */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 0;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String count(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
