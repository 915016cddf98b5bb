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
 * The official suite's {@code nested-index} data set: an OCI image index whose two entries are image indexes, each
 * listing one image manifest (index → index → image). The images and the inner indexes stay untagged; the outer
 * index is tagged {@code index-of-index}.
 */
@DataSetName("nested-index")
@DisplayName("Data set: index of indexes")
public class NestedIndexScenarios extends DataSetLifecycle {
  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    DataSetManifest amd64 = DataSets.image(scenario, "the amd64 image", scenario.newImage(128));
    DataSetManifest arm64 = DataSets.image(scenario, "the arm64 image", scenario.newImage(128));
    ImageIndex amd64Index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(entry(amd64, "amd64")));
    ImageIndex arm64Index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(entry(arm64, "arm64")));
    ImageIndex outer = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(
        Descriptor.of(MediaTypes.OCI_INDEX, amd64Index.raw()), Descriptor.of(MediaTypes.OCI_INDEX, arm64Index.raw())));
    return List.of(amd64, arm64, DataSetManifest.of("the amd64 index", amd64Index),
        DataSetManifest.of("the arm64 index", arm64Index), DataSetManifest.of("the index of indexes", outer,
            "index-of-index"));
  }

  private static Descriptor entry(DataSetManifest image, String architecture) {
    return Descriptor.of(image.mediaType(), image.body()).withPlatform(Platform.of("linux", architecture));
  }
}
