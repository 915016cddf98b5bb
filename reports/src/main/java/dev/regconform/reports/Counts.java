package dev.regconform.reports;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many checks reached each outcome.
 *
 * <p>{@link #toString()} is the closing line of a run, {@code N passed, N failed, N skipped}, whose format
 * outside scripts rely on: passed includes warnings, failed includes broken checks, skipped includes
 * unsupported and disabled ones. {@link #details()} breaks those down.
 */
public final class Counts {
  private final Map<Outcome, Integer> byOutcome;

  private Counts(Map<Outcome, Integer> byOutcome) {
    this.byOutcome = byOutcome;
  }

  /**
   * Counts {@code results} by outcome.
   *
   * @param results the verdicts to count; not null, may be empty
   * @return the counts; every outcome is present, most as 0
   */
  public static Counts of(Collection<CheckResult> results) {
    Map<Outcome, Integer> map = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      map.put(o, 0);
    }
    results.forEach(r -> map.merge(r.outcome(), 1, Integer::sum));
    return new Counts(map);
  }

  /**
   * No checks at all: the start value for summing runs with {@link #plus(Counts)}.
   *
   * @return counts that are 0 for every outcome
   */
  public static Counts none() {
    return of(java.util.List.of());
  }

  /**
   * The sum of two counts, e.g. over every target of a run.
   *
   * @param other counts to add; not null
   * @return new counts; neither operand changes
   */
  public Counts plus(Counts other) {
    Map<Outcome, Integer> map = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      map.put(o, count(o) + other.count(o));
    }
    return new Counts(map);
  }

  /**
   * The number of checks with exactly this outcome.
   *
   * @param outcome the outcome, not folded: {@code WARNING} counts only warnings
   * @return 0 or more
   */
  public int count(Outcome outcome) {
    return byOutcome.get(outcome);
  }

  /**
   * Passed, including those with warnings.
   *
   * @return the first number of the closing line
   */
  public int passed() {
    return count(Outcome.PASSED) + count(Outcome.WARNING);
  }

  /**
   * Failed, including broken checks.
   *
   * @return the second number of the closing line; a run with any is a failing run
   */
  public int failed() {
    return count(Outcome.FAILED) + count(Outcome.BROKEN);
  }

  /**
   * Skipped: unsupported, disabled or otherwise not run.
   *
   * @return the third number of the closing line
   */
  public int skipped() {
    return count(Outcome.UNSUPPORTED) + count(Outcome.DISABLED) + count(Outcome.SKIPPED);
  }

  /**
   * Every check counted, whatever its outcome.
   *
   * @return passed + failed + skipped
   */
  public int total() {
    return passed() + failed() + skipped();
  }

  /**
   * The breakdown the closing line folds away, printed after it.
   *
   * @return e.g. {@code 2 warnings, 0 broken, 3 unsupported, 1 disabled} (outcome {@code SKIPPED} is not listed)
   */
  public String details() {
    return count(Outcome.WARNING) + " warnings, " + count(Outcome.BROKEN) + " broken, "
        + count(Outcome.UNSUPPORTED) + " unsupported, " + count(Outcome.DISABLED) + " disabled";
  }

  /** The closing line of a run: {@code N passed, N failed, N skipped}. */
  @Override
  public String toString() {
    return passed() + " passed, " + failed() + " failed, " + skipped() + " skipped";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Counts other && byOutcome.equals(other.byOutcome);
  }

  @Override
  public int hashCode() {
    return byOutcome.hashCode();
  }
}
