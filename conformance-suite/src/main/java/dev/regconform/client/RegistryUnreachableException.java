package dev.regconform.client;

/** The registry could not be reached at all (connection refused, timeout, TLS failure). */
public class RegistryUnreachableException extends RuntimeException {
  public RegistryUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
