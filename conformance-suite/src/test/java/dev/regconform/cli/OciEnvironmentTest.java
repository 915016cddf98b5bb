package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.junit.Feature;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.WorkflowCondition;
import dev.regconform.runner.SuiteRunner;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/** The official suite's OCI_* variables, mapped to workflow switches, features and parameters. */
class OciEnvironmentTest {
  private static OciEnvironment.Settings read(Map<String, String> env) {
    return OciEnvironment.read(name -> Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank()));
  }

  @Test
  void without_oci_variables_every_workflow_and_feature_stays_on() {
    OciEnvironment.Settings settings = read(Map.of("OCI_ROOT_URL", "http://127.0.0.1:5000"));

    assertThat(settings.parameters()).isEmpty();
    assertThat(settings.disabled()).isEmpty();
    assertThat(settings.warnings()).isEmpty();
    assertThat(settings.hideDisabled()).isFalse();
    assertThat(settings.debug()).isFalse();
  }

  @Test
  void one_workflow_variable_set_to_true_turns_every_other_workflow_off_naming_its_variable() {
    Map<String, String> p = read(Map.of("OCI_TEST_PULL", "1")).parameters();

    assertThat(p).containsEntry("regconform.workflow.pull", "true").containsEntry("regconform.workflow.errors", "true")
        .doesNotContainKey("regconform.workflow.pull.source");
    assertThat(p).containsEntry("regconform.workflow.push", "false")
        .containsEntry("regconform.workflow.push.source", "OCI_TEST_PUSH is not true")
        .containsEntry("regconform.workflow.manifests", "false")
        .containsEntry("regconform.workflow.retag", "false")
        .containsEntry("regconform.workflow.untagged", "false")
        .containsEntry("regconform.workflow.discovery", "false")
        .containsEntry("regconform.workflow.referrers.source", "OCI_TEST_CONTENT_DISCOVERY is not true")
        .containsEntry("regconform.workflow.delete.source", "OCI_TEST_CONTENT_MANAGEMENT is not true");
    assertThat(p).as("a workflow tag none of the variables names is off too")
        .containsEntry(WorkflowCondition.DEFAULT, "false")
        .containsKey(WorkflowCondition.sourceParameter(WorkflowCondition.DEFAULT));
  }

  @Test
  void values_are_read_as_go_reads_booleans_and_anything_else_is_not_true() {
    Map<String, String> p = read(Map.of("OCI_TEST_PUSH", "True", "OCI_TEST_CONTENT_MANAGEMENT", "yes",
        "OCI_TEST_CONTENT_DISCOVERY", "0")).parameters();

    assertThat(p).containsEntry("regconform.workflow.push", "true")
        .containsEntry("regconform.workflow.delete", "false")
        .containsEntry("regconform.workflow.discovery", "false")
        .containsEntry("regconform.workflow.pull", "false");
  }

  @Test
  void a_workflow_variable_set_to_false_alone_still_selects_so_nothing_runs_as_in_the_official_suite() {
    Map<String, String> p = read(Map.of("OCI_TEST_PULL", "false")).parameters();

    assertThat(p).containsEntry("regconform.workflow.pull", "false").containsEntry("regconform.workflow.push", "false")
        .containsEntry(WorkflowCondition.DEFAULT, "false");
  }

  @Test
  void automatic_crossmount_unset_in_a_selecting_run_turns_automatic_mount_off() {
    OciEnvironment.Settings settings = read(Map.of("OCI_TEST_PUSH", "1"));

    assertThat(settings.disabled()).containsEntry(Feature.AUTOMATIC_MOUNT, "OCI_AUTOMATIC_CROSSMOUNT is not set");
    assertThat(settings.parameters()).doesNotContainKey(OciEnvironment.AUTOMATIC_MOUNT_EXPECT);
  }

  @Test
  void automatic_crossmount_1_expects_201_and_0_expects_202() {
    assertThat(read(Map.of("OCI_TEST_PUSH", "1", "OCI_AUTOMATIC_CROSSMOUNT", "1")).parameters())
        .containsEntry("regconform.automatic-mount.expect", "201");
    OciEnvironment.Settings off = read(Map.of("OCI_TEST_PUSH", "1", "OCI_AUTOMATIC_CROSSMOUNT", "0"));
    assertThat(off.parameters()).containsEntry("regconform.automatic-mount.expect", "202");
    assertThat(off.disabled()).isEmpty();
    assertThat(read(Map.of("OCI_AUTOMATIC_CROSSMOUNT", "true")).parameters())
        .containsEntry("regconform.automatic-mount.expect", "201");
  }

  @Test
  void a_value_that_is_no_boolean_where_the_meaning_depends_on_it_is_refused_naming_the_variable() {
    assertThatThrownBy(() -> read(Map.of("OCI_AUTOMATIC_CROSSMOUNT", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid OCI_AUTOMATIC_CROSSMOUNT 'yes': expected true or false (1 or 0)");
    assertThatThrownBy(() -> read(Map.of("OCI_DELETE_MANIFEST_BEFORE_BLOBS", "blobs")))
        .hasMessageStartingWith("invalid OCI_DELETE_MANIFEST_BEFORE_BLOBS 'blobs'");
  }

  @Test
  void crossmount_namespace_and_cleanup_order_become_parameters() {
    Map<String, String> p = read(Map.of("OCI_CROSSMOUNT_NAMESPACE", "my-org/mount-target",
        "OCI_DELETE_MANIFEST_BEFORE_BLOBS", "false")).parameters();

    assertThat(p).containsEntry("regconform.crossmount.namespace", "my-org/mount-target")
        .containsEntry("regconform.cleanup.manifests-first", "false");
    assertThatThrownBy(() -> read(Map.of("OCI_CROSSMOUNT_NAMESPACE", "My Org")))
        .hasMessageStartingWith("invalid OCI_CROSSMOUNT_NAMESPACE 'My Org'");
  }

  @Test
  void pre_loaded_content_variables_get_one_warning_naming_them() {
    OciEnvironment.Settings settings = read(Map.of("OCI_TAG_NAME", "v1", "OCI_TAG_LIST", "a,b"));

    assertThat(settings.warnings()).containsExactly("OCI_TAG_NAME, OCI_TAG_LIST are set, but checking pre-loaded "
        + "content is not supported yet: the run pushes (and deletes) its own content");
    assertThat(settings.parameters()).isEmpty();
  }

  @Test
  void hide_skipped_and_debug_are_switches_and_auth_scope_and_empty_layer_skip_are_accepted_silently() {
    OciEnvironment.Settings settings = read(Map.of("OCI_HIDE_SKIPPED_WORKFLOWS", "1", "OCI_DEBUG", "true",
        "OCI_AUTH_SCOPE", "repository:org/repo:pull,push", "OCI_SKIP_EMPTY_LAYER_PUSH_TEST", "true"));

    assertThat(settings.hideDisabled()).isTrue();
    assertThat(settings.debug()).isTrue();
    assertThat(settings.parameters()).isEmpty();
    assertThat(settings.warnings()).isEmpty();
    assertThat(settings.disabled()).isEmpty();
  }

  @Test
  void every_workflow_tag_of_the_shipped_scenarios_belongs_to_one_oci_test_variable() {
    Set<String> tags = new TreeSet<>();
    for (Class<?> type : ReflectionSupport.findAllClassesInPackage(SuiteRunner.SCENARIO_PACKAGE,
        c -> AnnotationSupport.isAnnotated(c, RegistryConformance.class), n -> true)) {
      AnnotationSupport.findRepeatableAnnotations(type, Tag.class).forEach(t -> tags.add(t.value()));
    }
    tags.remove("conformance");
    Set<String> mapped = new TreeSet<>();
    OciEnvironment.WORKFLOWS.values().forEach(mapped::addAll);

    assertThat(tags).as("workflow tags of %s", SuiteRunner.SCENARIO_PACKAGE).contains("pull", "push");
    assertThat(mapped).as("a workflow tag missing here is switched off by any OCI_TEST_* selection: add it to "
        + "OciEnvironment.WORKFLOWS (and to the README's table)").containsAll(tags);
  }
}
