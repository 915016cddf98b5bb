package dev.regconform.reports.baseline;

import static dev.regconform.reports.Outcome.BROKEN;
import static dev.regconform.reports.Outcome.DISABLED;
import static dev.regconform.reports.Outcome.FAILED;
import static dev.regconform.reports.Outcome.PASSED;
import static dev.regconform.reports.Outcome.WARNING;
import static dev.regconform.reports.baseline.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.SummaryJsonWriter;
import dev.regconform.reports.TargetRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {
  private static final String D = "Distribution";
  private static final Instant THEN = Instant.parse("2026-11-26T15:00:00.123Z");

  @TempDir Path dir;

  private static PreviousRun previous(String target, Object... idsAndOutcomes) {
    Map<String, Outcome> checks = new LinkedHashMap<>();
    for (int i = 0; i < idsAndOutcomes.length; i += 2) {
      checks.put((String) idsAndOutcomes[i], (Outcome) idsAndOutcomes[i + 1]);
    }
    return new PreviousRun(THEN, Map.of(target, checks));
  }

  @Test
  void finds_the_checks_that_fail_now_and_did_not_then_and_those_that_failed_then_and_pass_now() {
    PreviousRun before = previous(D, "still.fails", FAILED, "starts.failing", PASSED, "starts.breaking", WARNING,
        "now.passes", FAILED, "now.warns", BROKEN, "now.disabled", FAILED, "was.disabled", DISABLED);
    TargetRun now = run(D, "still.fails", FAILED, "starts.failing", FAILED, "starts.breaking", BROKEN,
        "now.passes", PASSED, "now.warns", WARNING, "now.disabled", DISABLED, "was.disabled", FAILED,
        "brand.new", FAILED);

    RunDiff diff = RunDiff.between(before, List.of(now), false);

    RunDiff.TargetDiff d = diff.targets().get(0);
    assertThat(d.newlyFailing()).extracting(RunDiff.Change::check, RunDiff.Change::before, RunDiff.Change::now)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("starts.failing", PASSED, FAILED),
            org.assertj.core.groups.Tuple.tuple("starts.breaking", WARNING, BROKEN),
            org.assertj.core.groups.Tuple.tuple("was.disabled", DISABLED, FAILED),
            org.assertj.core.groups.Tuple.tuple("brand.new", null, FAILED));
    assertThat(d.newlyPassing()).extracting(RunDiff.Change::check).as("a check now disabled is not passing")
        .containsExactly("now.passes", "now.warns");
  }

  @Test
  void with_strict_a_new_warning_is_newly_failing() {
    RunDiff diff = RunDiff.between(previous(D, "w", PASSED), List.of(run(D, "w", WARNING)), true);

    assertThat(diff.targets().get(0).newlyFailing()).extracting(RunDiff.Change::check).containsExactly("w");
  }

  @Test
  void the_console_line_counts_and_names_the_changes_of_the_one_target() {
    RunDiff diff = RunDiff.between(previous(D, "a", PASSED, "b", FAILED, "c", FAILED),
        List.of(run(D, "a", FAILED, "b", PASSED, "c", WARNING)), false);

    assertThat(diff.consoleLines()).containsExactly(
        "since the previous run (2026-11-26T15:00:00Z): 1 newly failing: a; 2 newly passing: b, c");
  }

  @Test
  void the_console_lines_name_each_target_when_there_are_several_and_say_which_only_one_run_checked() {
    PreviousRun before = new PreviousRun(THEN, Map.of(D, Map.of("a", PASSED), "Gone", Map.of("a", PASSED)));

    RunDiff diff = RunDiff.between(before, List.of(run(D, "a", PASSED), run("Zot", "a", FAILED)), false);

    assertThat(diff.consoleLines()).containsExactly(
        "since the previous run (2026-11-26T15:00:00Z), Distribution: 0 newly failing; 0 newly passing",
        "since the previous run (2026-11-26T15:00:00Z): not checked then: Zot; not checked now: Gone");
  }

  @Test
  void a_long_list_is_cut_on_the_console_and_complete_in_the_markdown() {
    Object[] ids = IntStream.range(0, 15).boxed().flatMap(i -> java.util.stream.Stream.of("c" + i, FAILED))
        .toArray();
    RunDiff diff = RunDiff.between(previous(D), List.of(run(D, ids)), false);

    assertThat(diff.consoleLines().get(0)).startsWith("since the previous run (2026-11-26T15:00:00Z): 15 newly failing: "
        + "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, … 5 more (see diff.md); 0 newly passing");
    assertThat(diff.toMarkdown()).contains("| `c14` | (not run) | failed |");
  }

  @Test
  void the_markdown_has_a_table_per_target_with_the_message_of_each_newly_failing_check() {
    RunDiff diff = RunDiff.between(previous(D, "a", PASSED, "b", FAILED), List.of(run(D, "a", FAILED, "b", PASSED)),
        false);

    String md = diff.toMarkdown();

    assertThat(md).startsWith("# Since the previous run\n\nCompared with the run of 2026-11-26T15:00:00Z")
        .contains("\n## Distribution\n\nNewly failing: 1\n\n| Check | Then | Now | Message |\n|---|---|---|---|\n"
            + "| `a` | passed | failed | Expecting response to <GET /v2/<namespace>/x/manifests/latest> to have "
            + "status: <200> but was: <404> |\n")
        .contains("Newly passing: 1\n\n| Check | Then | Now |\n|---|---|---|\n| `b` | failed | passed |\n");
  }

  @Test
  void the_markdown_says_so_when_nothing_changed() {
    RunDiff diff = RunDiff.between(previous(D, "a", PASSED), List.of(run(D, "a", PASSED)), false);

    assertThat(diff.toMarkdown()).contains("## Distribution\n\nNo check moved between failing and passing.\n");
  }

  @Test
  void the_json_has_stable_fields() {
    RunDiff diff = RunDiff.between(previous(D, "a", PASSED), List.of(run(D, "a", FAILED, "n", FAILED)), false);

    JsonNode json = diff.toJson();

    assertThat(json.path("previousStarted").asText()).isEqualTo("2026-11-26T15:00:00.123Z");
    assertThat(json.at("/targets/0/target").asText()).isEqualTo(D);
    assertThat(json.at("/targets/0/newlyFailing/0/id").asText()).isEqualTo("a");
    assertThat(json.at("/targets/0/newlyFailing/0/before").asText()).isEqualTo("passed");
    assertThat(json.at("/targets/0/newlyFailing/0/now").asText()).isEqualTo("failed");
    assertThat(json.at("/targets/0/newlyFailing/1/before").isNull()).as("a check the previous run did not have")
        .isTrue();
    assertThat(json.at("/targets/0/newlyPassing").isArray()).isTrue();
    assertThat(json.path("notInPreviousRun").isArray()).isTrue();
    assertThat(json.path("notInThisRun").isArray()).isTrue();
  }

  @Test
  void reads_the_previous_run_from_the_summary_json_this_toolkit_writes() throws Exception {
    Path summary = dir.resolve("summary.json");
    SummaryJsonWriter.write(summary, "test", List.of(run(D, "a", PASSED, "b", FAILED), run("Zot", "c", BROKEN)));

    PreviousRun previous = PreviousRun.read(summary).orElseThrow();

    assertThat(previous.started()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
    assertThat(previous.outcomes()).containsOnlyKeys(D, "Zot");
    assertThat(previous.outcomes().get(D)).containsExactly(Map.entry("a", PASSED), Map.entry("b", FAILED));
    assertThat(previous.outcomes().get("Zot")).containsExactly(Map.entry("c", BROKEN));
  }

  @Test
  void no_summary_json_means_no_previous_run_and_a_broken_one_is_one_line() throws Exception {
    assertThat(PreviousRun.read(dir.resolve("summary.json"))).isEmpty();

    Path broken = Files.writeString(dir.resolve("summary.json"), "{\"targets\": [");
    assertThatThrownBy(() -> PreviousRun.read(broken)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(broken + " is not JSON: ").satisfies(e -> assertThat(e.getMessage())
            .doesNotContain("\n"));
    Files.writeString(broken, "{\"tool\": \"something else\"}");
    assertThatThrownBy(() -> PreviousRun.read(broken))
        .hasMessage(broken + " has no 'targets': not a regconform summary");
  }
}
