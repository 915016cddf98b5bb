package dev.regconform.client;

/**
 * The registry stopped answering in the middle of a run ({@link RegistryLiveness}): this request was not sent, so a
 * check ends at once instead of waiting out its own timeouts.
 */
public class RegistryStoppedAnsweringException extends RegistryUnreachableException {
  public RegistryStoppedAnsweringException(String message, Throwable cause) {
    super(message, cause);
  }
}
