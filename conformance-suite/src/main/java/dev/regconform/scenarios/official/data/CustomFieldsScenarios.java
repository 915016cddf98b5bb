package dev.regconform.scenarios.official.data;

import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.MediaTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The official suite's {@code custom-fields} data set, for the documents manifests.oci.unknown-fields-round-trip
 * does not cover: an artifact manifest and an OCI image index carrying top-level fields no spec defines (and one in a
 * descriptor). A registry keeps what it accepts byte for byte (R40), unknown fields included (R79).
 */
@DataSetName("custom-fields")
@DisplayName("Data set: custom fields in an index and an artifact")
public class CustomFieldsScenarios extends DataSetLifecycle {
  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    DataSetManifest image = DataSets.image(scenario, "the image", scenario.newImage(128));
    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("custom layer"));

    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("schemaVersion", 2);
    artifact.put("mediaType", MediaTypes.OCI_MANIFEST);
    artifact.put("artifactType", DataSets.ARTIFACT_TYPE);
    artifact.put("config", DataSets.descriptorMap(DataSets.EMPTY_CONFIG));
    artifact.put("layers", List.of(DataSets.descriptorMap(layer)));
    artifact.put("dev.regconform.custom", Map.of("list", List.of(1, "two", false), "text", "artifact"));
    artifact.put("regconformCustomNumber", 42);

    Map<String, Object> entry = DataSets.descriptorMap(Descriptor.of(image.mediaType(), image.body()));
    entry.put("dev.regconform.custom-descriptor-field", "an index entry may carry fields a registry does not know");
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    index.put("manifests", List.of(entry));
    index.put("dev.regconform.custom", Map.of("nested", Map.of("deeper", List.of()), "text", "index"));
    index.put("regconformCustomFlag", true);

    return List.of(image,
        DataSetManifest.raw("the artifact with custom fields", MediaTypes.OCI_MANIFEST, DataSets.json(artifact),
            "custom-fields-artifact"),
        DataSetManifest.raw("the index with custom fields", MediaTypes.OCI_INDEX, DataSets.json(index),
            "custom-fields-index"));
  }
}
