package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform run} with the official suite's OCI_* variables, through RunCommand's environment seam, against
 * a stand-in on 127.0.0.1 that answers GET /v2/ with 200 and everything else with 404: the workflows a variable
 * turns off are disabled with its name, the ones it turns on run (and fail fast against the stand-in).
 */
class RunCommandOciEnvironmentTest {
  @TempDir Path dir;

  private StandInRegistry registry;
  private String base;

  @BeforeEach
  void start() {
    registry = StandInRegistry.start(Map.of());
    base = registry.base();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private CliRun run(Map<String, String> environment, String... options) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("OCI_ROOT_URL", base);
    String[] args = new String[options.length + 1];
    args[0] = "run";
    System.arraycopy(options, 0, args, 1, options.length);
    return CliRun.execute(env, args);
  }

  @Test
  void oci_test_pull_runs_pull_and_disables_push_naming_the_variable_and_oci_report_dir_gets_the_reports()
      throws IOException {
    Path reports = dir.resolve("from-env");

    CliRun run = run(Map.of("OCI_TEST_PULL", "1", "OCI_REPORT_DIR", reports.toString()));

    assertThat(run.exitCode()).as("pull checks fail against the stand-in; output:%n%s%s", run.out(), run.err())
        .isEqualTo(1);
    assertThat(run.out()).contains("FAIL  pull.by-tag.manifest-bytes[oci]", "FAIL  errors.unknown-blob")
        .contains("SKIP  push.blob.monolithic[oci]")
        .contains("disabled by configuration: OCI_TEST_PUSH is not true (workflow 'push')")
        .contains("disabled by configuration: OCI_TEST_PUSH is not true (workflow 'untagged')");
    assertThat(reports.resolve("junit.xml")).exists();
    assertThat(reports.resolve("requirements.md")).exists();
    JsonNode summary = new ObjectMapper().readTree(reports.resolve("summary.json").toFile());
    JsonNode checks = summary.at("/targets/0/checks");
    assertThat(checks.size()).isGreaterThan(20);
    for (JsonNode check : checks) {
      String outcome = check.get("outcome").asText();
      if (check.get("workflow").asText().matches("pull|errors")) {
        assertThat(outcome).as(check.get("id").asText()).isNotEqualTo("disabled");
      } else {
        assertThat(outcome).as(check.get("id").asText()).isEqualTo("disabled");
        assertThat(check.get("message").asText()).as(check.get("id").asText())
            .startsWith("disabled by configuration: OCI_TEST_").contains(" is not true (workflow '");
      }
    }
    JsonNode requirements = new ObjectMapper().readTree(reports.resolve("requirements.json").toFile());
    assertThat(requirements.at("/counts/requirements").asInt()).isEqualTo(88);
    assertThat(requirements.at("/unknownRequirementIds").size()).isZero();
  }

  @Test
  void hide_skipped_workflows_prints_no_line_for_a_disabled_check_and_report_dir_none_writes_no_file() {
    CliRun run = run(Map.of("OCI_TEST_PULL", "0", "OCI_HIDE_SKIPPED_WORKFLOWS", "1", "OCI_REPORT_DIR", "none"));

    assertThat(run.exitCode()).as("output:%n%s%s", run.out(), run.err()).isZero();
    assertThat(run.out()).doesNotContain("SKIP ").contains("Reports: none (OCI_REPORT_DIR=none)");
    assertThat(run.lastLine()).matches("0 passed, 0 failed, [1-9]\\d* skipped");
  }

  @Test
  void report_dir_none_writes_no_file_and_creates_no_directory_called_none() {
    Path none = Path.of("none").toAbsolutePath();
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(none), () -> none + " exists already");

    CliRun run = run(Map.of("OCI_TEST_PULL", "0"), "--report-dir", "none");

    assertThat(run.exitCode()).as("output:%n%s%s", run.out(), run.err()).isZero();
    assertThat(run.out()).contains("Reports: none (--report-dir none)");
    assertThat(none).doesNotExist();
  }

  @Test
  void the_report_dir_option_wins_over_oci_report_dir() throws IOException {
    Path option = dir.resolve("option");

    CliRun run = run(Map.of("OCI_TEST_PULL", "0", "OCI_REPORT_DIR", "none"), "--report-dir", option.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("SKIP  pull.by-tag.manifest-bytes[oci]")
        .contains("disabled by configuration: OCI_TEST_PULL is not true (workflow 'pull')");
    try (var files = Files.list(option)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("junit.xml", "summary.json", "requirements.md", "requirements.json", "allure-results");
    }
  }

  @Test
  void oci_debug_prints_every_exchange_with_its_status() {
    CliRun run = run(Map.of("OCI_TEST_PULL", "1", "OCI_DEBUG", "1", "OCI_REPORT_DIR", "none"));

    assertThat(run.out()).containsPattern("      > POST " + base + "/v2/\\S+/blobs/uploads/ -> 404");
    CliRun quiet = run(Map.of("OCI_TEST_PULL", "1", "OCI_REPORT_DIR", "none"));
    assertThat(quiet.out()).doesNotContain("      > ");
  }

  @Test
  void pre_loaded_content_variables_print_a_one_line_warning() {
    CliRun run = run(Map.of("OCI_TEST_PULL", "0", "OCI_TAG_NAME", "v1", "OCI_REPORT_DIR", "none"));

    assertThat(Arrays.stream(run.err().split("\n")).filter(l -> l.contains("OCI_TAG_NAME")))
        .containsExactly("regconform: warning: OCI_TAG_NAME is set, but checking pre-loaded content is not "
            + "supported yet: the run pushes (and deletes) its own content");
  }

  @Test
  void an_automatic_crossmount_value_that_is_no_boolean_exits_2_before_any_check() {
    CliRun run = run(Map.of("OCI_AUTOMATIC_CROSSMOUNT", "sometimes"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("regconform: invalid OCI_AUTOMATIC_CROSSMOUNT 'sometimes': expected true or false (1 or 0)");
    assertThat(run.out()).doesNotContain("==");
  }

  @Test
  void oci_version_is_the_default_of_spec_and_the_option_wins() {
    CliRun fromEnv = run(Map.of("OCI_VERSION", "2.0"));
    assertThat(fromEnv.exitCode()).isEqualTo(2);
    assertThat(fromEnv.err().strip()).isEqualTo("regconform: Unknown spec version '2.0'; known: 1.0, 1.1, dev");

    CliRun option = run(Map.of("OCI_VERSION", "2.0", "OCI_TEST_PULL", "0", "OCI_REPORT_DIR", "none"), "--spec", "1.1");
    assertThat(option.exitCode()).as("output:%n%s%s", option.out(), option.err()).isZero();

    for (String dev : List.of("dev", "1.1+dev")) {
      CliRun devRun = run(Map.of("OCI_VERSION", dev, "OCI_TEST_PULL", "0", "OCI_REPORT_DIR", "none"));
      assertThat(devRun.exitCode()).as("OCI_VERSION=%s, output:%n%s%s", dev, devRun.out(), devRun.err()).isZero();
    }

    CliRun spec10 = run(Map.of("OCI_VERSION", "1.0", "OCI_TEST_CONTENT_DISCOVERY", "0", "OCI_REPORT_DIR", "none"));
    assertThat(spec10.exitCode()).isZero();
    assertThat(spec10.out()).contains("disabled by configuration:");
  }
}
