package dev.regconform.client;

/**
 * One entry of a registry's JSON error body {@code {"errors":[{"code":…,"message":…,"detail":…}]}}.
 *
 * @param code the code as sent, e.g. {@code MANIFEST_UNKNOWN}
 * @param message the human message, or empty
 */
public record RegistryError(String code, String message) {
  @Override
  public String toString() {
    return code + (message == null || message.isEmpty() ? "" : ": " + message);
  }
}
