package dev.regconform.junit;

import org.opentest4j.TestAbortedException;

/**
 * A check that did not pass and is listed in the run's baseline ({@code regconform.baseline}): skipped as a known
 * deviation, with the baseline's reason and what the check found this time.
 */
public class KnownDeviationException extends TestAbortedException {
  /**
   * A known deviation.
   *
   * @param message the baseline's reason, shown as the skip reason
   * @param found what the check threw this time, kept as the cause
   */
  public KnownDeviationException(String message, Throwable found) {
    super(message, found);
  }
}
