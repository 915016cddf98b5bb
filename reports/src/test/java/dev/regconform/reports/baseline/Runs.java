package dev.regconform.reports.baseline;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small runs for the tests: {@code run("Distribution", "a.check", FAILED, "b.check", PASSED, …)}. */
final class Runs {
  static final String URL = "http://127.0.0.1:5000";
  static final String NAMESPACE = "regconform/run-20261126-160000-ab12";

  private Runs() {}

  /** A run of {@code description} at {@link #URL}, from pairs of check id and outcome. */
  static TargetRun run(String description, Object... idsAndOutcomes) {
    List<CheckResult> checks = new ArrayList<>();
    for (int i = 0; i < idsAndOutcomes.length; i += 2) {
      String id = (String) idsAndOutcomes[i];
      Outcome outcome = (Outcome) idsAndOutcomes[i + 1];
      String message = outcome == Outcome.PASSED ? "" : "Expecting response to\n  <GET " + URL + "/v2/" + NAMESPACE
          + "/x/manifests/latest>\nto have status:\n  <200>\nbut was:\n  <404>\nExchange:\n  GET …\n    -> 404";
      checks.add(new CheckResult(id, id, "pull", outcome, message, "", Duration.ofMillis(1)));
    }
    return new TargetRun(URL, description, NAMESPACE, Instant.parse("2026-11-26T16:00:00Z"), checks);
  }
}
