package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.ImageManifest;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a registry does with the manifest PUTs (end-7) that clients send besides the plain one: a Content-Type
 * with parameters, an image without layers, a digest reference that does not match the body, a manifest whose
 * blobs the repository does not have; and the Content-Type it answers on a pull.
 */
@RegistryConformance
@Tag("manifests")
public abstract class ManifestUploadScenarios extends ScenarioSupport {

  @Test
  @CheckId(value = "manifests.pull.content-type-without-parameters", level = Level.SHOULD)
  @Covers({"R4", "R5"})
  void a_pulled_manifest_has_its_media_type_as_Content_Type_without_parameters() {
    TestImage image = scenario.newImage(512);
    scenario.pusher().pushImage(repo, image, "plain-type");

    for (String reference : List.of("plain-type", image.manifest().digest().toString())) {
      RegistryResponse get = registry.getManifest(repo, reference, ANY_MANIFEST);
      assertThat(get).hasStatus(200).hasHeader(Headers.CONTENT_TYPE, image.manifest().mediaType());
    }
  }

  @Test
  @CheckId(value = "manifests.push.content-type-parameters-ignored", level = Level.SHOULD)
  @Covers({"R39", "R40"})
  void a_manifest_PUT_with_parameters_on_its_Content_Type_is_stored_as_sent() {
    TestImage image = scenario.newImage(512);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    ImageManifest manifest = image.manifest();
    Digest digest = manifest.digest();

    RegistryResponse put = registry.putManifest(repo, "with-parameters", manifest.mediaType() + "; charset=utf-8",
        manifest.raw());
    scenario.cleanup().recordManifest(repo, digest);
    assertThat(put).hasStatus(201).hasContentDigest(digest);
    assertThat(registry.getManifest(repo, "with-parameters", ANY_MANIFEST))
        .hasStatus(200).hasBody(manifest.raw()).hasContentType(manifest.mediaType()).hasContentDigest(digest);
  }

  @Test
  @CheckId(value = "manifests.push.zero-layers", level = Level.SHOULD)
  @Covers({"R79", "R40"})
  void an_image_manifest_with_no_layers_is_accepted_and_pulls_back_as_sent() {
    TestImage image = scenario.newImage(256);
    scenario.pusher().pushBlob(repo, image.config());
    ImageManifest empty = ImageManifest.of(image.manifest().mediaType(), image.manifest().config(), List.of());

    RegistryResponse put = registry.putManifest(repo, "no-layers", empty.mediaType(), empty.raw());
    scenario.cleanup().recordManifest(repo, empty.digest());
    assertThat(put).hasStatus(201).hasContentDigest(empty.digest());
    assertThat(registry.getManifest(repo, empty.digest().toString(), ANY_MANIFEST))
        .hasStatus(200).hasBody(empty.raw()).hasContentType(empty.mediaType());
  }

  @Test
  @CheckId("manifests.push.digest-mismatch-rejected")
  @Covers({"R78", "R72"})
  void a_manifest_PUT_to_a_digest_that_is_not_its_own_is_rejected_with_400_and_not_stored() {
    TestImage image = scenario.newImage(256);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    Digest other = ManagementRequests.neverPushed();

    RegistryResponse put = registry.putManifest(repo, other.toString(), image.manifest().mediaType(), image.manifest().raw());
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, other);
      scenario.cleanup().recordManifest(repo, image.manifest().digest());
    }
    assertThat(put).hasStatus(400);
    ErrorBodies.assertConforms(put);
    assertThat(registry.getManifest(repo, other.toString(), ANY_MANIFEST)).hasStatus(404);
  }

  @Test
  @CheckId(value = "manifests.push.digest-mismatch-digest-invalid", level = Level.SHOULD)
  @Covers({"R78", "R72"})
  void a_manifest_PUT_to_a_digest_that_is_not_its_own_answers_DIGEST_INVALID() {
    TestImage image = scenario.newImage(256);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    Digest other = ManagementRequests.neverPushed();

    RegistryResponse put = registry.putManifest(repo, other.toString(), image.manifest().mediaType(), image.manifest().raw());
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, other);
      scenario.cleanup().recordManifest(repo, image.manifest().digest());
    }
    assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.DIGEST_INVALID);
  }

  @Test
  @CheckId("manifests.push.unknown-blob")
  @Covers({"R18", "R72"})
  void a_manifest_referencing_a_blob_the_repository_lacks_is_accepted_or_rejected_with_MANIFEST_BLOB_UNKNOWN() {
    TestImage image = scenario.newImage(256);
    scenario.pusher().pushBlob(repo, image.config());
    Descriptor pushedLayer = image.manifest().layers().get(0);
    Descriptor missing = Descriptor.of(pushedLayer.mediaType(), ManagementRequests.neverPushed(), 4096);
    ImageManifest manifest = ImageManifest.of(image.manifest().mediaType(), image.manifest().config(), List.of(missing));

    RegistryResponse put = registry.putManifest(repo, "missing-layer", manifest.mediaType(), manifest.raw());
    if (ManagementRequests.isSuccess(put.status())) {
      // The spec lets a registry accept it (MAY); only a rejection has a prescribed form.
      scenario.cleanup().recordManifest(repo, manifest.digest());
      assertThat(put).hasStatus(201);
      return;
    }
    assertThat(put).hasStatusIn("a rejection is the client's error", 400, 404).hasErrorCode(ErrorCode.MANIFEST_BLOB_UNKNOWN);
    ErrorBodies.assertConforms(put);
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Manifest uploads, OCI")
  public static final class OciImage extends ManifestUploadScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Manifest uploads, Docker schema 2")
  public static final class DockerImage extends ManifestUploadScenarios {}
}
