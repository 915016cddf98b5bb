package dev.regconform.client;

/**
 * The registry stopped answering in the middle of a run ({@link RegistryLiveness}): this request was not sent, so a
 * check ends at once instead of waiting out its own timeouts.
 */
public class RegistryStoppedAnsweringException extends RegistryUnreachableException {
  /**
   * The registry counts as stopped.
   *
   * @param message what happened, e.g. "the registry stopped answering: Connection refused, after 120 requests"
   * @param cause the failure that made it count as stopped
   */
  public RegistryStoppedAnsweringException(String message, Throwable cause) {
    super(message, cause);
  }
}
