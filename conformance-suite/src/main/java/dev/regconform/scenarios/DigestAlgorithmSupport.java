package dev.regconform.scenarios;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.DigestAlgorithm;

/**
 * How a registry says it does not accept a digest algorithm: 400 with {@code DIGEST_INVALID} or
 * {@code UNSUPPORTED}, the spec's answer to "invalid or unsupported digest". Checks of sha512 content end unsupported
 * then, since the spec lets a registry offer sha256 alone (R77 is a MAY).
 */
public final class DigestAlgorithmSupport {
  private DigestAlgorithmSupport() {}

  /** Ends the check as unsupported when {@code response} refused {@code algorithm} as such. */
  public static void unsupportedIfRefused(RegistryResponse response, DigestAlgorithm algorithm) {
    boolean refused = response.status() == 400 && response.errors().stream()
        .anyMatch(e -> e.code().equals(ErrorCode.DIGEST_INVALID.name()) || e.code().equals(ErrorCode.UNSUPPORTED.name()));
    if (refused) {
      Unsupported.because(algorithm.label() + " digests are not accepted: " + response.requestLine() + " answered 400 "
          + response.errors());
    }
  }
}
