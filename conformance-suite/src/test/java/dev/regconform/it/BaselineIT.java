package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.baseline.Baseline;
import dev.regconform.reports.baseline.BaselineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform run --write-baseline / --baseline} against Distribution as a process, which fails some checks
 * for real ({@code expected-verdicts/distribution}): the recorded baseline makes the next run pass, a baseline
 * missing one entry fails naming exactly that check, an entry for a passing check is listed as fixed; and a run in a
 * report directory that holds a previous run's summary prints what changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineIT {
  /** A check Distribution passes (see RunCommandIT). */
  private static final String PASSING = "pull.by-digest.manifest-bytes[oci]";
  /** A check Distribution fails (expected-verdicts/distribution/discovery.txt): the one left out of the baseline. */
  private static final String LEFT_OUT = "tags.list.order";

  private DistributionProcess registry;
  private Path dirs;
  // Each run is made once, by the first test that looks at it.
  private RunCommandIT.Captured recording;
  private RunCommandIT.Captured gated;
  private RunCommandIT.Captured edited;
  /** When the run whose summary {@link #edited()} starts from began. */
  private Instant editedPrevious;

  @BeforeAll
  void start_registry(@TempDir Path dirs) {
    this.dirs = dirs;
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    registry = DistributionProcess.start(binary.get());
  }

  @AfterAll
  void stop_registry() {
    if (registry != null) {
      registry.close();
    }
  }

  private Path baselineFile() {
    return dirs.resolve("ci/baseline.yaml");
  }

  /** {@code run --write-baseline ci/baseline.yaml --report-dir first}, into a fresh report directory. */
  private RunCommandIT.Captured recording() {
    if (recording == null) {
      recording = RunCommandIT.run("run", "--target", registry.baseUri().toString(), "--report-dir",
          dirs.resolve("first").toString(), "--write-baseline", baselineFile().toString());
    }
    return recording;
  }

  /** {@code run --baseline ci/baseline.yaml --report-dir first}: the second run there. */
  private RunCommandIT.Captured gated() {
    recording();
    if (gated == null) {
      gated = RunCommandIT.run("run", "--target", registry.baseUri().toString(), "--report-dir",
          dirs.resolve("first").toString(), "--baseline", baselineFile().toString());
    }
    return gated;
  }

  /**
   * The baseline edited by hand ({@value #LEFT_OUT} removed; entries added for {@value #PASSING} and a check that
   * does not exist), run in a directory holding the first run's summary, edited so that {@value #LEFT_OUT} passed
   * and {@value #PASSING} failed then.
   */
  private RunCommandIT.Captured edited() throws IOException {
    recording();
    if (edited == null) {
      List<String> lines = new ArrayList<>(Files.readAllLines(baselineFile(), StandardCharsets.UTF_8));
      int at = lines.indexOf("      - check: " + LEFT_OUT);
      assertThat(at).as("the entry of %s in%n%s", LEFT_OUT, String.join("\n", lines)).isPositive();
      lines.remove(at);
      while (at < lines.size() && lines.get(at).startsWith("        ")) { // its outcome and reason
        lines.remove(at);
      }
      lines.add("      # added by hand: a check that passes, and one that does not exist");
      lines.add("      - check: \"" + PASSING + "\"");
      lines.add("        reason: planted by BaselineIT");
      lines.add("      - check: no.such.check   # renamed long ago");
      Path edited = Files.write(dirs.resolve("ci/edited.yaml"), lines, StandardCharsets.UTF_8);

      Path dir = Files.createDirectories(dirs.resolve("second"));
      ObjectNode previous = (ObjectNode) new ObjectMapper().readTree(dirs.resolve("first/summary.json").toFile());
      for (JsonNode check : previous.at("/targets/0/checks")) {
        String id = check.path("id").asText();
        if (id.equals(LEFT_OUT) || id.equals(PASSING)) {
          ((ObjectNode) check).put("outcome", id.equals(LEFT_OUT) ? "passed" : "failed");
        }
      }
      new ObjectMapper().writeValue(dir.resolve("summary.json").toFile(), previous);
      editedPrevious = Instant.parse(previous.at("/targets/0/started").asText());

      this.edited = RunCommandIT.run("run", "--target", registry.baseUri().toString(), "--report-dir", dir.toString(),
          "--baseline", edited.toString());
    }
    return edited;
  }

  private static JsonNode summary(Path dir) throws IOException {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }

  private static List<String> failing(JsonNode summary) {
    return RunCommandIT.checksOf(summary).stream()
        .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.BROKEN).map(CheckResult::id).toList();
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asText()).toList();
  }

  @Test
  void write_baseline_records_every_failed_and_broken_check_of_the_run_under_the_target() throws IOException {
    RunCommandIT.Captured run = recording();

    JsonNode summary = summary(dirs.resolve("first"));
    List<String> failing = failing(summary);
    assertThat(failing).as("Distribution fails some checks; output:%n%s%s", run.out(), run.err())
        .contains(LEFT_OUT).doesNotContain(PASSING);
    assertThat(run.exitCode()).as("writing a baseline leaves the exit status alone").isEqualTo(1);
    Baseline baseline = Baseline.read(baselineFile());
    assertThat(baseline.entries()).extracting(BaselineEntry::check).containsExactlyInAnyOrderElementsOf(failing);
    assertThat(baseline.targets()).containsExactly(registry.baseUri().toString());
    assertThat(baseline.find(registry.baseUri().toString(), LEFT_OUT).orElseThrow().reason())
        .as("the reason: the failure message without the run's namespace").isNotBlank().contains("<namespace>")
        .doesNotContain(summary.at("/targets/0/namespace").asText());
    assertThat(Files.readString(baselineFile())).startsWith("# regconform baseline");
    assertThat(run.out()).contains("wrote the baseline " + baselineFile() + ": " + failing.size() + " entries")
        .as("a first run in a report directory has nothing to compare with").doesNotContain("since the previous run");
  }

  @Test
  void with_that_baseline_the_next_run_exits_0_and_lists_each_failure_as_known() throws IOException {
    RunCommandIT.Captured run = gated();

    JsonNode summary = summary(dirs.resolve("first"));
    assertThat(run.exitCode()).as("exit status; output:%n%s%s", run.out(), run.err()).isZero();
    for (String id : failing(summary)) {
      assertThat(run.out()).contains("known (baseline): " + id + " (failed)");
    }
    assertThat(run.out().lines()).noneMatch(l -> l.startsWith("new failure"));
    assertThat(run.out()).contains("baseline " + baselineFile() + ": 0 new failures, "
        + failing(summary).size() + " known, 0 fixed, 0 stale");
    assertThat(summary.at("/baseline/exitStatus").asInt()).isZero();
    assertThat(summary.at("/baseline/newFailures")).isEmpty();
    assertThat(ids(summary.at("/baseline/known"))).containsExactlyInAnyOrderElementsOf(failing(summary));
    String[] lines = run.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).as("the closing line stays last").matches("\\d+ passed, \\d+ failed, \\d+ skipped");
  }

  @Test
  void a_second_run_in_the_same_report_directory_prints_and_writes_the_diff_with_the_first() throws IOException {
    RunCommandIT.Captured run = gated();

    assertThat(run.out()).contains("since the previous run (");
    assertThat(dirs.resolve("first/diff.md")).content().startsWith("# Since the previous run")
        .contains("## " + registry.baseUri());
    assertThat(summary(dirs.resolve("first")).at("/sincePrevious/targets/0/target").asText())
        .isEqualTo(registry.baseUri().toString());
  }

  @Test
  void a_baseline_without_one_entry_fails_naming_exactly_that_check_and_lists_fixed_and_stale_entries()
      throws IOException {
    RunCommandIT.Captured run = edited();

    assertThat(run.exitCode()).as("exit status; output:%n%s%s", run.out(), run.err()).isEqualTo(1);
    assertThat(run.out().lines().filter(l -> l.startsWith("new failure (not in the baseline): ")))
        .singleElement().satisfies(l -> assertThat(l).startsWith("new failure (not in the baseline): " + LEFT_OUT
            + " (failed): "));
    assertThat(run.out()).contains("fixed — remove from the baseline: " + PASSING + " (now passed)\n")
        .contains("stale — no such check any more, remove from the baseline: no.such.check\n");
    JsonNode verdict = summary(dirs.resolve("second")).path("baseline");
    assertThat(verdict.path("exitStatus").asInt()).isEqualTo(1);
    assertThat(ids(verdict.path("newFailures"))).containsExactly(LEFT_OUT);
    assertThat(ids(verdict.path("fixed"))).containsExactly(PASSING);
    assertThat(ids(verdict.path("stale"))).containsExactly("no.such.check");
    assertThat(verdict.at("/fixed/0/reason").asText()).isEqualTo("planted by BaselineIT");
  }

  @Test
  void the_diff_names_the_checks_that_moved_since_the_previous_run() throws IOException {
    RunCommandIT.Captured run = edited();

    String then = editedPrevious.truncatedTo(ChronoUnit.SECONDS).toString();
    assertThat(run.out()).contains("since the previous run (" + then + "): 1 newly failing: " + LEFT_OUT
        + "; 1 newly passing: " + PASSING + "\n");
    assertThat(dirs.resolve("second/diff.md")).content().contains("| `" + LEFT_OUT + "` | passed | failed | ")
        .contains("| `" + PASSING + "` | failed | passed |");
    JsonNode diff = summary(dirs.resolve("second")).path("sincePrevious");
    assertThat(ids(diff.at("/targets/0/newlyFailing"))).containsExactly(LEFT_OUT);
    assertThat(ids(diff.at("/targets/0/newlyPassing"))).containsExactly(PASSING);
  }
}
