package dev.regconform.reports.baseline;

import static dev.regconform.reports.Outcome.BROKEN;
import static dev.regconform.reports.Outcome.DISABLED;
import static dev.regconform.reports.Outcome.FAILED;
import static dev.regconform.reports.Outcome.PASSED;
import static dev.regconform.reports.Outcome.WARNING;
import static dev.regconform.reports.baseline.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path dir;

  @Nested
  class Recording_a_run {
    @Test
    void records_failed_and_broken_checks_sorted_by_id_with_the_gist_of_the_message_as_reason() {
      Baseline baseline = Baseline.record(List.of(run("Distribution", "z.fails", FAILED, "a.passes", PASSED,
          "m.breaks", BROKEN, "w.warns", WARNING, "d.off", DISABLED)), false, Baseline.empty());

      assertThat(baseline.entries()).extracting(BaselineEntry::check).containsExactly("m.breaks", "z.fails");
      assertThat(baseline.entries()).extracting(BaselineEntry::outcome).containsExactly(BROKEN, FAILED);
      assertThat(baseline.entries()).allSatisfy(e -> assertThat(e.target()).isEqualTo("Distribution"));
      assertThat(baseline.find("Distribution", "z.fails").orElseThrow().reason())
          .isEqualTo("Expecting response to <GET /v2/<namespace>/x/manifests/latest> to have status: <200> but was: <404>");
    }

    @Test
    void with_strict_records_warnings_too() {
      Baseline baseline = Baseline.record(List.of(run("D", "w.warns", WARNING, "f.fails", FAILED)), true,
          Baseline.empty());

      assertThat(baseline.entries()).extracting(BaselineEntry::check, BaselineEntry::outcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("f.fails", FAILED),
              org.assertj.core.groups.Tuple.tuple("w.warns", WARNING));
    }

    @Test
    void keeps_the_reasons_of_a_kept_baseline_and_carries_over_what_this_run_could_not_look_at() {
      Baseline kept = Baseline.of(List.of(
          new BaselineEntry("D", "still.fails", FAILED, "tracked in REG-12"),
          new BaselineEntry("D", "now.passes", FAILED, "fixed upstream"),
          new BaselineEntry("D", "now.disabled", FAILED, "needs delete"),
          new BaselineEntry("D", "gone", FAILED, "renamed check"),
          new BaselineEntry("Other registry", "x", BROKEN, "not started here")));

      Baseline recorded = Baseline.record(List.of(run("D", "still.fails", FAILED, "now.passes", PASSED,
          "now.disabled", DISABLED, "brand.new", FAILED)), false, kept);

      assertThat(recorded.entries()).extracting(BaselineEntry::target, BaselineEntry::check, BaselineEntry::reason)
          .as("fixed and stale entries dropped, reasons kept, unchecked and other targets carried over")
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("D", "brand.new",
                  "Expecting response to <GET /v2/<namespace>/x/manifests/latest> to have status: <200> but was: <404>"),
              org.assertj.core.groups.Tuple.tuple("D", "now.disabled", "needs delete"),
              org.assertj.core.groups.Tuple.tuple("D", "still.fails", "tracked in REG-12"),
              org.assertj.core.groups.Tuple.tuple("Other registry", "x", "not started here"));
    }
  }

  @Nested
  class The_file {
    private final Baseline baseline = Baseline.of(List.of(
        new BaselineEntry("Distribution 2.8.2 (process /usr/bin/docker-registry)", "push.blob.monolithic[oci]",
            FAILED, "Expecting response to <PUT /v2/x> to have status: <201> but was: <400> # not a comment"),
        new BaselineEntry("Distribution 2.8.2 (process /usr/bin/docker-registry)", "tags.list.order", WARNING,
            "key: value, [brackets], {braces}, 'quotes' and \"double quotes\", a trailing colon:"),
        new BaselineEntry("http://127.0.0.1:5000", "yes", BROKEN, ""),
        new BaselineEntry("http://127.0.0.1:5000", "push.chunked.resend", FAILED, "x".repeat(300))));

    @Test
    void round_trips_through_yaml_with_every_kind_of_text() {
      String yaml = baseline.toYaml("regconform test on 2026-11-26T16:00:00Z");

      assertThat(Baseline.parse(yaml, "test")).isEqualTo(baseline);
    }

    @Test
    void starts_with_comments_that_explain_every_field_then_lists_the_entries_by_target() {
      String yaml = baseline.toYaml("regconform test on 2026-11-26T16:00:00Z");

      assertThat(yaml).startsWith(Baseline.HEADER)
          .contains("# Written by regconform test on 2026-11-26T16:00:00Z: 4 entries.\nversion: 1\ntargets:\n"
              + "  - target: Distribution 2.8.2 (process /usr/bin/docker-registry)\n    known:\n"
              + "      - check: \"push.blob.monolithic[oci]\"\n        outcome: failed\n");
      for (String field : List.of("#   target ", "#   check ", "#   outcome ", "#   reason ")) {
        assertThat(Baseline.HEADER).as("the header explains %s", field.strip()).contains(field);
      }
      assertThat(yaml.lines().filter(l -> l.contains("reason:"))).as("one line per reason").hasSize(4);
    }

    @Test
    void is_written_to_a_file_and_read_back(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("ci/baseline.yaml");

      baseline.write(file, "regconform test");

      assertThat(Baseline.read(file)).isEqualTo(baseline);
    }

    @Test
    void with_no_failure_is_an_empty_list_that_reads_back_empty() {
      String yaml = Baseline.empty().toYaml("test");

      assertThat(yaml).endsWith("version: 1\ntargets: []\n");
      assertThat(Baseline.parse(yaml, "test").entries()).isEmpty();
    }
  }

  @Nested
  class Reading_a_hand_edited_file {
    @Test
    void comments_anywhere_blank_lines_and_a_missing_outcome_or_reason_are_fine() {
      Baseline baseline = Baseline.parse("""
          # our CI baseline
          version: 1   # the format
          targets:

            # the registry under test
            - target: http://registry.internal:5000
              known:
                - check: push.chunked.resend   # upstream issue 4242
                  reason: >-
                    Distribution answers 202 to a resent chunk;
                    tracked upstream.
                - check: tags.list.order
                  outcome: WARNING
            - target: empty one
              known:
          """, "ci.yaml");

      assertThat(baseline.entries()).containsExactly(
          new BaselineEntry("http://registry.internal:5000", "push.chunked.resend", FAILED,
              "Distribution answers 202 to a resent chunk; tracked upstream."),
          new BaselineEntry("http://registry.internal:5000", "tags.list.order", WARNING, ""));
    }

    @Test
    void an_unknown_field_is_one_line_naming_the_file_the_line_the_field_and_the_known_ones() {
      assertThatThrownBy(() -> Baseline.parse("""
          version: 1
          targets:
            - target: D
              known:
                - check: a
                  reasn: typo
          """, "baseline ci.yaml"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("baseline ci.yaml: line 6: unknown field 'reasn' in targets[0].known[0] (an entry has the fields "
              + "check, outcome, reason)");
    }

    @Test
    void an_unknown_field_of_a_target_or_at_the_top_is_named_too() {
      assertThatThrownBy(() -> Baseline.parse("version: 1\ntargets:\n  - target: D\n    checks: []\n", "f"))
          .hasMessage("f: line 4: unknown field 'checks' in targets[0] (a target has the fields known, target)");
      assertThatThrownBy(() -> Baseline.parse("version: 1\nentries: []\n", "f"))
          .hasMessage("f: line 2: unknown field 'entries' in the file (the file has the fields targets, version)");
    }

    @Test
    void the_same_check_twice_for_a_target_is_refused_naming_both() {
      assertThatThrownBy(() -> Baseline.parse("""
          version: 1
          targets:
            - target: D
              known:
                - check: a
                - check: b
                - check: a
          """, "f"))
          .hasMessage("f: check 'a' is listed twice for target 'D'");
    }

    @Test
    void the_same_target_twice_is_refused_but_the_same_check_on_two_targets_is_fine() {
      assertThatThrownBy(() -> Baseline.parse("""
          version: 1
          targets:
            - target: D
            - target: E
            - target: D
          """, "f"))
          .hasMessage("f: targets[2]: target 'D' is listed twice (targets[0] and targets[2]); list all its checks "
              + "under one");
      assertThat(Baseline.parse("""
          version: 1
          targets:
            - target: D
              known: [{check: a}]
            - target: E
              known: [{check: a}]
          """, "f").entries()).hasSize(2);
    }

    @Test
    void a_field_given_twice_in_one_entry_is_refused() {
      assertThatThrownBy(() -> Baseline.parse("version: 1\ntargets:\n  - target: D\n    target: E\n", "f"))
          .hasMessageStartingWith("f: line 4: not valid YAML: Duplicate field 'target'");
    }

    @Test
    void what_is_not_a_baseline_is_one_line_saying_what_is_wrong_where() {
      assertThat(problem("")).isEqualTo("f: empty; a baseline starts with 'version: 1' and lists 'targets:' "
          + "(write one with --write-baseline FILE)");
      assertThat(problem("targets: []\n")).isEqualTo("f: no 'version: 1'");
      assertThat(problem("version: 2\n")).isEqualTo("f: version 2 is not one this regconform reads (1)");
      assertThat(problem("version: 1\ntargets:\n  target: D\n")).isEqualTo(
          "f: line 3: 'targets' must be a list (lines starting with '- ')");
      assertThat(problem("version: 1\ntargets:\n  - known: []\n")).isEqualTo(
          "f: targets[0]: no 'target' (the target's description, e.g. its URL)");
      assertThat(problem("version: 1\ntargets:\n  - target: D\n    known:\n      - reason: r\n")).isEqualTo(
          "f: targets[0].known[0]: no 'check' (a check id, e.g. push.chunked.resend)");
      assertThat(problem("version: 1\ntargets:\n  - target: D\n    known:\n      - {check: a, outcome: passed}\n"))
          .isEqualTo("f: targets[0].known[0] (a): outcome 'passed' is not failed, broken or warning");
      assertThat(problem("version: 1\ntargets: [\n")).startsWith("f: line ").contains("not valid YAML");
      assertThat(problem("version: 1\ntargets:\n  - target: D\n    known:\n      - check: [a]\n")).isEqualTo(
          "f: line 5: 'targets[0].known[0].check' must be text");
      assertThat(problem("- a\n- b\n")).isEqualTo("f: line 1: the file must be a mapping of fields (name: value)");
    }

    @Test
    void a_missing_file_says_how_to_make_one(@TempDir Path dir) {
      Path missing = dir.resolve("baseline.yaml");

      assertThatThrownBy(() -> Baseline.read(missing)).hasMessage("baseline " + missing
          + ": no such file (write one with --write-baseline " + missing + ")");
    }

    @Test
    void every_problem_message_is_one_line() throws Exception {
      Path file = Files.writeString(dir.resolve("b.yaml"), "version: 1\ntargets:\n  - target: D\n    known:\n"
          + "      - check: 'unterminated\n");

      assertThatThrownBy(() -> Baseline.read(file)).satisfies(e -> assertThat(e.getMessage())
          .as("message of %s", e).startsWith("baseline " + file + ": line ").doesNotContain("\n"));
    }

    private String problem(String yaml) {
      try {
        Baseline.parse(yaml, "f");
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as("one line").doesNotContain("\n");
        return e.getMessage();
      }
      throw new AssertionError("expected " + yaml.strip() + " to be refused");
    }
  }

  @Test
  void the_gist_of_a_message_is_one_line_without_the_exchange_the_run_url_namespace_or_level_and_is_bounded() {
    String gist = BaselineEntry.gist("(SHOULD) \nExpecting response to\n  <GET http://127.0.0.1:5000/v2/ns/run-1/x>\n"
        + "but was:\n  <404>\nExchange:\n  GET http://127.0.0.1:5000/v2/ns/run-1/x\n    -> 404", "http://127.0.0.1:5000",
        "ns/run-1");

    assertThat(gist).isEqualTo("Expecting response to <GET /v2/<namespace>/x> but was: <404>");
    assertThat(BaselineEntry.gist("a\n".repeat(500), "", "")).hasSize(BaselineEntry.REASON_LENGTH).endsWith("…");
    assertThat(BaselineEntry.gist("", "u", "n")).isEmpty();
  }
}
