package dev.regconform.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every check's verdict against one registry.
 *
 * @param target the registry's base URL
 * @param description what the registry is, e.g. "Distribution 2.8.2 (native process)"
 * @param namespace the repository namespace this run wrote into
 * @param started when the run started
 * @param checks the verdicts, in the order they finished
 */
public record TargetRun(String target, String description, String namespace, Instant started, List<CheckResult> checks) {

  /**
   * Fills in defaults and copies the checks.
   *
   * @param target not null
   * @param description null becomes the target
   * @param namespace null becomes empty
   * @param started not checked, but {@link JUnitXmlWriter} and {@link SummaryJsonWriter} throw
   *     {@code NullPointerException} on a run without it
   * @param checks copied into an immutable list; not null
   * @throws NullPointerException when {@code target} or {@code checks} is null
   */
  public TargetRun {
    Objects.requireNonNull(target, "target");
    description = description == null ? target : description;
    namespace = namespace == null ? "" : namespace;
    checks = List.copyOf(checks);
  }

  /**
   * How many of this run's checks reached each outcome.
   *
   * @return the counts, computed on each call
   */
  public Counts counts() {
    return Counts.of(checks);
  }
}
