package dev.regconform.scenarios.official.data;

import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The official suite's {@code artifact-index} data set: an OCI image index with an {@code artifactType}, listing an
 * artifact manifest (empty-JSON config, one layer) and an image. Children by digest, the index by tag.
 */
@DataSetName("artifact-index")
@DisplayName("Data set: index with artifactType")
public class ArtifactIndexScenarios extends DataSetLifecycle {
  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    DataSetManifest image = DataSets.image(scenario, "the image", scenario.newImage(128));
    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("artifact layer"));
    ImageManifest artifact = ImageManifest.of(MediaTypes.OCI_MANIFEST, DataSets.ARTIFACT_TYPE, DataSets.EMPTY_CONFIG,
        List.of(layer), null, null);
    ImageIndex index = ImageIndex.of(MediaTypes.OCI_INDEX, DataSets.ARTIFACT_TYPE, List.of(
            new Descriptor(MediaTypes.OCI_MANIFEST, artifact.digest(), artifact.raw().length, null, null, null,
                DataSets.ARTIFACT_TYPE),
            Descriptor.of(image.mediaType(), image.body())),
        null, Map.of("dev.regconform.data-set", "artifact-index"));
    return List.of(image, DataSetManifest.of("the artifact", artifact),
        DataSetManifest.of("the index with an artifactType", index, "artifact-index"));
  }
}
