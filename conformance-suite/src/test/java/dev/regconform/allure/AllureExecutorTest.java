package dev.regconform.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureExecutorTest {
  @TempDir Path dir;

  @Test
  void executor_json_names_regconform_the_run_its_order_and_the_html_report() throws IOException {
    String report = dir.resolve("allure-report/index.html").toUri().toString();

    AllureExecutor.write(dir, new AllureExecutor.Executor("run-20261126-101500-3f2a", 2, report));

    JsonNode written = new ObjectMapper().readTree(dir.resolve("executor.json").toFile());
    assertThat(written.path("name").asText()).isEqualTo("regconform");
    assertThat(written.path("type").asText()).isEqualTo("regconform");
    assertThat(written.path("buildName").asText()).isEqualTo("run-20261126-101500-3f2a");
    assertThat(written.path("buildOrder").asLong()).isEqualTo(2);
    assertThat(written.path("reportName").asText()).isEqualTo("regconform conformance report");
    assertThat(written.path("reportUrl").asText()).isEqualTo(report).startsWith("file:/").endsWith("/allure-report/index.html");
  }

  @Test
  void without_an_html_report_there_is_no_report_url() throws IOException {
    AllureExecutor.write(dir, new AllureExecutor.Executor("run-1", 1, null));

    assertThat(new ObjectMapper().readTree(dir.resolve("executor.json").toFile()).has("reportUrl")).isFalse();
  }
}
