package dev.regconform.scenarios.formats;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.fixtures.images.TestImageBuilder;
import dev.regconform.fixtures.images.TestImageIndexBuilder;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.Platform;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.management.ErrorBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Windows image whose base layer is external: a Docker foreign layer
 * ({@code application/vnd.docker.image.rootfs.foreign.diff.tar.gzip}) or an OCI non-distributable layer
 * ({@code …layer.nondistributable.v1.tar+gzip}, deprecated since image-spec 1.1 but still found in older images), with
 * {@code urls} under {@value #URL_PREFIX}. Its blob is never uploaded, as docker and containerd skip it; the config and
 * the distributable layer are.
 *
 * <p>Storing such a manifest is a registry's choice (Distribution refuses every URL unless
 * {@code validation.manifests.urls.allow} names it): a refusal that names the policy makes the checks that need the
 * manifest stored unsupported, not failed. What is required either way: a refusal is the client's error (4xx), the
 * registry never claims to hold the foreign blob, and a manifest missing a blob that is not foreign, or a
 * non-distributable layer without {@code urls}, is refused with MANIFEST_BLOB_UNKNOWN if refused at all.
 */
@RegistryConformance
@Tag("manifests")
public abstract class ForeignLayerScenarios {
  /** Where the foreign layers' URLs point; a registry allowing foreign URLs must allow this prefix. */
  public static final String URL_PREFIX = "https://foreign.regconform.example/v2/windows/blobs/";
  /** A Go regular expression that allows {@link #URL_PREFIX}, for Distribution's {@code urls.allow}. */
  public static final String URL_ALLOW_REGEX = "^https://foreign\\.regconform\\.example/";
  static final String TAG = "windows";
  private static final String ROUND_TRIP_CHECK = "formats.foreign-layer.round-trip";
  private static final Platform WINDOWS = TestImageIndexBuilder.DEFAULT_PLATFORMS.get(2);
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  private Scenario scenario;
  private RegistryClient registry;
  private String repo;
  private final List<TestImage> images = new ArrayList<>();
  private TestImage image;
  private Digest foreign;
  private RegistryResponse put;

  @BeforeAll
  void pushImageWithoutItsForeignLayer(Scenario scenario) {
    this.scenario = scenario;
    registry = scenario.client();
    repo = scenario.repository();
    image = build(builder().foreignLayer(2048, URL_PREFIX).layerSizes(512));
    foreign = image.foreignLayers().get(0).digest();
    image.blobs().forEach(blob -> scenario.pusher().pushBlob(repo, blob));
    put = Pushes.put(scenario, repo, TAG, image.manifest());
  }

  @AfterAll
  void deleteFiles() {
    images.forEach(TestImage::close);
  }

  @Test
  @CheckId(ROUND_TRIP_CHECK)
  @Covers({"R79", "R41", "R42", "R40"})
  void the_image_with_a_foreign_layer_not_pushed_is_stored_and_pulls_back_with_its_urls_or_is_refused_as_a_policy() {
    Pushes.unsupportedIfPolicyRefusal(put, foreign);
    Pushes.assertAccepted(put, image.digest());
    for (String reference : List.of(TAG, image.digest().toString())) {
      RegistryResponse get = registry.getManifest(repo, reference, Accept.ANY_MANIFEST);
      assertThat(get).hasStatus(200).hasBody(image.manifest().raw()).hasContentDigest(image.digest());
      Descriptor pulled = ImageManifest.parse(get.body()).layers().get(0);
      assertThat(pulled).as("the foreign layer of %s", get.requestLine())
          .isEqualTo(image.manifest().layers().get(0));
    }
  }

  @Test
  @CheckId("formats.foreign-layer.refusal-is-client-error")
  @Covers({"R18", "R72"})
  void a_refusal_of_the_image_with_a_foreign_layer_is_a_client_error_not_a_server_error() {
    if (Pushes.isStored(put)) {
      return; // stored: nothing to judge here, the round trip is checked by formats.foreign-layer.round-trip
    }
    if (put.status() >= 500) {
      assertThat(put).hasStatusIn("a refused manifest is the client's error: 4xx, e.g. 400 MANIFEST_BLOB_UNKNOWN "
          + "(R18) or MANIFEST_INVALID", 400, 404);
    }
    assertThat(put.status()).as("status of the refusal%n  %s", put.describe()).isBetween(400, 499);
    ErrorBodies.assertConforms(put);
  }

  @Test
  @CheckId("formats.foreign-layer.blob-not-served")
  @Covers({"R11", "R16"})
  void the_registry_does_not_claim_to_hold_the_foreign_blob() {
    assertThat(registry.headBlob(repo, foreign)).hasStatus(404);
    assertThat(registry.getBlob(repo, foreign)).hasStatus(404);
  }

  @Test
  @CheckId("formats.foreign-layer.distributable-layers")
  @Covers({"R9", "R10"})
  void the_config_and_the_distributable_layer_of_the_pulled_manifest_download_as_usual() {
    Pushes.unsupportedIfPolicyRefusal(put, foreign);
    Pushes.requireStored(put, ROUND_TRIP_CHECK);
    RegistryResponse get = registry.getManifest(repo, TAG, Accept.ANY_MANIFEST);
    assertThat(get).hasStatus(200);
    for (TestBlob blob : image.blobs()) {
      assertThat(registry.getBlob(repo, blob.digest())).hasStatus(200).hasBodyMatching(blob.digest(), blob.size())
          .hasContentDigest(blob.digest());
    }
  }

  @Test
  @CheckId("formats.foreign-layer.missing-layer")
  @Covers({"R18", "R72"})
  void beside_a_foreign_layer_a_missing_ordinary_layer_is_refused_with_MANIFEST_BLOB_UNKNOWN_naming_it() {
    Pushes.unsupportedIfPolicyRefusal(put, foreign);
    Pushes.requireStored(put, ROUND_TRIP_CHECK);
    TestImage withMissing = build(builder().foreignLayer(2048, URL_PREFIX).layerSizes(512, 300));
    withMissing.blobs().subList(0, 2).forEach(blob -> scenario.pusher().pushBlob(repo, blob));
    Digest missing = withMissing.blobs().get(2).digest();

    RegistryResponse refused = Pushes.put(scenario, repo, "missing-layer", withMissing.manifest());
    if (Pushes.isStored(refused)) {
      return; // a registry may accept a manifest whose blobs it does not hold (R18); only a refusal has a form
    }
    assertBlobUnknown(refused, missing);
  }

  @Test
  @CheckId("formats.foreign-layer.without-urls")
  @Covers({"R18", "R72"})
  void a_foreign_layer_without_urls_and_not_pushed_is_refused_with_MANIFEST_BLOB_UNKNOWN() {
    TestImage withoutUrls = build(builder().foreignLayer(2048).layerSizes(512));
    withoutUrls.blobs().forEach(blob -> scenario.pusher().pushBlob(repo, blob));
    Digest notPushed = withoutUrls.foreignLayers().get(0).digest();

    RegistryResponse refused = Pushes.put(scenario, repo, "without-urls", withoutUrls.manifest());
    if (Pushes.isStored(refused)) {
      return; // a registry may accept a manifest whose blobs it does not hold (R18); only a refusal has a form
    }
    assertBlobUnknown(refused, notPushed);
  }

  private static void assertBlobUnknown(RegistryResponse refused, Digest digest) {
    assertThat(refused).hasStatusIn("a manifest referring to a blob the registry lacks is the client's error (R18)",
        400, 404).hasErrorCode(ErrorCode.MANIFEST_BLOB_UNKNOWN);
    assertThat(refused.bodyText()).as("the error names the blob the registry lacks%n  %s", refused.describe())
        .contains(digest.toString());
    ErrorBodies.assertConforms(refused);
  }

  private TestImageBuilder builder() {
    return TestImage.builder().format(scenario.format()).platform(WINDOWS).seed(SEEDS.incrementAndGet());
  }

  private TestImage build(TestImageBuilder builder) {
    TestImage built = builder.build();
    images.add(built);
    return built;
  }

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Foreign layer: Docker schema 2")
  public static final class DockerForeignLayer extends ForeignLayerScenarios {}

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Foreign layer: OCI non-distributable")
  public static final class OciNonDistributableLayer extends ForeignLayerScenarios {}
}
