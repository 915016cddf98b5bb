package dev.regconform.scenarios;

import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Unsupported;

/**
 * How a registry says it does not offer a kind of deletion. The spec lets a registry disable deletion of tags,
 * manifests or blobs, and then it "MUST respond with either a 400 Bad Request or a 405 Method Not Allowed"
 * (Deleting tags / Deleting Manifests / Deleting Blobs; catalog R64, R66, R68). The spec names no error code for
 * that 400, so any 400 counts here, not only one with {@code UNSUPPORTED} (the official suite's G74 demands
 * UNSUPPORTED, which the catalog lists as stricter than the spec). The registry's code is kept in the reason.
 */
public final class Deletion {
  private Deletion() {}

  /** Ends the check as unsupported when {@code delete} answered 400 or 405. */
  public static void unsupportedIfRefused(RegistryResponse delete, String feature) {
    if (delete.status() == 400 || delete.status() == 405) {
      Unsupported.because(feature + " is not offered: " + delete.requestLine() + " answered " + delete.status()
          + (delete.errors().isEmpty() ? "" : " " + delete.errors())
          + " (the spec's answer for a disabled deletion is 400 or 405)");
    }
  }
}
