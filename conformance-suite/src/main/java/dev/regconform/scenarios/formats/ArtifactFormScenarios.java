package dev.regconform.scenarios.formats;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.Accept;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An OCI artifact as chart and SBOM tools push one, beside the official data sets' octet-stream artifacts: an
 * {@code artifactType}, the empty config {@code {}}, a Helm chart layer
 * ({@code application/vnd.cncf.helm.chart.content.v1.tar+gzip}) and an SPDX SBOM ({@code application/spdx+json}) with
 * a title, annotations whose values a re-serialising registry would change ({@code <&>}, which Go's encoder escapes,
 * non-ASCII letters, U+2028), and a {@code subject}: the image it describes, pushed first. Pushed by tag; pulled back
 * by tag and by digest.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("OCI artifact: chart and SBOM layers, annotations, subject")
public class ArtifactFormScenarios {
  static final String TAG = "chart";
  static final String ARTIFACT_TYPE = "application/vnd.regconform.chart-bundle.v1";
  static final String HELM_CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  static final String SPDX_JSON = "application/spdx+json";
  /** Characters that survive only if the registry keeps the bytes: Go escapes {@code <>&} and U+2028 when encoding. */
  static final String TRICKY = "<chart> & \"sbom\" · Grüße · \u2028 · ✓";
  private static final String PUSH_CHECK = "formats.artifact.push";
  private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

  private RegistryClient registry;
  private String repo;
  private TestImage subject;
  private TestImage artifact;
  private RegistryResponse put;

  @BeforeAll
  void pushArtifactOfAnImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    subject = scenario.newImage(256);
    scenario.pusher().pushImage(repo, subject, "image");
    byte[] sbom = ("{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"regconform " + SEEDS.get() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    artifact = TestImage.artifact().artifactType(ARTIFACT_TYPE)
        .layer(HELM_CHART, 3000)
        .layer(SPDX_JSON, sbom, "sbom.spdx.json")
        .annotation("org.opencontainers.image.description", TRICKY)
        .annotation("org.opencontainers.image.created", "1970-01-01T00:00:00Z")
        .subject(subject.manifest().descriptor())
        .seed(SEEDS.incrementAndGet())
        .build();
    artifact.blobs().forEach(blob -> scenario.pusher().pushBlob(repo, blob));
    put = Pushes.put(scenario, repo, TAG, artifact.manifest());
  }

  @AfterAll
  void deleteFiles() {
    if (artifact != null) {
      artifact.close();
    }
  }

  @Test
  @CheckId(PUSH_CHECK)
  @Covers({"R41", "R42", "R17"})
  void the_artifact_with_a_subject_is_accepted() {
    Pushes.assertAccepted(put, artifact.digest());
  }

  @Test
  @CheckId("formats.artifact.pull")
  @Covers({"R6", "R7", "R13", "R14", "R15", "R40"})
  void the_artifact_pulls_back_byte_for_byte_with_its_type_annotations_and_subject() {
    Pushes.requireStored(put, PUSH_CHECK);
    for (String reference : List.of(TAG, artifact.digest().toString())) {
      RegistryResponse get = registry.getManifest(repo, reference, Accept.ANY_MANIFEST);
      assertThat(get).hasStatus(200).hasBody(artifact.manifest().raw()).hasContentDigest(artifact.digest());
      ImageManifest pulled = ImageManifest.parse(get.body());
      assertThat(pulled.artifactType()).as("artifactType of %s", get.requestLine()).isEqualTo(ARTIFACT_TYPE);
      assertThat(pulled.annotations()).as("annotations of %s", get.requestLine())
          .containsEntry("org.opencontainers.image.description", TRICKY);
      assertThat(pulled.subject()).as("subject of %s", get.requestLine()).isEqualTo(subject.manifest().descriptor());
      assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200).hasEmptyBody()
          .hasContentLength(artifact.manifest().raw().length).hasContentDigest(artifact.digest());
    }
  }

  @Test
  @CheckId("formats.artifact.layers")
  @Covers({"R9", "R10", "R13", "R14", "R15"})
  void the_empty_config_and_the_layers_of_any_media_type_download_with_their_digests() {
    Pushes.requireStored(put, PUSH_CHECK);
    assertThat(artifact.manifest().layers()).extracting(d -> d.mediaType()).containsExactly(HELM_CHART, SPDX_JSON);
    assertThat(artifact.config().descriptor().mediaType()).isEqualTo(MediaTypes.OCI_EMPTY);
    for (TestBlob blob : artifact.blobs()) {
      assertThat(registry.getBlob(repo, blob.digest())).hasStatus(200).hasBodyMatching(blob.digest(), blob.size())
          .hasContentDigest(blob.digest());
      assertThat(registry.headBlob(repo, blob.digest())).hasStatus(200).hasEmptyBody()
          .hasContentLength(blob.size()).hasContentDigest(blob.digest());
    }
  }

  @Test
  @CheckId(value = "formats.artifact.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_artifact_is_served_as_an_OCI_image_manifest() {
    Pushes.requireStored(put, PUSH_CHECK);
    for (String reference : List.of(TAG, artifact.digest().toString())) {
      assertThat(registry.getManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200)
          .hasContentType(MediaTypes.OCI_MANIFEST);
      assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200)
          .hasContentType(MediaTypes.OCI_MANIFEST);
    }
  }
}
