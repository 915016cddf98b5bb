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

  /**
   * A MUST check that names no requirement and recorded no facts.
   *
   * @param id the stable check id; not null
   * @param displayName the sentence shown for the check; null for the id
   * @param workflow the workflow tag; null for none
   * @param outcome the verdict; not null
   * @param message why it failed or was skipped; null for none
   * @param details stack trace or extra detail; null for none
   * @param duration how long the check took; null for zero
   */
  public CheckResult(String id, String displayName, String workflow, Outcome outcome, String message,
      String details, Duration duration) {
    this(id, displayName, workflow, outcome, message, details, duration, "MUST", java.util.List.of());
  }

  /**
   * A check that recorded no facts.
   *
   * @param id the stable check id; not null
   * @param displayName the sentence shown for the check; null for the id
   * @param workflow the workflow tag; null for none
   * @param outcome the verdict; not null
   * @param message why it failed or was skipped; null for none
   * @param details stack trace or extra detail; null for none
   * @param duration how long the check took; null for zero
   * @param level {@code MUST}, {@code SHOULD} or {@code MAY} (not checked); null for {@code MUST}
   * @param requirements the requirement ids; null for none
   */
  public CheckResult(String id, String displayName, String workflow, Outcome outcome, String message,
      String details, Duration duration, String level, java.util.List<String> requirements) {
    this(id, displayName, workflow, outcome, message, details, duration, level, requirements, java.util.Map.of());
  }

  /**
   * Replaces a missing optional component with its default and copies the collections, so a result never holds null
   * and cannot change.
   *
   * @param id not null
   * @param displayName null becomes the id
   * @param workflow null becomes empty
   * @param outcome not null
   * @param message null becomes empty
   * @param details null becomes empty
   * @param duration null becomes {@link Duration#ZERO}
   * @param level null becomes {@code MUST}
   * @param requirements null becomes empty; copied
   * @param facts null becomes empty; copied, keeping the iteration order
   * @throws NullPointerException when {@code id} or {@code outcome} is null
   */
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
