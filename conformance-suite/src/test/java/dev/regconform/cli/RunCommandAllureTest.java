package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.allure.AllureHtmlReport;
import dev.regconform.allure.CheckLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Allure outputs of {@code regconform run}, against a stand-in that answers GET /v2/ like Distribution and everything
 * else with 404, with only the deletion workflow on (its checks fail fast there): the HTML report by default and in the
 * Reports line, none with {@code --no-html}, and one warning line, the exit status unchanged, when the Allure command
 * line is missing or fails.
 */
class RunCommandAllureTest {
  @TempDir Path dir;

  private StandInRegistry registry;
  private String base;

  @BeforeEach
  void start() {
    registry = StandInRegistry.start(Map.of("Docker-Distribution-Api-Version", "registry/2.0", "Server", "stand-in/1.0"));
    base = registry.base();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private CliRun run(Map<String, String> environment, String... options) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("OCI_ROOT_URL", base);
    env.put("OCI_TEST_CONTENT_MANAGEMENT", "1");
    String[] args = new String[options.length + 3];
    args[0] = "run";
    args[1] = "--report-dir";
    args[2] = dir.resolve("report").toString();
    System.arraycopy(options, 0, args, 3, options.length);
    return CliRun.execute(env, args);
  }

  private JsonNode executor() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("report/allure-results/executor.json").toFile());
  }

  @Test
  void by_default_the_run_makes_the_html_report_and_names_it_in_the_reports_line() throws IOException {
    Assumptions.assumeTrue(AllureHtmlReport.locate(name -> null).isPresent(), "no Allure command line in target/allure");
    Path index = dir.resolve("report/allure-report/index.html");

    CliRun run = run(Map.of());

    assertThat(run.exitCode()).as("deletion checks fail against the stand-in; output:%n%s%s", run.out(), run.err())
        .isEqualTo(1);
    assertThat(run.err()).doesNotContain("warning: no HTML report");
    assertThat(index).isRegularFile();
    assertThat(run.reportsLine()).endsWith("/allure-results/, " + index);
    Path results = dir.resolve("report/allure-results");
    assertThat(results.resolve("categories.json")).isRegularFile();
    assertThat(executor().path("buildName").asText()).matches("run-\\d{8}-\\d{6}-[0-9a-f]{4}");
    assertThat(executor().path("buildOrder").asInt()).isEqualTo(1);
    assertThat(executor().path("reportUrl").asText()).isEqualTo(index.toAbsolutePath().toUri().toString());
    assertThat(Files.readString(results.resolve("environment.properties"), UTF_8))
        .contains("spec=1.1\n", "target.Server=stand-in/1.0\n")
        // the stand-in (the JDK's server) sends it as Docker-distribution-api-version
        .containsIgnoringCase("target.Docker-Distribution-Api-Version=registry/2.0\n");
  }

  @Test
  void with_no_html_there_is_no_html_report_and_the_results_name_none() throws IOException {
    CliRun run = run(Map.of(), "--no-html");

    assertThat(run.exitCode()).as("output:%n%s%s", run.out(), run.err()).isEqualTo(1);
    assertThat(dir.resolve("report/allure-report")).doesNotExist();
    assertThat(run.reportsLine()).endsWith("/allure-results/");
    assertThat(executor().has("reportUrl")).isFalse();
  }

  @Test
  void a_missing_command_line_costs_one_warning_line_and_not_the_exit_status() {
    Path nowhere = dir.resolve("no-allure-here");

    CliRun run = run(Map.of(AllureHtmlReport.HOME_VARIABLE, nowhere.toString()));

    assertThat(run.exitCode()).as("the checks' exit status; output:%n%s%s", run.out(), run.err()).isEqualTo(1);
    assertThat(warnings(run)).containsExactly("regconform: warning: no HTML report: the Allure command line is not in "
        + nowhere + " (the launcher's build unpacks it there; or set REGCONFORM_ALLURE_HOME)");
    assertThat(run.reportsLine()).endsWith("/allure-results/");
  }

  @Test
  void a_failing_command_line_costs_one_warning_line_and_not_the_exit_status() throws IOException {
    Path broken = Files.createDirectories(dir.resolve("broken-allure/lib"));
    Files.write(broken.resolve("allure-commandline-9.9.9.jar"), new byte[] {1, 2, 3});

    CliRun run = run(Map.of(AllureHtmlReport.HOME_VARIABLE, broken.getParent().toString()));

    assertThat(run.exitCode()).as("the checks' exit status; output:%n%s%s", run.out(), run.err()).isEqualTo(1);
    assertThat(warnings(run)).singleElement().asString()
        .startsWith("regconform: warning: no HTML report: allure generate exited with status 1: ");
    assertThat(run.reportsLine()).endsWith("/allure-results/");
  }

  @Test
  void the_epic_of_a_check_is_the_workflow_its_oci_test_variable_names() {
    Map<String, String> categories = Map.of(OciEnvironment.TEST_PULL, "Pull", OciEnvironment.TEST_PUSH, "Push",
        OciEnvironment.TEST_CONTENT_DISCOVERY, "Content discovery", OciEnvironment.TEST_CONTENT_MANAGEMENT,
        "Content management");

    OciEnvironment.WORKFLOWS.forEach((variable, tags) -> tags.forEach(tag -> assertThat(CheckLabels.category(tag))
        .as("category of workflow tag %s (%s)", tag, variable).contains(categories.get(variable))));
    assertThat(CheckLabels.workflowTags()).as("tags with a category")
        .containsExactlyInAnyOrderElementsOf(OciEnvironment.WORKFLOWS.values().stream().flatMap(List::stream).toList());
  }

  private static List<String> warnings(CliRun run) {
    return run.err().lines().filter(l -> l.contains("no HTML report")).toList();
  }
}
