package dev.regconform.scenarios;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;

/** Upload sessions a check opened but does not need: cancelled, so they do not linger until the registry expires them. */
public final class UploadSessions {
  private UploadSessions() {}

  /** DELETE of the session at {@code location}; the answer does not matter (cancel is itself a checked feature). */
  public static void abandon(RegistryClient registry, String location) {
    try {
      registry.cancelUpload(location);
    } catch (RuntimeException ignored) {
      // best effort: sessions also time out on the registry's side
    }
  }

  /** The same for the session {@code opened} answered with, if it carries a Location. */
  public static void abandon(RegistryClient registry, RegistryResponse opened) {
    opened.header(Headers.LOCATION).ifPresent(location -> abandon(registry, location));
  }
}
