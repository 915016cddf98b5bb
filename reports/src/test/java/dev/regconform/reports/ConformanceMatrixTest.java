package dev.regconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceMatrixTest {

  static CheckResult check(String id, String workflow, Outcome outcome, String message) {
    return new CheckResult(id, "verifies " + id, workflow, outcome, message, "", Duration.ofMillis(7), "MUST",
        List.of("R6"));
  }

  static TargetRun run(String url, String description, CheckResult... checks) {
    return new TargetRun(url, description, "regconform/run-" + url.substring(url.length() - 4),
        Instant.parse("2026-11-26T16:00:00Z"), List.of(checks));
  }

  /** Distribution: passes most; a failure in pull; a check only it ran (delete); one without a workflow. */
  static final TargetRun DISTRIBUTION = run("http://127.0.0.1:5000", "Distribution 2.8.2",
      check("pull.by-tag.manifest-bytes[oci]", "pull", Outcome.PASSED, ""),
      check("pull.blobs.layers[oci]", "pull", Outcome.FAILED,
          "Expecting <200> but was <404> | body: a & b\nsecond line <script>alert(1)</script>"),
      check("push.blob.monolithic", "push", Outcome.PASSED, ""),
      check("tags.list.order", "discovery", Outcome.WARNING, "not sorted"),
      check("delete.manifest.by-digest", "delete", Outcome.PASSED, ""),
      check("api.base.version", "", Outcome.PASSED, ""));

  /** Artipie: the same checks, but not the delete one; other outcomes on two. */
  static final TargetRun ARTIPIE = run("http://127.0.0.1:6000", "Artipie | embedded",
      check("api.base.version", "", Outcome.PASSED, ""),
      check("tags.list.order", "discovery", Outcome.WARNING, "not sorted"),
      check("push.blob.monolithic", "push", Outcome.UNSUPPORTED, "405 Method Not Allowed"),
      check("pull.blobs.layers[oci]", "pull", Outcome.PASSED, ""),
      check("pull.by-tag.manifest-bytes[oci]", "pull", Outcome.PASSED, ""));

  private final ConformanceMatrix matrix = ConformanceMatrix.of(List.of(DISTRIBUTION, ARTIPIE));

  @Test
  void workflows_are_grouped_alphabetically_with_checks_of_no_workflow_last_and_checks_by_id_within() {
    assertThat(matrix.groups()).extracting(ConformanceMatrix.Group::workflow)
        .containsExactly("delete", "discovery", "pull", "push", ConformanceMatrix.NO_WORKFLOW);
    assertThat(matrix.groups().get(2).rows()).extracting(ConformanceMatrix.Row::checkId)
        .containsExactly("pull.blobs.layers[oci]", "pull.by-tag.manifest-bytes[oci]");
    assertThat(matrix.checkCount()).isEqualTo(6);
  }

  @Test
  void registries_keep_the_order_of_the_runs_and_each_cell_is_that_registrys_result() {
    assertThat(matrix.registries()).extracting(ConformanceMatrix.Registry::description)
        .containsExactly("Distribution 2.8.2", "Artipie | embedded");
    ConformanceMatrix.Row layers = matrix.rowsById().get("pull.blobs.layers[oci]");
    assertThat(layers.cell(0)).map(CheckResult::outcome).hasValue(Outcome.FAILED);
    assertThat(layers.cell(1)).map(CheckResult::outcome).hasValue(Outcome.PASSED);
    assertThat(layers.name()).isEqualTo("verifies pull.blobs.layers[oci]");
    assertThat(layers.level()).isEqualTo("MUST");
  }

  @Test
  void totals_per_registry_count_every_outcome() {
    Counts distribution = matrix.totals().get(0);
    Counts artipie = matrix.totals().get(1);
    assertThat(distribution).isEqualTo(DISTRIBUTION.counts());
    assertThat(distribution.count(Outcome.PASSED)).isEqualTo(4);
    assertThat(distribution.count(Outcome.FAILED)).isEqualTo(1);
    assertThat(distribution.count(Outcome.WARNING)).isEqualTo(1);
    assertThat(artipie.count(Outcome.PASSED)).isEqualTo(3);
    assertThat(artipie.count(Outcome.UNSUPPORTED)).isEqualTo(1);
    assertThat(artipie.total()).isEqualTo(5);
  }

  @Test
  void totals_per_workflow_count_only_that_workflows_checks_on_each_registry() {
    ConformanceMatrix.Group pull = matrix.groups().get(2);
    assertThat(pull.totals().get(0).count(Outcome.PASSED)).isEqualTo(1);
    assertThat(pull.totals().get(0).count(Outcome.FAILED)).isEqualTo(1);
    assertThat(pull.totals().get(1).count(Outcome.PASSED)).isEqualTo(2);
    assertThat(pull.totals().get(1).total()).isEqualTo(2);
    ConformanceMatrix.Group delete = matrix.groups().get(0);
    assertThat(delete.totals().get(1).total()).as("Artipie ran no delete check").isZero();
  }

  @Test
  void a_row_differs_when_the_outcomes_differ_or_the_check_ran_on_one_registry_only() {
    assertThat(matrix.differingRows()).extracting(ConformanceMatrix.Row::checkId)
        .containsExactly("delete.manifest.by-digest", "pull.blobs.layers[oci]", "push.blob.monolithic");
    assertThat(matrix.rowsById().get("tags.list.order").differs()).as("warning on both").isFalse();
    assertThat(matrix.rowsById().get("pull.by-tag.manifest-bytes[oci]").differs()).isFalse();
  }

  @Test
  void a_check_present_for_one_registry_only_has_an_empty_cell_for_the_others() {
    ConformanceMatrix.Row delete = matrix.rowsById().get("delete.manifest.by-digest");

    assertThat(delete.cell(0)).map(CheckResult::outcome).hasValue(Outcome.PASSED);
    assertThat(delete.cell(1)).isEmpty();
    assertThat(delete.cells()).hasSize(2);
  }

  @Test
  void with_one_registry_no_row_differs() {
    ConformanceMatrix single = ConformanceMatrix.of(List.of(DISTRIBUTION));

    assertThat(single.registries()).hasSize(1);
    assertThat(single.differingRows()).isEmpty();
    assertThat(single.totals()).containsExactly(DISTRIBUTION.counts());
  }

  @Test
  void a_check_id_twice_in_one_run_keeps_its_first_verdict() {
    TargetRun twice = run("http://127.0.0.1:7000", "twice", check("pull.a", "pull", Outcome.FAILED, "first"),
        check("pull.a", "pull", Outcome.PASSED, "second"));

    ConformanceMatrix.Row row = ConformanceMatrix.of(List.of(twice)).rowsById().get("pull.a");

    assertThat(row.cell(0)).map(CheckResult::message).hasValue("first");
  }
}
