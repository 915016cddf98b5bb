package dev.regconform.scenarios.official.data;

import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.MediaTypes;
import dev.regconform.model.Platform;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * The official suite's {@code index} data set: a two-platform OCI image index (linux/amd64 and linux/arm64), as
 * multi-platform images are pushed: both images by digest, then the index by tag {@code index}.
 */
@DataSetName("index")
@DisplayName("Data set: two-platform index")
public class MultiPlatformIndexScenarios extends DataSetLifecycle {
  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    DataSetManifest amd64 = DataSets.image(scenario, "the linux/amd64 image", scenario.newImage(128, 64));
    DataSetManifest arm64 = DataSets.image(scenario, "the linux/arm64 image", scenario.newImage(128, 64));
    ImageIndex index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(
        Descriptor.of(amd64.mediaType(), amd64.body()).withPlatform(Platform.of("linux", "amd64")),
        Descriptor.of(arm64.mediaType(), arm64.body()).withPlatform(Platform.of("linux", "arm64"))));
    return List.of(amd64, arm64, DataSetManifest.of("the two-platform index", index, "index"));
  }
}
