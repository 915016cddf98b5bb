package dev.regconform.scenarios.official.data;

import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Scenario;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The official suite's {@code empty-index} data set: an OCI image index with {@code "manifests":[]}, which the image
 * spec allows and R79 says a registry accepts and serves unchanged.
 */
@DataSetName("empty-index")
@DisplayName("Data set: empty index")
public class EmptyIndexScenarios extends DataSetLifecycle {
  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    // Annotated, so each run's empty index has a digest of its own.
    ImageIndex index = ImageIndex.of(MediaTypes.OCI_INDEX, null, List.of(), null,
        Map.of("dev.regconform.data-set", new String(DataSets.unique("empty-index"), StandardCharsets.UTF_8)));
    return List.of(DataSetManifest.of("the empty index", index, "empty-index"));
  }
}
