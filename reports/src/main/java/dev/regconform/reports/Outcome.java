package dev.regconform.reports;

/**
 * What one check concluded about a registry. The closing line of a run folds them into three numbers
 * ({@link Counts#toString()}): passed (with warnings), failed (with broken), skipped (unsupported, disabled).
 */
public enum Outcome {
  /** The registry did what the check requires. */
  PASSED("passed"),
  /** A SHOULD (or MAY) requirement is not met; the run still passes unless it is strict. */
  WARNING("warning"),
  /** The registry violated a MUST requirement. */
  FAILED("failed"),
  /** The check itself could not complete: a harness problem, an unexpected exception or a timeout. */
  BROKEN("broken"),
  /** The registry signalled that an optional feature is absent (405, UNSUPPORTED, or a documented fallback). */
  UNSUPPORTED("unsupported"),
  /** The check was turned off by configuration; the message names the setting. */
  DISABLED("disabled"),
  /** The check did not run for another reason, given in the message. */
  SKIPPED("skipped");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /**
   * The word used in every output: JUnit XML, summary.json, matrices, baselines.
   *
   * @return the lower-case label, e.g. {@code passed}, {@code unsupported}; also what {@link #toString()} gives
   */
  public String label() {
    return label;
  }

  /**
   * Whether this outcome counts as skipped in the closing line.
   *
   * @return true for {@code UNSUPPORTED}, {@code DISABLED} and {@code SKIPPED}
   */
  public boolean isSkip() {
    return this == UNSUPPORTED || this == DISABLED || this == SKIPPED;
  }

  /**
   * Parses a label or a constant name, case-insensitively, e.g. from a summary.json or a baseline file.
   *
   * @param text e.g. {@code passed}, {@code PASSED} or {@code Unsupported}
   * @return the outcome
   * @throws IllegalArgumentException when {@code text} names no outcome; the message lists the labels
   */
  public static Outcome parse(String text) {
    for (Outcome o : values()) {
      if (o.label.equalsIgnoreCase(text) || o.name().equalsIgnoreCase(text)) {
        return o;
      }
    }
    throw new IllegalArgumentException("Unknown outcome '" + text + "'; known: passed, warning, failed, broken, "
        + "unsupported, disabled, skipped");
  }

  @Override
  public String toString() {
    return label;
  }
}
