package dev.regconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportWritersTest {
  @TempDir Path dir;

  private final TargetRun run = new TargetRun("http://127.0.0.1:5000", "Distribution 2.8.2", "regconform/run-1",
      Instant.parse("2026-11-26T16:00:00Z"), List.of(
          new CheckResult("pull.by-tag.manifest-bytes[oci]", "Pull by tag returns the exact bytes", "pull",
              Outcome.PASSED, "", "", Duration.ofMillis(12)),
          new CheckResult("pull.blobs.layers[oci]", "Layers download", "pull", Outcome.FAILED,
              "Expected digest sha256:aa\nbut was sha256:bb ]]> <&>", "trace", Duration.ofMillis(30)),
          new CheckResult("push.blob.monolithic[oci]", "Monolithic", "push", Outcome.DISABLED,
              "regconform.feature.delete=false", "", Duration.ZERO),
          new CheckResult("tags.list.order[oci]", "Order", "discovery", Outcome.WARNING, "not sorted", "",
              Duration.ofMillis(3)),
          new CheckResult("pull.blobs.head[oci]", "Head", "pull", Outcome.BROKEN, "Error: NPE", "trace2",
              Duration.ofMillis(4))));

  @Test
  void counts_render_as_the_closing_line() {
    assertThat(run.counts()).hasToString("2 passed, 2 failed, 1 skipped");
    assertThat(run.counts().details()).isEqualTo("1 warnings, 1 broken, 0 unsupported, 1 disabled");
  }

  @Test
  void junit_xml_has_one_testcase_per_check_with_failure_and_skipped_elements() throws Exception {
    Path file = dir.resolve("junit.xml");
    JUnitXmlWriter.write(file, List.of(run));

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(5);
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("Error: NPE");
    assertThat(error.getTextContent()).contains("trace2");
    assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("warning: not sorted");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("Expected digest sha256:aa");
    assertThat(failure.getTextContent()).contains("but was sha256:bb ]]> <&>").contains("trace");
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("disabled: regconform.feature.delete=false");
  }

  @Test
  void summary_json_lists_every_check_with_outcome_and_counts() throws Exception {
    Path file = dir.resolve("summary.json");
    SummaryJsonWriter.write(file, "0.1.0", List.of(run));

    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
    assertThat(root.at("/counts/passed").asInt()).isEqualTo(2);
    assertThat(root.at("/counts/failed").asInt()).isEqualTo(2);
    assertThat(root.at("/counts/total").asInt()).isEqualTo(5);
    assertThat(root.at("/counts/by_warning").asInt()).isEqualTo(1);
    assertThat(root.at("/counts/by_broken").asInt()).isEqualTo(1);
    assertThat(root.at("/targets/0/checks/2/outcome").asText()).isEqualTo("disabled");
    assertThat(root.at("/targets/0/checks/0/level").asText()).isEqualTo("MUST");
    assertThat(root.at("/targets/0/target").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(root.at("/targets/0/checks/1/id").asText()).isEqualTo("pull.blobs.layers[oci]");
    assertThat(root.at("/targets/0/checks/1/outcome").asText()).isEqualTo("failed");
    assertThat(root.at("/targets/0/checks/1/message").asText()).startsWith("Expected digest");
    assertThat(root.at("/targets/0/checks/1/durationMillis").asLong()).isEqualTo(30);
  }
}
