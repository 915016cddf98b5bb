package dev.regconform.scenarios.official.data;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code artifact-index} data set: an OCI image index with an {@code artifactType}, listing an
 * artifact manifest (empty-JSON config, one layer) and an image. Pushed children first, the index by tag.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: index with artifactType")
public class ArtifactIndexScenarios {
  static final String TAG = "artifact-index";

  private RegistryClient registry;
  private String repo;
  private ImageManifest artifact;
  private ImageIndex index;
  private RegistryResponse artifactPut;
  private RegistryResponse put;

  @BeforeAll
  void pushArtifactIndex(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    TestImage image = scenario.newImage(128);
    scenario.pusher().pushImage(repo, image, image.manifest().digest().toString());
    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("artifact layer"));
    artifact = ImageManifest.of(MediaTypes.OCI_MANIFEST, DataSets.ARTIFACT_TYPE, DataSets.EMPTY_CONFIG,
        List.of(layer), null, null);
    artifactPut = DataSets.putManifest(scenario, repo, artifact.digest().toString(), artifact.mediaType(),
        artifact.raw(), artifact.digest());
    index = ImageIndex.of(MediaTypes.OCI_INDEX, DataSets.ARTIFACT_TYPE, List.of(
            new Descriptor(MediaTypes.OCI_MANIFEST, artifact.digest(), artifact.raw().length, null, null, null,
                DataSets.ARTIFACT_TYPE),
            Descriptor.of(MediaTypes.OCI_MANIFEST, image.manifest().raw())),
        null, Map.of("dev.regconform.data-set", "artifact-index"));
    put = DataSets.putManifest(scenario, repo, TAG, index.mediaType(), index.raw(), index.digest());
  }

  @Test
  @CheckId("manifests.data.artifact-index.push")
  @Covers({"R41", "R42"})
  void an_index_with_an_artifactType_is_accepted_with_its_digest() {
    DataSets.assertAccepted(artifactPut, artifact.digest());
    DataSets.assertAccepted(put, index.digest());
  }

  @Test
  @CheckId("manifests.data.artifact-index.pull")
  @Covers({"R40"})
  void the_index_with_an_artifactType_pulls_back_as_sent_by_tag_and_by_digest() {
    DataSets.requireStored(put, "manifests.data.artifact-index.push");
    DataSets.assertPullsBack(registry, repo, TAG, index.raw(), index.digest());
    DataSets.assertPullsBack(registry, repo, index.digest().toString(), index.raw(), index.digest());
    DataSets.assertPullsBack(registry, repo, artifact.digest().toString(), artifact.raw(), artifact.digest());
  }

  @Test
  @CheckId(value = "manifests.data.artifact-index.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_index_with_an_artifactType_is_served_as_an_OCI_index() {
    DataSets.requireStored(put, "manifests.data.artifact-index.push");
    DataSets.assertServedAs(registry, repo, TAG, MediaTypes.OCI_INDEX);
    DataSets.assertServedAs(registry, repo, index.digest().toString(), MediaTypes.OCI_INDEX);
  }
}
