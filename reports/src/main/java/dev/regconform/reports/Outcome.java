package dev.regconform.reports;

/** What one check concluded about a registry. */
public enum Outcome {
  /** The registry did what the check requires. */
  PASSED("passed"),
  /** The registry violated a requirement, or the check could not complete because of an error. */
  FAILED("failed"),
  /** The check did not run; the message says why. */
  SKIPPED("skipped");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** The lower-case word used in every output: {@code passed}, {@code failed}, {@code skipped}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
