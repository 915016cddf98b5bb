package dev.regconform.it;

import static dev.regconform.it.CiRecipes.ENV_EXPRESSION;
import static dev.regconform.it.CiRecipes.LEFT_OUT;
import static dev.regconform.it.CiRecipes.REGISTRY_IMAGE_PORT;
import static dev.regconform.it.CiRecipes.TREE;
import static dev.regconform.it.CiRecipes.assertJunit;
import static dev.regconform.it.CiRecipes.assertKnown;
import static dev.regconform.it.CiRecipes.assertNewFailure;
import static dev.regconform.it.CiRecipes.assertRecorded;
import static dev.regconform.it.CiRecipes.assertReports;
import static dev.regconform.it.CiRecipes.assertTheLauncherWillNotRebuild;
import static dev.regconform.it.CiRecipes.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.it.CiRecipes.Shell;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/ci/github-actions.yml}, exercised as far as this machine allows (see {@link CiRecipes}): its structure
 * (the registry service matches {@code REGISTRY_URL}, the JUnit report and the artifacts are published {@code
 * always()} from the files the toolkit writes, the gate can fail the job, actions pinned), then its {@code run:} steps
 * in order with bash, as on {@code workflow_dispatch} with and without {@code write_baseline}: the recording step
 * records Distribution's real failures and passes although the toolkit exits 1; the gate passes with that baseline and
 * fails, naming the check, with a baseline missing one entry; the reports are where the publish steps look.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitHubActionsRecipeIT {
  @RegisterExtension
  static final NativeDistribution REGISTRY = new NativeDistribution();

  @BeforeAll
  static void the_launcher_will_not_rebuild_the_toolkit() throws IOException {
    assertTheLauncherWillNotRebuild();
  }

  private final JsonNode workflow = read("github-actions.yml");
  private final JsonNode job = workflow.path("jobs").path("conformance");
  private Path project;
  private CiRecipes.Runs runs;

  @BeforeAll
  void project(@TempDir Path project) {
    this.project = project;
    this.runs = new CiRecipes.Runs(this::job, this::baseline, project);
  }

  private Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    Stream.of(workflow.path("env"), job.path("env")).forEach(block -> block.fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
    return env;
  }

  private List<JsonNode> steps() {
    return StreamSupport.stream(job.path("steps").spliterator(), false).toList();
  }

  private JsonNode step(String id) {
    return steps().stream().filter(s -> s.path("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no step with id " + id + " in " + job.path("steps")));
  }

  private List<JsonNode> uses(String action) {
    return steps().stream().filter(s -> s.path("uses").asText().startsWith(action + "@")).toList();
  }

  /** {@code ${{ env.NAME }}} replaced by the workflow's value; any other expression is left as it is. */
  private String resolve(JsonNode value) {
    Matcher m = ENV_EXPRESSION.matcher(value.asText());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      assertThat(env()).as("the workflow's env").containsKey(name);
      m.appendReplacement(out, Matcher.quoteReplacement(env().get(name)));
    }
    return m.appendTail(out).toString();
  }

  /**
   * Runs the job's {@code run:} steps in order as GitHub would on {@code workflow_dispatch} with {@code
   * write_baseline} set or not, stopping at the first that fails; the {@code uses:} steps are what the structure
   * tests check.
   */
  private Shell job(boolean writeBaseline, String regconformArgs, String baseline) {
    Map<String, String> env = env();
    env.put("REGISTRY_URL", REGISTRY.baseUri().toString());
    env.put("REGCONFORM_DIR", TREE.toString());
    env.put("REGCONFORM_ARGS", regconformArgs);
    if (baseline != null) {
      env.put("BASELINE", baseline);
    }
    Shell all = new Shell(0, "");
    for (JsonNode step : steps()) {
      if (!step.has("run")) {
        continue;
      }
      String condition = step.path("if").asText("");
      boolean runs = switch (condition) {
        case "" -> true;
        case "${{ inputs.write_baseline }}" -> writeBaseline;
        case "${{ !inputs.write_baseline }}" -> !writeBaseline;
        default -> throw new AssertionError("a run step's condition this test does not know: " + condition);
      };
      if (!runs) {
        continue;
      }
      Map<String, String> stepEnv = new LinkedHashMap<>(env);
      step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), e.getValue().asText()));
      Shell one = Shell.run(step.path("run").asText(), stepEnv, project);
      all = new Shell(one.exitCode(), all.output() + "--- step: " + step.path("name").asText() + "\n" + one.output());
      if (one.exitCode() != 0) {
        break;
      }
    }
    return all;
  }

  private Path baseline() {
    return project.resolve(env().get("BASELINE"));
  }

  @Test
  void the_registry_service_is_the_placeholder_image_on_the_port_of_REGISTRY_URL() {
    JsonNode service = job.path("services").path("registry");
    assertThat(service.path("image").asText()).isEqualTo("registry:2");
    URI target = URI.create(env().get("REGISTRY_URL"));
    assertThat(target.getHost()).as("the job reaches a service's published port on localhost").isEqualTo("localhost");
    assertThat(StreamSupport.stream(service.path("ports").spliterator(), false).map(JsonNode::asText))
        .as("the service's published ports").containsExactly(target.getPort() + ":" + REGISTRY_IMAGE_PORT);
  }

  @Test
  void regconform_is_checked_out_from_the_configured_repository_and_ref_into_REGCONFORM_DIR_with_a_JDK_17() {
    assertThat(uses("actions/checkout")).as("checkouts: this repository, then regconform").hasSize(2);
    JsonNode toolkit = uses("actions/checkout").get(1).path("with");
    assertThat(toolkit.path("repository").asText()).isEqualTo("${{ env.REGCONFORM_REPOSITORY }}");
    assertThat(toolkit.path("ref").asText()).isEqualTo("${{ env.REGCONFORM_REF }}");
    assertThat(toolkit.path("path").asText()).isEqualTo("${{ env.REGCONFORM_DIR }}");
    assertThat(uses("actions/setup-java")).singleElement()
        .satisfies(s -> assertThat(s.at("/with/java-version").asText()).isEqualTo("17"));
    assertThat(workflow.at("/defaults/run/shell").asText()).as("the shell the run steps are written for")
        .isEqualTo("bash");
  }

  @Test
  void the_shell_of_each_step_reads_its_inputs_from_environment_variables_only() {
    assertThat(env()).as("the workflow's env").containsKeys("REGISTRY_URL", "REGISTRY_NAME", "REGCONFORM_REPOSITORY",
        "REGCONFORM_REF", "REGCONFORM_DIR", "REPORT_DIR", "BASELINE", "REGCONFORM_ARGS")
        .allSatisfy((name, value) -> assertThat(value).as("env %s", name).doesNotContain("${{"));
    assertThat(steps()).filteredOn(s -> s.has("run")).as("run steps").hasSize(3)
        .allSatisfy(s -> assertThat(s.path("run").asText()).as("run of %s", s.path("name")).doesNotContain("${{"));
    assertThat(steps()).filteredOn(s -> s.has("uses")).extracting(s -> s.path("uses").asText().replaceAll("@.*", ""))
        .as("the actions this test checks rather than runs").containsOnly("actions/checkout", "actions/setup-java",
            "mikepenz/action-junit-report", "actions/upload-artifact");
  }

  @Test
  void the_gate_can_fail_the_job_and_the_reports_are_published_whatever_happened() {
    assertThat(job.path("continue-on-error").asBoolean(false)).as("job continue-on-error").isFalse();
    for (String id : List.of("gate", "write-baseline")) {
      assertThat(step(id).path("continue-on-error").asBoolean(false)).as("continue-on-error of %s", id).isFalse();
    }
    assertThat(step("gate").path("run").asText()).contains("--baseline \"$BASELINE\"")
        .doesNotContain("|| true").doesNotContain("|| status");
    assertThat(step("write-baseline").path("run").asText()).contains("--write-baseline \"$BASELINE\"");

    JsonNode junit = assertThat(uses("mikepenz/action-junit-report")).singleElement().actual();
    assertThat(junit.path("uses").asText()).as("pinned by version").matches(".+@v\\d+(\\.\\d+)*");
    assertThat(junit.path("if").asText()).isEqualTo("always()");
    assertThat(resolve(junit.at("/with/report_paths"))).isEqualTo(env().get("REPORT_DIR") + "/junit.xml");

    List<JsonNode> uploads = uses("actions/upload-artifact");
    assertThat(uploads).allSatisfy(u -> assertThat(u.path("if").asText()).as("if of %s", u.path("name"))
        .matches("always\\(\\)|\\$\\{\\{ always\\(\\) .*"));
    assertThat(uploads).extracting(u -> resolve(u.at("/with/path")))
        .contains(env().get("REPORT_DIR") + "/", env().get("BASELINE"));
    assertThat(steps()).as("every action is pinned to a version")
        .allSatisfy(s -> assertThat(s.path("uses").asText("x@v1")).matches(".+@v\\d+(\\.\\d+)*"));
  }

  @Test
  void write_baseline_records_the_registrys_real_failures_and_its_step_passes_although_the_run_exits_1()
      throws IOException {
    Shell run = runs.recording();

    assertThat(run.exitCode()).as("the job's exit status; output:%n%s", run.output()).isZero();
    assertThat(run.output()).as("the toolkit's closing line: checks failed, so it exited 1")
        .contains("1 passed, 2 failed, 0 skipped");
    assertRecorded(baseline(), env().get("REGISTRY_NAME"));
  }

  @Test
  void write_baseline_fails_its_step_when_the_toolkit_cannot_run() {
    Map<String, String> env = env();
    env.put("REGISTRY_URL", REGISTRY.baseUri().toString());
    env.put("REGCONFORM_DIR", TREE.toString());
    env.put("REGCONFORM_ARGS", "--check no.such.check");
    env.put("BASELINE", "ci/not-written.yaml");
    Shell run = Shell.run(step("write-baseline").path("run").asText(), env, project);

    assertThat(run.exitCode()).as("exit status; output:%n%s", run.output()).isEqualTo(2);
    assertThat(project.resolve("ci/not-written.yaml")).doesNotExist();
  }

  @Test
  void with_the_recorded_baseline_the_gate_passes_listing_each_failure_as_known() {
    Shell run = runs.gated();

    assertKnown(run);
  }

  @Test
  void with_a_baseline_missing_one_entry_the_gate_fails_naming_that_check() throws IOException {
    Shell run = runs.missingEntry();

    assertNewFailure(run, LEFT_OUT);
  }

  @Test
  void the_publish_steps_find_junit_xml_the_conformance_matrix_and_the_allure_report_after_a_failed_gate()
      throws IOException {
    runs.missingEntry();

    JsonNode junit = uses("mikepenz/action-junit-report").get(0);
    assertJunit(env().get("REGISTRY_NAME"), project.resolve(resolve(junit.at("/with/report_paths"))));
    JsonNode upload = uses("actions/upload-artifact").get(0);
    assertReports(project.resolve(resolve(upload.at("/with/path"))));
  }

  @Test
  void without_a_baseline_the_gate_fails_saying_how_to_record_one(@TempDir Path empty) {
    Map<String, String> env = env();
    env.put("REGCONFORM_DIR", TREE.toString());
    Shell run = Shell.run(step("gate").path("run").asText(), env, empty);

    assertThat(run.exitCode()).as("exit status; output:%n%s", run.output()).isEqualTo(2);
    assertThat(run.output()).contains("no ci/regconform-baseline.yaml: run this workflow by hand with "
        + "write_baseline ticked");
  }
}
