package dev.regconform.assertions;

/**
 * A status check met an answer that is never a conforming one — 401 or 403 (the run may not even look), or
 * a 5xx (the registry failed). Reported as a failure even in a SHOULD or MAY check, where an ordinary
 * assertion failure would only be a warning: a registry that errors has not merely skipped a recommendation.
 */
public class UnacceptableResponseError extends AssertionError {
  /** The status the registry answered: 401, 403 or a 5xx. */
  private final int status;

  /**
   * The failure of a status check that met a never-conforming answer.
   *
   * @param status the status the registry answered: 401, 403 or a 5xx
   * @param message the assertion message, with the exchange
   */
  public UnacceptableResponseError(int status, String message) {
    super(message);
    this.status = status;
  }

  /**
   * The status that made the answer unacceptable, for a report that tells "forbidden" from "server error".
   *
   * @return 401, 403 or a 5xx
   */
  public int status() {
    return status;
  }

  /**
   * Whether {@code status} is never an acceptable answer to a check's request.
   *
   * @param status an HTTP status code
   * @return true for 401, 403 and every 5xx
   */
  public static boolean isUnacceptable(int status) {
    return status == 401 || status == 403 || status >= 500;
  }
}
