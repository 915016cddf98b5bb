package dev.regconform.client;

/**
 * No HTTP answer came: connection refused or reset, connect or read timeout, TLS failure, or the request was not sent
 * because the run was interrupted ({@link RequestGate}). Thrown by {@link RegistryClient}; an HTTP answer of any status
 * is returned, never thrown. The message names the request (secrets masked) and what went wrong.
 */
public class RegistryUnreachableException extends RuntimeException {
  /**
   * A request that got no answer.
   *
   * @param message the request line and what went wrong, secrets masked
   * @param cause the I/O failure
   */
  public RegistryUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
