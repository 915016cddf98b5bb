package dev.regconform.scenarios.discovery;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ManifestFormatException;
import dev.regconform.model.MediaTypes;
import java.util.List;

/**
 * How the referrers checks tell a registry without the referrers API (end-12a) from one that breaks it, and how
 * they read its answers.
 */
final class ReferrersApi {
  static final String OCI_SUBJECT = "OCI-Subject";

  private ReferrersApi() {}

  /**
   * Ends the check as unsupported when the registry has no referrers API: the referrers list {@code probe} of a
   * subject in an existing repository answered 404 and none of {@code putsWithSubject} (manifest PUTs with a
   * {@code subject}) got {@code OCI-Subject}. A registry that sent {@code OCI-Subject} claims the API, so its 404
   * is left for the check to fail on (R54).
   */
  static void require(RegistryResponse probe, List<RegistryResponse> putsWithSubject) {
    boolean claimsApi = putsWithSubject.stream().anyMatch(put -> put.header(OCI_SUBJECT).isPresent());
    if (probe.status() == 404 && !claimsApi) {
      Unsupported.because("the referrers API is not offered: " + probe.requestLine() + " answered 404 and the "
          + "manifest PUTs with a subject got no OCI-Subject header (clients then use the referrers tag schema, "
          + "see referrers.fallback.*)");
    }
  }

  /** The image index a 200 referrers answer holds; fails the check, showing the exchange, when it holds none. */
  static ImageIndex index(RegistryResponse response) {
    assertThat(response).hasStatus(200);
    try {
      return ImageIndex.parse(response.body());
    } catch (ManifestFormatException e) {
      throw new AssertionError("Expecting an image index from\n  " + response.describe() + "\nbut: " + e.getMessage());
    }
  }

  /**
   * Asserts the answer is what the spec gives for a digest nothing refers to: 200, Content-Type
   * {@code application/vnd.oci.image.index.v1+json}, {@code schemaVersion} 2, the index {@code mediaType}, and
   * an empty {@code manifests} list (R54, R56, R59).
   */
  static void assertEmptyIndex(RegistryResponse response) {
    assertThat(response).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
    ImageIndex index = index(response);
    assertThat(index.schemaVersion()).as("schemaVersion of %s", response.describe()).isEqualTo(2);
    assertThat(index.mediaType()).as("mediaType of %s", response.describe()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(index.manifests()).as("entries of %s", response.describe()).isEmpty();
  }
}
