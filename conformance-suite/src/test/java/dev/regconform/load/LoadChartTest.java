package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LoadChartTest {
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private static List<Element> elements(Document doc, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  @Test
  void is_well_formed_svg_with_latency_bars_per_operation_and_a_throughput_line_per_operation_and_for_errors()
      throws Exception {
    Document doc = parse(LoadChart.svg(LoadReportTest.report(new Cleanup(0, 0, List.of(), 0.1))));

    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(texts(doc)).contains("push", "pull", "p50 100", "p99 30.0", "max 100 ms", "max 30.0 ms",
        "scale: 0 to 120 ms");
    List<String> bars = elements(doc, "rect").stream().map(Element::getTextContent).filter(t -> !t.isEmpty()).toList();
    assertThat(bars).containsExactly("push p50 100 ms", "push p95 100 ms", "push p99 100 ms", "pull p50 10.0 ms",
        "pull p95 30.0 ms", "pull p99 30.0 ms");
    // 2.5 s: the whole seconds 0 and 1 are drawn, the half second after them is not.
    List<Element> lines = elements(doc, "polyline");
    assertThat(lines).extracting(l -> l.getAttribute("data-series")).containsExactly("push", "pull", "errors");
    assertThat(lines).allSatisfy(l -> assertThat(l.getAttribute("points").split(" ")).hasSize(2));
    assertThat(lines.get(2).getAttribute("stroke-dasharray")).as("errors dashed").isNotEmpty();
  }

  @Test
  void a_bar_is_as_long_as_its_share_of_the_scale() throws Exception {
    Document doc = parse(LoadChart.svg(LoadReportTest.report(new Cleanup(0, 0, List.of(), 0.1))));

    double full = width(doc, "push p99 100 ms");
    assertThat(width(doc, "pull p50 10.0 ms") / full).isBetween(0.099, 0.101);
  }

  @Test
  void a_run_shorter_than_a_second_says_it_has_no_throughput_over_time_and_escapes_text() throws Exception {
    LoadStats stats = new LoadStats();
    stats.record(Operation.HEAD, 5_000_000, 5_000_000, Outcome.ok());
    LoadReport report = new LoadReport(java.net.URI.create("http://127.0.0.1:5000"), List.of("a/r0"),
        java.time.Instant.EPOCH, 1, java.time.Duration.ofSeconds(1), OptionalLong.of(1), Mix.parse("head=1"), 1,
        new LoadRun.Result(10_000_000, LoadRun.StopReason.OPERATIONS, stats), new Cleanup(0, 0, List.of(), 0.1), 1);

    Document doc = parse(LoadChart.svg(report));

    assertThat(texts(doc)).contains("The run lasted less than a second: no throughput over time to show.");
    assertThat(elements(doc, "polyline")).isEmpty();
    assertThat(Svg.escape("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
  }

  @Test
  void nice_ceilings_are_round_multiples_of_a_power_of_ten_at_most_a_quarter_above_the_value() {
    assertThat(LoadChart.niceCeiling(0)).isZero();
    assertThat(LoadChart.niceCeiling(0.7)).isEqualTo(0.8);
    assertThat(LoadChart.niceCeiling(100.06)).isEqualTo(120);
    assertThat(LoadChart.niceCeiling(21)).isEqualTo(25);
    assertThat(LoadChart.niceCeiling(260)).isEqualTo(300);
    assertThat(LoadChart.niceCeiling(801)).isEqualTo(1000);
  }

  private static double width(Document doc, String tooltip) {
    return elements(doc, "rect").stream().filter(r -> r.getTextContent().equals(tooltip)).findFirst()
        .map(r -> Double.parseDouble(r.getAttribute("width"))).orElseThrow();
  }
}
