package dev.regconform.load;

import java.util.List;
import java.util.Locale;

/** The few SVG elements {@link LoadChart} draws with, written as text; values are escaped, numbers to 0.1. */
final class Svg {
  private final StringBuilder out = new StringBuilder();

  Svg(int width, int height, String title) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height))
        .append("<title>").append(escape(title)).append("</title>\n")
        .append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
            width, height));
  }

  Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
    out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
        x, y, width, height, escape(fill)));
    out.append("<title>").append(escape(tooltip)).append("</title></rect>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke) {
    out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
        x1, y1, x2, y2, escape(stroke)));
    return this;
  }

  /** Text at (x, y); {@code anchor} is {@code start}, {@code middle} or {@code end}. */
  Svg text(double x, double y, String anchor, String text) {
    return text(x, y, anchor, "normal", text);
  }

  Svg text(double x, double y, String anchor, String weight, String text) {
    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">",
        x, y, anchor, weight)).append(escape(text)).append("</text>\n");
    return this;
  }

  /** A line through {@code points} (x, y pairs), dashed or not; {@code name} labels it. */
  Svg polyline(List<double[]> points, String stroke, boolean dashed, String name) {
    StringBuilder p = new StringBuilder();
    for (double[] xy : points) {
      p.append(p.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", xy[0], xy[1]));
    }
    out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s "
        + "data-series=\"%s\" points=\"%s\"/>%n", escape(stroke), dashed ? " stroke-dasharray=\"4 3\"" : "",
        escape(name), p));
    return this;
  }

  @Override
  public String toString() {
    return out + "</svg>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
