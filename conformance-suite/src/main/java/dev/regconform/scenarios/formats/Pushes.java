package dev.regconform.scenarios.formats;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Scenario;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.model.Manifest;
import org.junit.jupiter.api.Assumptions;

/** Manifest PUTs whose answers the checks judge later, and the rules every check of this package applies to them. */
final class Pushes {
  private Pushes() {}

  /** PUTs {@code manifest}'s bytes under {@code reference} as its media type; records it for cleanup when stored. */
  static RegistryResponse put(Scenario scenario, String repository, String reference, Manifest manifest) {
    RegistryResponse put = scenario.client().putManifest(repository, reference, manifest.mediaType(), manifest.raw());
    if (isStored(put)) {
      scenario.cleanup().recordManifest(repository, manifest.digest());
    }
    return put;
  }

  static boolean isStored(RegistryResponse put) {
    return put.status() >= 200 && put.status() < 300;
  }

  /** An accepted manifest PUT: 201, a Location, and the digest of the bytes sent. */
  static void assertAccepted(RegistryResponse put, Digest digest) {
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigest(digest);
  }

  /**
   * Skips a check that reads back what a PUT stored when it was not stored ({@code pushCheck} reports that); fails it
   * when the registry refused the credentials, as every check then does.
   */
  static void requireStored(RegistryResponse put, String pushCheck) {
    if (put.status() == 401 || put.status() == 403) {
      assertThat(put).hasStatus(201);
    }
    Assumptions.assumeTrue(put.status() == 201, () -> "the manifest was not stored (" + pushCheck + " reports that): "
        + put.requestLine() + " answered " + put.status() + " " + put.errors());
  }

  /**
   * Whether the refusal of a manifest with foreign layers names the registry's policy: a client error (4xx but 401 and
   * 429), or an error list that blames the foreign blob with MANIFEST_BLOB_UNKNOWN or MANIFEST_INVALID, whatever the
   * status (Distribution answers 500 with {@code [UNKNOWN, UNKNOWN, MANIFEST_BLOB_UNKNOWN <digest>]}).
   */
  static boolean isPolicyRefusal(RegistryResponse put, Digest foreign) {
    int status = put.status();
    boolean clientError = status >= 400 && status < 500 && status != 401 && status != 429;
    boolean blamesForeignBlob = put.errors().stream().anyMatch(e -> e.code().equals(ErrorCode.MANIFEST_BLOB_UNKNOWN.name())
        || e.code().equals(ErrorCode.MANIFEST_INVALID.name())) && put.bodyText().contains(foreign.toString());
    return !isStored(put) && (clientError || blamesForeignBlob);
  }

  /** Ends the check unsupported when foreign layers were refused as a policy, saying how the registry answered. */
  static void unsupportedIfPolicyRefusal(RegistryResponse put, Digest foreign) {
    if (isPolicyRefusal(put, foreign)) {
      Unsupported.because("the registry does not store manifests with foreign / non-distributable layers (a policy "
          + "it may have): " + put.requestLine() + " answered " + put.status() + " " + put.errors());
    }
  }
}
