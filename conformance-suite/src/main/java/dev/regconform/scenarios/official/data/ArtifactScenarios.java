package dev.regconform.scenarios.official.data;

import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The official suite's {@code artifact} and {@code artifact-without-layers} data sets: OCI artifacts as the image
 * spec's guidance builds them, an image manifest with an {@code artifactType} and the empty-JSON config; the first
 * carries one octet-stream layer, the second only the empty-JSON descriptor as its layer (for artifacts that have
 * no content but their annotations).
 */
@DataSetName("artifact")
@DisplayName("Data set: artifacts")
public class ArtifactScenarios extends DataSetLifecycle {
  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("artifact content"));
    ImageManifest artifact = ImageManifest.of(MediaTypes.OCI_MANIFEST, DataSets.ARTIFACT_TYPE, DataSets.EMPTY_CONFIG,
        List.of(layer), null, Map.of("dev.regconform.data-set", "artifact"));
    ImageManifest withoutLayers = ImageManifest.of(MediaTypes.OCI_MANIFEST, DataSets.ARTIFACT_TYPE,
        DataSets.EMPTY_CONFIG, List.of(DataSets.EMPTY_CONFIG), null,
        Map.of("dev.regconform.data-set", new String(DataSets.unique("artifact-without-layers"),
            java.nio.charset.StandardCharsets.UTF_8)));
    return List.of(DataSetManifest.of("the artifact", artifact, "artifact"),
        DataSetManifest.of("the artifact without layers", withoutLayers, "artifact-without-layers"));
  }
}
