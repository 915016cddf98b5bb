package dev.regconform.reports;

import java.util.Collection;

/**
 * How many checks passed, failed and were skipped.
 *
 * @param passed checks that passed
 * @param failed checks that failed
 * @param skipped checks that did not run
 */
public record Counts(int passed, int failed, int skipped) {

  public static Counts of(Collection<CheckResult> results) {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (CheckResult r : results) {
      switch (r.outcome()) {
        case PASSED -> passed++;
        case FAILED -> failed++;
        case SKIPPED -> skipped++;
      }
    }
    return new Counts(passed, failed, skipped);
  }

  public Counts plus(Counts other) {
    return new Counts(passed + other.passed, failed + other.failed, skipped + other.skipped);
  }

  public int total() {
    return passed + failed + skipped;
  }

  /** The closing line of a run: {@code N passed, N failed, N skipped}. */
  @Override
  public String toString() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
