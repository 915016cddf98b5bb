package dev.regconform.client;

/**
 * A setup step (pushing content a check needs) did not work. Checks that fail this way are reported with
 * the step that broke, e.g. "Tried to upload blob sha256:… to acme/app but the registry answered 400".
 */
public class RegistryOperationException extends RuntimeException {
  /**
   * A step that got the wrong answer.
   *
   * @param action what was tried, as the rest of "Tried to …", e.g. {@code upload blob sha256:… to acme/app (PUT)}
   * @param response the answer that was not the one required; described in the message, secrets masked
   */
  public RegistryOperationException(String action, RegistryResponse response) {
    super("Tried to " + action + " but the registry answered " + response.status() + ":\n  "
        + response.describe().replace("\n", "\n  "));
  }
}
