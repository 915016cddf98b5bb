package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.Reference;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pulling an image the ways clients do: by name alone (the client's default tag {@code latest}), by tag,
 * by {@code latest}, and by digest (spec end-3), then every blob it references (end-2).
 */
@RegistryConformance
@Tag("pull")
public abstract class PullScenarios {
  private static final String TAG = "1.3";

  private RegistryClient registry;
  private String repo;
  private TestImage image;
  private byte[] manifestBytes;
  private Digest digest;

  /** Pushes one image with two layers, tagged {@code 1.3} and {@code latest}, like {@code docker push}. */
  @BeforeAll
  void pushImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    image = scenario.newImage(1024, 3000);
    manifestBytes = image.manifest().raw();
    digest = Digest.sha256(manifestBytes);
    scenario.pusher().pushImage(repo, image, TAG, Reference.DEFAULT_TAG);
  }

  @Test
  @CheckId("pull.by-name.defaults-to-latest")
  @Covers({"R6", "R7", "R40"})
  void pulling_by_name_alone_gets_the_image_tagged_latest() {
    Reference byName = Reference.parse(repo);
    assertThat(byName.manifestReference()).as("the reference a client pulls for '%s'", repo).isEqualTo("latest");

    assertThat(registry.getManifest(repo, byName.manifestReference(), Accept.ANY_MANIFEST))
        .hasStatus(200).hasBody(manifestBytes).hasContentDigest(digest);
  }

  @Test
  @CheckId("pull.by-tag.manifest-bytes")
  @Covers({"R6", "R40"})
  void pull_by_tag_returns_the_exact_manifest_bytes_pushed() {
    assertThat(registry.getManifest(repo, TAG, Accept.ANY_MANIFEST)).hasStatus(200).hasBody(manifestBytes);
  }

  @Test
  @CheckId(value = "pull.by-tag.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void pull_by_tag_answers_with_the_manifest_media_type_as_Content_Type() {
    assertThat(registry.getManifest(repo, TAG, Accept.ANY_MANIFEST))
        .hasStatus(200).hasContentType(image.manifest().mediaType());
  }

  @Test
  @CheckId("pull.by-tag.content-digest")
  @Covers({"R7"})
  void pull_by_tag_answers_with_the_manifest_digest_as_Docker_Content_Digest() {
    assertThat(registry.getManifest(repo, TAG, Accept.ANY_MANIFEST)).hasStatus(200).hasContentDigest(digest);
  }

  @Test
  @CheckId("pull.by-latest.manifest-bytes")
  @Covers({"R6", "R40", "R5", "R7"})
  void pull_by_latest_returns_the_exact_manifest_bytes_pushed_as_latest() {
    assertThat(registry.getManifest(repo, Reference.DEFAULT_TAG, Accept.ANY_MANIFEST))
        .hasStatus(200).hasBody(manifestBytes).hasContentDigest(digest);
  }

  @Test
  @CheckId("pull.by-digest.manifest-bytes")
  @Covers({"R6", "R40"})
  void pull_by_digest_returns_the_exact_manifest_bytes_pushed() {
    assertThat(registry.getManifest(repo, digest.toString(), Accept.ANY_MANIFEST)).hasStatus(200).hasBody(manifestBytes);
  }

  @Test
  @CheckId(value = "pull.by-digest.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void pull_by_digest_answers_with_the_manifest_media_type_as_Content_Type() {
    assertThat(registry.getManifest(repo, digest.toString(), Accept.ANY_MANIFEST))
        .hasStatus(200).hasContentType(image.manifest().mediaType());
  }

  @Test
  @CheckId("pull.by-digest.content-digest")
  @Covers({"R7"})
  void pull_by_digest_answers_with_that_digest_as_Docker_Content_Digest() {
    assertThat(registry.getManifest(repo, digest.toString(), Accept.ANY_MANIFEST)).hasStatus(200).hasContentDigest(digest);
  }

  @Test
  @CheckId("pull.manifest.head-agrees-with-get")
  @Covers({"R13", "R14", "R15"})
  void HEAD_of_a_manifest_agrees_with_GET_by_tag_and_by_digest() {
    for (String reference : new String[] {TAG, digest.toString()}) {
      RegistryResponse get = registry.getManifest(repo, reference, Accept.ANY_MANIFEST);
      assertThat(get).hasStatus(200);
      assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST))
          .hasStatus(200)
          .hasEmptyBody()
          .hasContentLength(manifestBytes.length)
          .hasContentDigest(digest)
          .hasContentType(get.header(Headers.CONTENT_TYPE).orElse("").split(";")[0].trim());
    }
  }

  @Test
  @CheckId("pull.blobs.config")
  @Covers({"R9", "R10"})
  void the_config_blob_downloads_with_its_digest_and_size() {
    assertBlobDownloads(image.manifest().config());
  }

  @Test
  @CheckId("pull.blobs.layers")
  @Covers({"R9", "R10"})
  void every_layer_downloads_with_its_digest_and_size() {
    SoftAssertions softly = new SoftAssertions();
    for (Descriptor layer : image.manifest().layers()) {
      softly.check(() -> assertBlobDownloads(layer));
    }
    softly.assertAll();
  }

  @Test
  @CheckId("pull.blobs.head")
  @Covers({"R13", "R14", "R15"})
  void HEAD_of_every_blob_answers_its_size_and_digest() {
    for (Descriptor blob : image.manifest().blobs()) {
      assertThat(registry.headBlob(repo, blob.digest()))
          .hasStatus(200).hasEmptyBody().hasContentLength(blob.size()).hasContentDigest(blob.digest());
    }
  }

  private void assertBlobDownloads(Descriptor blob) {
    assertThat(registry.getBlob(repo, blob.digest()))
        .hasStatus(200)
        .hasBodyMatching(blob.digest(), blob.size())
        .hasContentLength(blob.size())
        .hasContentDigest(blob.digest());
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Pull an OCI image")
  public static final class OciImage extends PullScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Pull a Docker schema 2 image")
  public static final class DockerImage extends PullScenarios {}
}
