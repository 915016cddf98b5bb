package dev.regconform.it;

import static dev.regconform.it.CiRecipes.LEFT_OUT;
import static dev.regconform.it.CiRecipes.REGISTRY_IMAGE_PORT;
import static dev.regconform.it.CiRecipes.TREE;
import static dev.regconform.it.CiRecipes.assertJunit;
import static dev.regconform.it.CiRecipes.assertKnown;
import static dev.regconform.it.CiRecipes.assertNewFailure;
import static dev.regconform.it.CiRecipes.assertRecorded;
import static dev.regconform.it.CiRecipes.assertReports;
import static dev.regconform.it.CiRecipes.assertTheLauncherWillNotRebuild;
import static dev.regconform.it.CiRecipes.expand;
import static dev.regconform.it.CiRecipes.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.it.CiRecipes.Shell;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/ci/gitlab-ci.yml}, exercised as far as this machine allows (see {@link CiRecipes}): its structure (the
 * registry service's alias and port are those of {@code REGISTRY_URL}, artifacts and the JUnit report published
 * {@code when: always} from the files the toolkit writes, no {@code allow_failure}), then its script with bash, as the
 * runner runs it, with {@code REGCONFORM_WRITE_BASELINE} true and false: recording passes although the toolkit exits
 * 1; the gate passes with that baseline and fails, naming the check, with a baseline missing one entry; the artifacts
 * hold the reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GitLabCiRecipeIT {
  @RegisterExtension
  static final NativeDistribution REGISTRY = new NativeDistribution();

  @BeforeAll
  static void the_launcher_will_not_rebuild_the_toolkit() throws IOException {
    assertTheLauncherWillNotRebuild();
  }

  private static final String CLONE = "git clone --depth 1 --branch \"$REGCONFORM_REF\" \"$REGCONFORM_REPOSITORY\" "
      + "\"$REGCONFORM_DIR\"";
  private final JsonNode job = read("gitlab-ci.yml").path("regconform");
  private Path project;
  private CiRecipes.Runs runs;

  @BeforeAll
  void project(@TempDir Path project) {
    this.project = project;
    this.runs = new CiRecipes.Runs(this::job, this::baseline, project);
  }

  /** The job's variables as GitLab gives them to the script: each value with the variables in it expanded. */
  private Map<String, String> variables(Map<String, String> overrides) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("CI_PROJECT_DIR", project.toString());
    job.path("variables").fields().forEachRemaining(e -> vars.put(e.getKey(), expand(e.getValue().asText(), vars)));
    vars.putAll(overrides);
    return vars;
  }

  private Map<String, String> variables() {
    return variables(Map.of());
  }

  private List<String> script() {
    return StreamSupport.stream(job.path("script").spliterator(), false).map(JsonNode::asText).toList();
  }

  /**
   * The job's script as one bash script (as the runner runs it: {@code set -eo pipefail}, line after line), with
   * the clone of regconform replaced: REGCONFORM_DIR is this working tree.
   */
  private Shell job(boolean writeBaseline, String regconformArgs, String baseline) {
    Map<String, String> overrides = new LinkedHashMap<>(Map.of("REGISTRY_URL", REGISTRY.baseUri().toString(),
        "REGCONFORM_DIR", TREE.toString(), "REGCONFORM_ARGS", regconformArgs,
        "REGCONFORM_WRITE_BASELINE", String.valueOf(writeBaseline)));
    if (baseline != null) {
      overrides.put("BASELINE", baseline);
    }
    Map<String, String> vars = variables(overrides);
    List<String> lines = new ArrayList<>(script());
    assertThat(lines).as("the job's script clones regconform exactly once").containsOnlyOnce(CLONE);
    lines.set(lines.indexOf(CLONE), ": clone replaced by this working tree");
    return Shell.run(String.join("\n", lines), vars, project);
  }

  private Path baseline() {
    return project.resolve(variables().get("BASELINE"));
  }

  @Test
  void the_registry_service_is_the_placeholder_image_under_the_alias_and_port_of_REGISTRY_URL() {
    assertThat(job.path("services")).as("services").hasSize(1);
    JsonNode service = job.path("services").get(0);
    assertThat(service.path("name").asText()).isEqualTo("registry:2");
    URI target = URI.create(variables().get("REGISTRY_URL"));
    assertThat(target.getHost()).as("a service is reached by its alias").isEqualTo(service.path("alias").asText());
    assertThat(target.getPort()).as("the port registry:2 listens on").isEqualTo(REGISTRY_IMAGE_PORT);
  }

  @Test
  void regconform_is_cloned_from_the_configured_repository_and_ref_in_an_image_with_a_JDK_17() {
    assertThat(script()).contains(CLONE);
    assertThat(variables()).containsKeys("REGCONFORM_REPOSITORY", "REGCONFORM_REF", "REGCONFORM_DIR");
    assertThat(job.path("image").asText()).endsWith("-17");
  }

  @Test
  void the_gate_can_fail_the_job_and_the_reports_are_published_whatever_happened() {
    assertThat(job.path("allow_failure").asBoolean(false)).as("allow_failure").isFalse();
    assertThat(String.join("\n", script())).contains("--baseline \"$BASELINE\"")
        .contains("--write-baseline \"$BASELINE\"").doesNotContain("|| true");
    JsonNode artifacts = job.path("artifacts");
    assertThat(artifacts.path("when").asText()).isEqualTo("always");
    assertThat(artifacts.at("/reports/junit").asText()).isEqualTo(variables().get("REPORT_DIR") + "/junit.xml");
    assertThat(StreamSupport.stream(artifacts.path("paths").spliterator(), false).map(JsonNode::asText))
        .contains(variables().get("REPORT_DIR") + "/", variables().get("BASELINE"));
  }

  @Test
  void write_baseline_records_the_registrys_real_failures_and_the_job_passes_although_the_run_exits_1()
      throws IOException {
    Shell run = runs.recording();

    assertThat(run.exitCode()).as("the job's exit status; output:%n%s", run.output()).isZero();
    assertThat(run.output()).as("the toolkit's closing line: checks failed, so it exited 1")
        .contains("1 passed, 2 failed, 0 skipped");
    assertRecorded(baseline(), variables().get("REGISTRY_NAME"));
  }

  @Test
  void write_baseline_fails_the_job_when_the_toolkit_cannot_run() {
    Map<String, String> vars = variables(Map.of("REGISTRY_URL", REGISTRY.baseUri().toString(),
        "REGCONFORM_DIR", TREE.toString(), "REGCONFORM_ARGS", "--check no.such.check",
        "REGCONFORM_WRITE_BASELINE", "true", "BASELINE", "ci/not-written.yaml"));
    Shell run = Shell.run(script().get(script().size() - 1), vars, project);

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
  void the_artifacts_hold_junit_xml_the_conformance_matrix_and_the_allure_report_after_a_failed_gate()
      throws IOException {
    runs.missingEntry();

    JsonNode artifacts = job.path("artifacts");
    assertJunit(variables().get("REGISTRY_NAME"), project.resolve(artifacts.at("/reports/junit").asText()));
    assertReports(project.resolve(artifacts.path("paths").get(0).asText()));
  }

  @Test
  void without_a_baseline_the_gate_fails_saying_how_to_record_one(@TempDir Path empty) {
    Map<String, String> vars = variables(Map.of("REGCONFORM_DIR", TREE.toString()));
    Shell run = Shell.run(script().get(script().size() - 1), vars, empty);

    assertThat(run.exitCode()).as("exit status; output:%n%s", run.output()).isEqualTo(2);
    assertThat(run.output()).contains("no ci/regconform-baseline.yaml: run a pipeline by hand with "
        + "REGCONFORM_WRITE_BASELINE=true");
  }
}
