package dev.regconform.cli;

import static dev.regconform.reports.Outcome.FAILED;
import static dev.regconform.reports.Outcome.PASSED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.SummaryJsonWriter;
import dev.regconform.reports.TargetRun;
import dev.regconform.reports.baseline.Baseline;
import dev.regconform.reports.baseline.BaselineEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --baseline, --write-baseline and the diff with the previous run, on made-up runs (no registry). */
class RunComparisonTest {
  private static final String URL = "http://127.0.0.1:5000";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static TargetRun run(Object... idsAndOutcomes) {
    List<CheckResult> checks = new ArrayList<>();
    for (int i = 0; i < idsAndOutcomes.length; i += 2) {
      Outcome outcome = (Outcome) idsAndOutcomes[i + 1];
      checks.add(new CheckResult((String) idsAndOutcomes[i], "", "pull", outcome,
          outcome == PASSED ? "" : "Expecting response to\n  <GET " + URL + "/v2/ns/run-1/x>\nbut was:\n  <500>",
          "", Duration.ZERO));
    }
    return new TargetRun(URL, URL, "ns/run-1", Instant.parse("2026-11-26T16:00:00Z"), checks);
  }

  private RunComparison.Result compare(RunComparison comparison, TargetRun run) throws IOException {
    return comparison.compare(List.of(run), Optional.of(dir), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Nested
  class With_a_baseline {
    @Test
    void prints_known_new_and_fixed_decides_the_exit_status_and_adds_the_verdict_to_the_summary() throws IOException {
      Path file = dir.resolve("baseline.yaml");
      Baseline.of(List.of(new BaselineEntry(URL, "known", FAILED, "tracked"),
          new BaselineEntry(URL, "fixed", FAILED, "was broken"))).write(file, "test");

      RunComparison.Result result = compare(RunComparison.prepare(file, null, false),
          run("known", FAILED, "fixed", PASSED, "new", FAILED));

      assertThat(out.toString().lines()).containsExactly(
          "new failure (not in the baseline): new (failed): Expecting response to <GET /v2/<namespace>/x> but was: <500>",
          "known (baseline): known (failed): tracked",
          "fixed — remove from the baseline: fixed (now passed)",
          "baseline " + file + ": 1 new failure, 1 known, 1 fixed, 0 stale");
      assertThat(result.exitStatus()).hasValue(1);
      assertThat(result.summarySections()).containsOnlyKeys("baseline");
      assertThat(result.summarySections().get("baseline").at("/newFailures/0/id").asText()).isEqualTo("new");
    }

    @Test
    void with_only_known_failures_the_exit_status_is_0() throws IOException {
      Path file = dir.resolve("baseline.yaml");
      Baseline.of(List.of(new BaselineEntry(URL, "known", FAILED, ""))).write(file, "test");

      assertThat(compare(RunComparison.prepare(file, null, false), run("known", FAILED, "ok", PASSED)).exitStatus())
          .hasValue(0);
    }

    @Test
    void without_one_the_exit_status_is_left_to_the_run() throws IOException {
      assertThat(compare(RunComparison.prepare(null, null, false), run("f", FAILED)).exitStatus()).isEmpty();
      assertThat(out.toString()).isEmpty();
    }
  }

  @Nested
  class Writing_a_baseline {
    @Test
    void writes_the_failures_and_keeps_the_reasons_of_the_baseline_it_was_gated_on() throws IOException {
      Path file = dir.resolve("baseline.yaml");
      Baseline.of(List.of(new BaselineEntry(URL, "known", FAILED, "tracked in REG-7"),
          new BaselineEntry(URL, "fixed", FAILED, "was broken"))).write(file, "test");

      compare(RunComparison.prepare(file, file, false), run("known", FAILED, "fixed", PASSED, "new", FAILED));

      String yaml = Files.readString(file, UTF_8);
      assertThat(yaml).startsWith("# regconform baseline").contains("# Written by regconform ");
      assertThat(Baseline.parse(yaml, "written").entries()).containsExactly(
          new BaselineEntry(URL, "known", FAILED, "tracked in REG-7"),
          new BaselineEntry(URL, "new", FAILED, "Expecting response to <GET /v2/<namespace>/x> but was: <500>"));
      assertThat(out.toString()).contains("wrote the baseline " + file + ": 2 entries (failed and broken checks)\n");
    }
  }

  @Test
  void a_baseline_that_cannot_be_written_is_one_line_and_exit_2() throws IOException {
    Path blocked = Files.writeString(dir.resolve("a-file"), "");

    RunComparison.Result result = compare(RunComparison.prepare(null, blocked.resolve("baseline.yaml"), false),
        run("f", FAILED));

    assertThat(result.exitStatus()).hasValue(2);
    assertThat(err.toString()).startsWith("regconform: cannot write the baseline " + blocked.resolve("baseline.yaml")
        + ": ").hasLineCount(1);
  }

  @Nested
  class The_previous_run {
    @Test
    void is_compared_with_printed_written_to_diff_md_and_added_to_the_summary() throws IOException {
      SummaryJsonWriter.write(dir.resolve("summary.json"), "test", List.of(run("a", PASSED, "b", FAILED)));

      RunComparison.Result result = compare(RunComparison.prepare(null, null, false), run("a", FAILED, "b", PASSED));

      assertThat(out.toString()).isEqualTo(
          "since the previous run (2026-11-26T16:00:00Z): 1 newly failing: a; 1 newly passing: b\n");
      assertThat(Files.readString(dir.resolve("diff.md"), UTF_8)).contains("| `a` | passed | failed |")
          .contains("| `b` | failed | passed |");
      assertThat(result.summarySections().get("sincePrevious").at("/targets/0/newlyFailing/0/id").asText())
          .isEqualTo("a");
    }

    @Test
    void when_there_is_none_nothing_is_printed_and_an_old_diff_md_is_removed() throws IOException {
      Files.writeString(dir.resolve("diff.md"), "# from long ago");

      RunComparison.Result result = compare(RunComparison.prepare(null, null, false), run("a", FAILED));

      assertThat(out.toString()).isEmpty();
      assertThat(dir.resolve("diff.md")).doesNotExist();
      assertThat(result.summarySections()).isEmpty();
    }

    @Test
    void an_unreadable_summary_is_a_warning_and_no_diff() throws IOException {
      Files.writeString(dir.resolve("summary.json"), "not json");

      compare(RunComparison.prepare(null, null, false), run("a", FAILED));

      assertThat(err.toString()).startsWith("warning: no comparison with the previous run: ").doesNotContain("\tat ");
      assertThat(out.toString()).isEmpty();
    }
  }

  /** The options on the command line: problems end the run before any check, in one line with exit status 2. */
  @Nested
  class Options {
    private int exitCode;

    private String runErr(String... args) {
      CommandLine cli = new CommandLine(new RegconformCommand());
      RunCommand command = cli.getSubcommands().get("run").getCommand();
      command.environment = Map.<String, String>of()::get;
      command.stdin = new ByteArrayInputStream(new byte[0]);
      StringWriter stderr = new StringWriter();
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(stderr, true));
      exitCode = cli.execute(args);
      return stderr.toString();
    }

    @Test
    void a_malformed_baseline_is_one_line_and_exit_2_before_the_target_is_even_tried() throws IOException {
      Path file = Files.writeString(dir.resolve("baseline.yaml"), "version: 1\ntargets:\n  - target: x\n    known:\n"
          + "      - check: a\n        reasn: typo\n");

      // Port 9 on 127.0.0.1: nothing listens, so getting past the baseline would say "cannot reach".
      String stderr = runErr("run", "--target", "http://127.0.0.1:9", "--report-dir", dir.toString(), "--baseline",
          file.toString());

      assertThat(exitCode).isEqualTo(2);
      assertThat(stderr).isEqualTo("regconform: baseline " + file + ": line 6: unknown field 'reasn' in "
          + "targets[0].known[0] (an entry has the fields check, outcome, reason)\n");
    }

    @Test
    void a_missing_baseline_is_one_line_and_exit_2() {
      Path file = dir.resolve("nope.yaml");

      String stderr = runErr("run", "--target", "http://127.0.0.1:9", "--baseline", file.toString());

      assertThat(exitCode).isEqualTo(2);
      assertThat(stderr).isEqualTo("regconform: baseline " + file + ": no such file (write one with --write-baseline "
          + file + ")\n");
    }

    @Test
    void more_target_names_than_targets_is_exit_2() {
      String stderr = runErr("run", "--target", "http://127.0.0.1:9", "--target-name", "a", "--target-name", "b");

      assertThat(exitCode).isEqualTo(2);
      assertThat(stderr).isEqualTo("regconform: --target-name names the --target in the same position: 2 names for 1 "
          + "targets\n");
    }
  }
}
