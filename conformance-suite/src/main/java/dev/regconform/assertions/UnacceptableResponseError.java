package dev.regconform.assertions;

/**
 * A status check met an answer that is never a conforming one — 401 or 403 (the run may not even look), or
 * a 5xx (the registry failed). Reported as a failure even in a SHOULD or MAY check, where an ordinary
 * assertion failure would only be a warning: a registry that errors has not merely skipped a recommendation.
 */
public class UnacceptableResponseError extends AssertionError {
  private final int status;

  public UnacceptableResponseError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Whether {@code status} is never an acceptable answer to a check's request. */
  public static boolean isUnacceptable(int status) {
    return status == 401 || status == 403 || status >= 500;
  }
}
