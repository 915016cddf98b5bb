package dev.regconform.reports;

import java.time.Duration;
import java.util.Objects;

/**
 * The verdict of one check against one target.
 *
 * @param id stable check id, e.g. {@code pull.by-digest.manifest-bytes[oci]}
 * @param displayName what the check verifies, as a sentence
 * @param workflow the workflow tag, e.g. {@code pull}
 * @param outcome passed, failed or skipped
 * @param message why it failed or was skipped (empty when passed)
 * @param details the failure's stack trace or extra detail (empty when none)
 * @param duration how long the check took
 * @param level the requirement level the check enforces: {@code MUST}, {@code SHOULD} or {@code MAY}
 * @param requirements ids of the spec requirements the check covers (see {@code requirements.md})
 * @param facts what the check recorded besides its verdict, by key (JUnit report entries; e.g. one cell of the
 *     interop matrix, see {@link InteropMatrix}); empty for most checks
 */
public record CheckResult(String id, String displayName, String workflow, Outcome outcome, String message,
    String details, Duration duration, String level, java.util.List<String> requirements,
    java.util.Map<String, String> facts) {

  /** A MUST check that names no requirement. */
  public CheckResult(String id, String displayName, String workflow, Outcome outcome, String message,
      String details, Duration duration) {
    this(id, displayName, workflow, outcome, message, details, duration, "MUST", java.util.List.of());
  }

  /** A check that recorded no facts. */
  public CheckResult(String id, String displayName, String workflow, Outcome outcome, String message,
      String details, Duration duration, String level, java.util.List<String> requirements) {
    this(id, displayName, workflow, outcome, message, details, duration, level, requirements, java.util.Map.of());
  }

  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    displayName = displayName == null ? id : displayName;
    workflow = workflow == null ? "" : workflow;
    message = message == null ? "" : message;
    details = details == null ? "" : details;
    duration = duration == null ? Duration.ZERO : duration;
    level = level == null ? "MUST" : level;
    requirements = requirements == null ? java.util.List.of() : java.util.List.copyOf(requirements);
    facts = facts == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
  }
}
