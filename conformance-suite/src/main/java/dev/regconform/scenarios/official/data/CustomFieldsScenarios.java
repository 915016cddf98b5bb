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
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code custom-fields} data set, for the documents manifests.oci.unknown-fields-round-trip
 * does not cover: an OCI image index and an artifact manifest carrying top-level fields no spec defines (and one in a
 * descriptor). A registry keeps what it accepts byte for byte (R40), unknown fields included (R79).
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: custom fields in an index and an artifact")
public class CustomFieldsScenarios {
  static final String INDEX_TAG = "custom-fields-index";
  static final String ARTIFACT_TAG = "custom-fields-artifact";

  private RegistryClient registry;
  private String repo;
  private byte[] artifact;
  private Digest artifactDigest;
  private RegistryResponse artifactPut;
  private byte[] index;
  private Digest indexDigest;
  private RegistryResponse indexPut;

  @BeforeAll
  void pushDocumentsWithCustomFields(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    TestImage image = scenario.newImage(128);
    scenario.pusher().pushImage(repo, image, image.manifest().digest().toString());
    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("custom layer"));

    Map<String, Object> artifactJson = new LinkedHashMap<>();
    artifactJson.put("schemaVersion", 2);
    artifactJson.put("mediaType", MediaTypes.OCI_MANIFEST);
    artifactJson.put("artifactType", DataSets.ARTIFACT_TYPE);
    artifactJson.put("config", DataSets.descriptorMap(DataSets.EMPTY_CONFIG));
    artifactJson.put("layers", List.of(DataSets.descriptorMap(layer)));
    artifactJson.put("dev.regconform.custom", Map.of("list", List.of(1, "two", false), "text", "artifact"));
    artifactJson.put("regconformCustomNumber", 42);
    artifact = DataSets.json(artifactJson);
    artifactDigest = Digest.sha256(artifact);
    artifactPut = DataSets.putManifest(scenario, repo, ARTIFACT_TAG, MediaTypes.OCI_MANIFEST, artifact,
        artifactDigest);

    Map<String, Object> entry = DataSets.descriptorMap(Descriptor.of(MediaTypes.OCI_MANIFEST,
        image.manifest().raw()));
    entry.put("dev.regconform.custom-descriptor-field", "an index entry may carry fields a registry does not know");
    Map<String, Object> indexJson = new LinkedHashMap<>();
    indexJson.put("schemaVersion", 2);
    indexJson.put("mediaType", MediaTypes.OCI_INDEX);
    indexJson.put("manifests", List.of(entry));
    indexJson.put("dev.regconform.custom", Map.of("nested", Map.of("deeper", List.of()), "text", "index"));
    indexJson.put("regconformCustomFlag", true);
    index = DataSets.json(indexJson);
    indexDigest = Digest.sha256(index);
    indexPut = DataSets.putManifest(scenario, repo, INDEX_TAG, MediaTypes.OCI_INDEX, index, indexDigest);
  }

  @Test
  @CheckId("manifests.data.custom-fields.index")
  @Covers({"R79", "R40", "R41", "R42"})
  void an_index_with_unknown_fields_is_stored_byte_for_byte() {
    DataSets.assertAccepted(indexPut, indexDigest);
    DataSets.assertPullsBack(registry, repo, INDEX_TAG, index, indexDigest);
    DataSets.assertPullsBack(registry, repo, indexDigest.toString(), index, indexDigest);
  }

  @Test
  @CheckId("manifests.data.custom-fields.artifact")
  @Covers({"R79", "R40", "R41", "R42"})
  void an_artifact_manifest_with_unknown_fields_is_stored_byte_for_byte() {
    DataSets.assertAccepted(artifactPut, artifactDigest);
    DataSets.assertPullsBack(registry, repo, ARTIFACT_TAG, artifact, artifactDigest);
    DataSets.assertPullsBack(registry, repo, artifactDigest.toString(), artifact, artifactDigest);
  }

  @Test
  @CheckId(value = "manifests.data.custom-fields.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_index_and_the_artifact_with_unknown_fields_are_served_with_their_media_types() {
    DataSets.requireStored(artifactPut, "manifests.data.custom-fields.artifact");
    DataSets.assertServedAs(registry, repo, artifactDigest.toString(), MediaTypes.OCI_MANIFEST);
    DataSets.requireStored(indexPut, "manifests.data.custom-fields.index");
    DataSets.assertServedAs(registry, repo, indexDigest.toString(), MediaTypes.OCI_INDEX);
  }
}
