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

  public static Counts of(Collection<CheckResult> results) {
    Map<Outcome, Integer> map = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      map.put(o, 0);
    }
    results.forEach(r -> map.merge(r.outcome(), 1, Integer::sum));
    return new Counts(map);
  }

  public static Counts none() {
    return of(java.util.List.of());
  }

  public Counts plus(Counts other) {
    Map<Outcome, Integer> map = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      map.put(o, count(o) + other.count(o));
    }
    return new Counts(map);
  }

  /** The number of checks with exactly this outcome. */
  public int count(Outcome outcome) {
    return byOutcome.get(outcome);
  }

  /** Passed, including those with warnings. */
  public int passed() {
    return count(Outcome.PASSED) + count(Outcome.WARNING);
  }

  /** Failed, including broken checks. */
  public int failed() {
    return count(Outcome.FAILED) + count(Outcome.BROKEN);
  }

  /** Skipped: unsupported, disabled or otherwise not run. */
  public int skipped() {
    return count(Outcome.UNSUPPORTED) + count(Outcome.DISABLED) + count(Outcome.SKIPPED);
  }

  public int total() {
    return passed() + failed() + skipped();
  }

  /** E.g. {@code 2 warnings, 0 broken, 3 unsupported, 1 disabled}. */
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
