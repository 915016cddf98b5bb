package dev.regconform.scenarios.official.requests;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.Content;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A manifest pushed by digest only, never tagged: HEAD by its digest (the official suite's G13) and the Location its
 * PUT answered (H19, which follows that Location).
 */
@RegistryConformance
@Tag("untagged")
public abstract class UntaggedManifestRequestScenarios {
  private RegistryClient registry;
  private String repo;
  private TestImage image;
  private RegistryResponse put;

  @BeforeAll
  void pushByDigestOnly(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    image = scenario.newImage(1024);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    Digest digest = image.manifest().digest();
    put = registry.putManifest(repo, digest.toString(), image.manifest().mediaType(), image.manifest().raw());
    scenario.cleanup().recordManifest(repo, digest);
  }

  /** R13, R14, R15: 200, no body, Content-Length of the manifest, Docker-Content-Digest of it. */
  @Test
  @CheckId("untagged.head-by-digest")
  @Covers({"R13", "R14", "R15"})
  void HEAD_of_a_manifest_pushed_by_digest_alone_answers_200_with_its_digest_and_length() {
    assertThat(put).as("PUT of the manifest by digest").hasStatus(201);
    assertThat(registry.headManifest(repo, image.manifest().digest().toString(), Accept.ANY_MANIFEST))
        .hasStatus(200)
        .hasEmptyBody()
        .hasContentLength(image.manifest().raw().length)
        .hasContentDigest(image.manifest().digest());
  }

  /** R41, R40: the Location of the PUT serves the manifest, byte for byte. */
  @Test
  @CheckId("untagged.push-by-digest.location")
  @Covers({"R41", "R40", "R22"})
  void the_Location_of_a_manifest_PUT_by_digest_serves_the_exact_bytes() {
    assertThat(put).as("PUT of the manifest by digest").hasStatus(201);
    assertThat(registry.getLocation(Content.location(put), Accept.ANY_MANIFEST))
        .as("GET of the Location of the manifest PUT by digest")
        .hasStatus(200)
        .hasContentLength(image.manifest().raw().length)
        .hasBody(image.manifest().raw())
        .hasContentDigestIfPresent(image.manifest().digest());
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Untagged OCI manifests: HEAD and Location")
  public static final class OciImage extends UntaggedManifestRequestScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Untagged Docker schema 2 manifests: HEAD and Location")
  public static final class DockerImage extends UntaggedManifestRequestScenarios {}
}
