package dev.regconform.reports.baseline;

import static dev.regconform.reports.Outcome.BROKEN;
import static dev.regconform.reports.Outcome.DISABLED;
import static dev.regconform.reports.Outcome.FAILED;
import static dev.regconform.reports.Outcome.PASSED;
import static dev.regconform.reports.Outcome.UNSUPPORTED;
import static dev.regconform.reports.Outcome.WARNING;
import static dev.regconform.reports.baseline.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.reports.TargetRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineVerdictTest {
  private static final String D = "Distribution";

  private static BaselineEntry entry(String check, dev.regconform.reports.Outcome outcome, String reason) {
    return new BaselineEntry(D, check, outcome, reason);
  }

  private static List<String> checks(List<BaselineEntry> entries) {
    return entries.stream().map(BaselineEntry::check).toList();
  }

  @Test
  void sorts_each_check_and_entry_into_new_known_fixed_stale_unchecked_and_elsewhere() {
    Baseline baseline = Baseline.of(List.of(
        entry("known.fails", FAILED, "tracked"),
        entry("known.breaks", FAILED, "flaky"),
        entry("fixed.passes", FAILED, "was broken"),
        entry("fixed.warns", FAILED, "now only a SHOULD"),
        entry("off.now", FAILED, "needs delete"),
        entry("unsupported.now", FAILED, "optional"),
        entry("renamed.check", FAILED, "old id"),
        new BaselineEntry("Other", "x", FAILED, "other registry")));
    TargetRun run = run(D, "known.fails", FAILED, "known.breaks", BROKEN, "fixed.passes", PASSED,
        "fixed.warns", WARNING, "off.now", DISABLED, "unsupported.now", UNSUPPORTED, "new.fails", FAILED,
        "new.breaks", BROKEN, "other.passes", PASSED, "other.warns", WARNING);

    BaselineVerdict verdict = BaselineVerdict.of(baseline, List.of(run), false);

    assertThat(checks(verdict.newFailures())).containsExactly("new.fails", "new.breaks");
    assertThat(checks(verdict.known())).containsExactly("known.fails", "known.breaks");
    assertThat(verdict.known()).extracting(BaselineEntry::outcome, BaselineEntry::reason)
        .as("the outcome now, the reason from the baseline")
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FAILED, "tracked"),
            org.assertj.core.groups.Tuple.tuple(BROKEN, "flaky"));
    assertThat(checks(verdict.fixed())).containsExactly("fixed.passes", "fixed.warns");
    assertThat(checks(verdict.unchecked())).containsExactly("off.now", "unsupported.now");
    assertThat(checks(verdict.stale())).containsExactly("renamed.check");
    assertThat(verdict.elsewhere()).extracting(BaselineEntry::target).containsExactly("Other");
    assertThat(verdict.exitStatus()).as("a new MUST failure").isEqualTo(1);
  }

  @Test
  void every_failure_in_the_baseline_means_exit_0_whatever_outcome_the_entry_recorded() {
    Baseline baseline = Baseline.of(List.of(entry("a", FAILED, ""), entry("b", FAILED, "")));

    BaselineVerdict verdict = BaselineVerdict.of(baseline, List.of(run(D, "a", FAILED, "b", BROKEN, "c", PASSED)),
        false);

    assertThat(verdict.newFailures()).isEmpty();
    assertThat(checks(verdict.known())).containsExactly("a", "b");
    assertThat(verdict.exitStatus()).isZero();
  }

  @Test
  void only_new_broken_checks_mean_exit_2_as_without_a_baseline() {
    BaselineVerdict verdict = BaselineVerdict.of(Baseline.empty(), List.of(run(D, "a", BROKEN, "b", PASSED)), false);

    assertThat(verdict.exitStatus()).isEqualTo(2);
  }

  @Test
  void with_strict_a_warning_not_in_the_baseline_is_a_new_failure_and_one_in_it_is_known() {
    Baseline baseline = Baseline.of(List.of(entry("w.known", WARNING, "accepted SHOULD")));
    TargetRun run = run(D, "w.known", WARNING, "w.new", WARNING);

    BaselineVerdict strict = BaselineVerdict.of(baseline, List.of(run), true);
    BaselineVerdict lenient = BaselineVerdict.of(baseline, List.of(run), false);

    assertThat(checks(strict.newFailures())).containsExactly("w.new");
    assertThat(checks(strict.known())).containsExactly("w.known");
    assertThat(strict.exitStatus()).isEqualTo(1);
    assertThat(lenient.newFailures()).as("without --strict a warning fails nothing").isEmpty();
    assertThat(checks(lenient.known())).as("a warning recorded as one and still one is not fixed")
        .containsExactly("w.known");
    assertThat(lenient.fixed()).isEmpty();
    assertThat(lenient.exitStatus()).isZero();
  }

  @Test
  void entries_match_by_target_description_so_the_same_check_on_another_target_is_new() {
    Baseline baseline = Baseline.of(List.of(entry("a", FAILED, "")));

    BaselineVerdict verdict = BaselineVerdict.of(baseline, List.of(run(D, "a", FAILED), run("Zot", "a", FAILED)),
        false);

    assertThat(verdict.known()).extracting(BaselineEntry::target).containsExactly(D);
    assertThat(verdict.newFailures()).extracting(BaselineEntry::target).containsExactly("Zot");
  }

  @Test
  void console_lines_say_known_fixed_stale_and_new_in_the_words_people_search_for_then_count_them() {
    Baseline baseline = Baseline.of(List.of(entry("k", FAILED, "tracked in REG-1"), entry("f", FAILED, "x"),
        entry("gone", FAILED, ""), entry("off", FAILED, ""), new BaselineEntry("http://127.0.0.1:5000", "z", FAILED,
            "")));
    BaselineVerdict verdict = BaselineVerdict.of(baseline, List.of(run(D, "k", FAILED, "f", PASSED, "n", FAILED,
        "off", DISABLED)), false);

    List<String> lines = verdict.consoleLines("ci/baseline.yaml", List.of(D));

    assertThat(lines).containsExactly(
        "new failure (not in the baseline): n (failed): Expecting response to <GET /v2/<namespace>/x/manifests/latest>"
            + " to have status: <200> but was: <404>",
        "known (baseline): k (failed): tracked in REG-1",
        "fixed — remove from the baseline: f (now passed)",
        "stale — no such check any more, remove from the baseline: gone",
        "not checked this run (kept in the baseline): off (disabled)",
        "baseline: 1 entry is for 'http://127.0.0.1:5000', which this run did not check (its targets: "
            + "'Distribution'); a target is matched by its description: give a --target the same --target-name in "
            + "every run",
        "baseline ci/baseline.yaml: 1 new failure, 1 known, 1 fixed, 1 stale");
  }

  @Test
  void console_lines_name_the_target_when_the_run_has_several() {
    BaselineVerdict verdict = BaselineVerdict.of(Baseline.of(List.of(entry("k", FAILED, ""))),
        List.of(run(D, "k", FAILED), run("Zot", "k", PASSED)), false);

    assertThat(verdict.consoleLines("b.yaml", List.of(D, "Zot")))
        .contains("known (baseline): k (failed) on Distribution");
  }

  @Test
  void a_long_reason_is_cut_on_the_console() {
    BaselineVerdict verdict = BaselineVerdict.of(Baseline.of(List.of(entry("k", FAILED, "r".repeat(300)))),
        List.of(run(D, "k", FAILED)), false);

    assertThat(verdict.consoleLines("b.yaml", List.of(D)).get(0))
        .isEqualTo("known (baseline): k (failed): " + "r".repeat(BaselineVerdict.CONSOLE_TEXT - 1) + "…");
  }

  @Test
  void the_json_has_the_exit_status_and_every_list_even_when_empty() {
    BaselineVerdict verdict = BaselineVerdict.of(Baseline.of(List.of(entry("k", FAILED, "why"))),
        List.of(run(D, "k", FAILED, "n", FAILED)), false);

    JsonNode json = verdict.toJson("b.yaml");

    assertThat(json.path("file").asText()).isEqualTo("b.yaml");
    assertThat(json.path("exitStatus").asInt()).isEqualTo(1);
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("file", "exitStatus", "newFailures", "known", "fixed", "stale", "unchecked",
        "elsewhere");
    assertThat(json.at("/newFailures/0/id").asText()).isEqualTo("n");
    assertThat(json.at("/newFailures/0/target").asText()).isEqualTo(D);
    assertThat(json.at("/newFailures/0/outcome").asText()).isEqualTo("failed");
    assertThat(json.at("/known/0/reason").asText()).isEqualTo("why");
    assertThat(json.path("fixed").isArray()).isTrue();
    assertThat(json.path("fixed")).isEmpty();
  }
}
