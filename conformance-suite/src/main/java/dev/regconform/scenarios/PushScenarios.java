package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.ImageManifest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pushing an image: blob uploads (spec end-4a, end-5, end-6) and the manifest PUT by tag (end-7). */
@RegistryConformance
@Tag("push")
public abstract class PushScenarios extends ScenarioSupport {

  @Test
  @CheckId("push.blob.monolithic")
  @Covers({"R20", "R23"})
  void a_blob_uploaded_in_one_PUT_is_stored_under_its_digest() {
    String repo = scenario.repository();
    TestBlob blob = scenario.newImage(2048).layers().get(0);
    byte[] content = blob.readAllBytes();

    RegistryResponse start = registry.startUpload(repo);
    assertThat(start).hasStatus(202).hasLocationHeader();
    RegistryResponse put = registry.completeUpload(start.header(Headers.LOCATION).orElseThrow(), blob.digest(), content);
    scenario.cleanup().recordBlob(repo, blob.digest());
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigest(blob.digest());

    assertBlobStored(repo, blob, put);
  }

  @Test
  @CheckId("push.blob.streamed")
  @Covers({"R20", "R28", "R23"})
  void a_blob_streamed_in_one_PATCH_then_closed_by_PUT_is_stored_under_its_digest() {
    String repo = scenario.repository();
    TestBlob blob = scenario.newImage(4096).layers().get(0);

    RegistryResponse start = registry.startUpload(repo);
    assertThat(start).hasStatus(202).hasLocationHeader();
    RegistryResponse patch = registry.patchUpload(start.header(Headers.LOCATION).orElseThrow(), blob.file());
    assertThat(patch).hasStatus(202).hasLocationHeader().hasHeader(Headers.RANGE, "0-" + (blob.size() - 1));
    RegistryResponse put = registry.completeUpload(patch.header(Headers.LOCATION).orElseThrow(), blob.digest(), null);
    scenario.cleanup().recordBlob(repo, blob.digest());
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigest(blob.digest());

    assertBlobStored(repo, blob, put);
  }

  @Test
  @CheckId("push.manifest.by-tag")
  @Covers({"R41", "R42", "R40"})
  void a_manifest_pushed_by_tag_answers_201_with_the_digest_of_the_exact_bytes_sent() {
    String repo = scenario.repository();
    TestImage image = scenario.newImage(1024, 3000);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    ImageManifest manifest = image.manifest();
    Digest digest = Digest.sha256(manifest.raw());

    RegistryResponse put = registry.putManifest(repo, "1.3", manifest.mediaType(), manifest.raw());
    scenario.cleanup().recordManifest(repo, digest);
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigest(digest);

    assertThat(registry.headManifest(repo, "1.3", Accept.ANY_MANIFEST))
        .hasStatus(200).hasContentDigest(digest).hasContentLength(manifest.raw().length);
    assertThat(registry.getLocation(put.header(Headers.LOCATION).orElseThrow(), Accept.ANY_MANIFEST))
        .as("GET of the Location returned for the manifest")
        .hasStatus(200).hasBody(manifest.raw());
  }

  /**
   * HEAD confirms the blob (200, its size as Content-Length, its digest as Docker-Content-Digest), and the
   * Location the PUT returned serves it.
   */
  private void assertBlobStored(String repo, TestBlob blob, RegistryResponse put) {
    assertThat(registry.headBlob(repo, blob.digest()))
        .hasStatus(200).hasContentLength(blob.size()).hasContentDigest(blob.digest());
    assertThat(registry.getLocation(put.header(Headers.LOCATION).orElseThrow(), List.of()))
        .as("GET of the Location returned for the blob")
        .hasStatus(200).hasBodyMatching(blob.digest(), blob.size());
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Push an OCI image")
  public static final class OciImage extends PushScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Push a Docker schema 2 image")
  public static final class DockerImage extends PushScenarios {}
}
