package dev.regconform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.client.Redaction;
import dev.regconform.reports.TargetRun;
import dev.regconform.reports.baseline.Baseline;
import dev.regconform.reports.baseline.BaselineVerdict;
import dev.regconform.reports.baseline.PreviousRun;
import dev.regconform.reports.baseline.RunDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code regconform run} compares a run with: the baseline of {@code --baseline} (which then decides the exit
 * status), and the previous run in the same report directory; and the baseline it writes for
 * {@code --write-baseline}.
 *
 * <pre>{@code
 * RunComparison comparison = RunComparison.prepare(baselineFile, writeBaselineFile, strict); // before the checks
 * RunComparison.Result result = comparison.compare(runs, reportDir, out);  // before summary.json is overwritten
 * }</pre>
 */
final class RunComparison {
  /** The diff against the previous run, in the report directory. */
  static final String DIFF = "diff.md";
  static final String SUMMARY = "summary.json";

  private final Path baselineFile;
  private final Baseline baseline;
  private final Path writeBaseline;
  private final boolean strict;

  private RunComparison(Path baselineFile, Baseline baseline, Path writeBaseline, boolean strict) {
    this.baselineFile = baselineFile;
    this.baseline = baseline;
    this.writeBaseline = writeBaseline;
    this.strict = strict;
  }

  /**
   * Reads {@code --baseline} before any check runs, so that a file that is not a baseline ends the run at once.
   *
   * @param baselineFile {@code --baseline}, or null
   * @param writeBaseline {@code --write-baseline}, or null
   * @throws IllegalArgumentException in one line, naming the file and what is wrong in it
   */
  static RunComparison prepare(Path baselineFile, Path writeBaseline, boolean strict) {
    return new RunComparison(baselineFile, baselineFile == null ? null : Baseline.read(baselineFile), writeBaseline,
        strict);
  }

  /**
   * What the comparison adds to the run's outcome.
   *
   * @param summarySections top-level fields for summary.json: {@code baseline}, {@code sincePrevious}
   * @param exitStatus the exit status under {@code --baseline}, or 2 when {@code --write-baseline} could not be
   *     written; empty otherwise (the run's own)
   */
  record Result(Map<String, JsonNode> summarySections, OptionalInt exitStatus) {}

  /**
   * Holds the run against the baseline and the previous run (whose summary.json must not be overwritten yet),
   * prints what it finds, writes diff.md and the new baseline.
   *
   * @param reports the report directory, empty for none
   */
  Result compare(List<TargetRun> runs, Optional<Path> reports, PrintWriter out, PrintWriter err) throws IOException {
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    OptionalInt exitStatus = OptionalInt.empty();
    if (baseline != null) {
      BaselineVerdict verdict = BaselineVerdict.of(baseline, runs, strict);
      verdict.consoleLines(baselineFile.toString(), runs.stream().map(TargetRun::description).toList())
          .forEach(line -> out.println(Redaction.text(line)));
      sections.put("baseline", verdict.toJson(baselineFile.toString()));
      exitStatus = OptionalInt.of(verdict.exitStatus());
    }
    if (reports.isPresent()) {
      Optional<RunDiff> diff = diff(runs, reports.get(), err);
      Path file = reports.get().resolve(DIFF);
      if (diff.isPresent()) {
        diff.get().consoleLines().forEach(line -> out.println(Redaction.text(line)));
        Files.createDirectories(reports.get());
        Files.writeString(file, Redaction.text(diff.get().toMarkdown()), StandardCharsets.UTF_8);
        sections.put("sincePrevious", diff.get().toJson());
      } else {
        // A diff.md left from an earlier run would describe runs that are no longer the latest two.
        Files.deleteIfExists(file);
      }
    }
    if (writeBaseline != null) {
      Baseline recorded = Baseline.record(runs, strict, baseline == null ? Baseline.empty() : baseline);
      recorded = Baseline.of(recorded.entries().stream().map(e -> e.withReason(Redaction.text(e.reason()))).toList());
      try {
        recorded.write(writeBaseline, "regconform " + ToolVersion.get() + " on "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + (strict ? " with --strict" : ""));
        out.println("wrote the baseline " + writeBaseline + ": " + recorded.entries().size() + " entries (failed "
            + "and broken checks" + (strict ? ", and warnings (--strict)" : "") + ")");
      } catch (IOException e) {
        // The reports still get written; the exit status says that what was asked for is missing.
        err.println("regconform: cannot write the baseline " + writeBaseline + ": " + e);
        exitStatus = OptionalInt.of(RegconformCommand.COULD_NOT_RUN);
      }
    }
    out.flush();
    return new Result(sections, exitStatus);
  }

  /** The diff against the summary.json still in the report directory; empty when there is none or it is unreadable. */
  private Optional<RunDiff> diff(List<TargetRun> runs, Path reports, PrintWriter err) {
    try {
      return PreviousRun.read(reports.resolve(SUMMARY)).map(previous -> RunDiff.between(previous, runs, strict));
    } catch (IllegalArgumentException e) {
      err.println("warning: no comparison with the previous run: " + e.getMessage());
      return Optional.empty();
    }
  }
}
