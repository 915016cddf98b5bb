package dev.regconform.scenarios.official.data;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code empty-index} data set: an OCI image index with {@code "manifests":[]}, which the image
 * spec allows and R79 says a registry accepts and serves unchanged. Pushed by tag.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: empty index")
public class EmptyIndexScenarios {
  static final String TAG = "empty-index";

  private RegistryClient registry;
  private String repo;
  private ImageIndex index;
  private RegistryResponse put;

  @BeforeAll
  void pushEmptyIndex(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    // Annotated, so each run's empty index has a digest of its own.
    index = ImageIndex.of(MediaTypes.OCI_INDEX, null, List.of(), null,
        Map.of("dev.regconform.data-set", new String(DataSets.unique("empty-index"), StandardCharsets.UTF_8)));
    put = DataSets.putManifest(scenario, repo, TAG, index.mediaType(), index.raw(), index.digest());
  }

  @Test
  @CheckId("manifests.data.empty-index.push")
  @Covers({"R79", "R41", "R42"})
  void an_index_without_manifests_is_accepted_with_its_digest() {
    DataSets.assertAccepted(put, index.digest());
  }

  @Test
  @CheckId("manifests.data.empty-index.pull")
  @Covers({"R79", "R40"})
  void the_empty_index_pulls_back_as_sent_by_tag_and_by_digest() {
    DataSets.requireStored(put, "manifests.data.empty-index.push");
    DataSets.assertPullsBack(registry, repo, TAG, index.raw(), index.digest());
    DataSets.assertPullsBack(registry, repo, index.digest().toString(), index.raw(), index.digest());
  }

  @Test
  @CheckId(value = "manifests.data.empty-index.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_empty_index_is_served_as_an_OCI_index() {
    DataSets.requireStored(put, "manifests.data.empty-index.push");
    DataSets.assertServedAs(registry, repo, TAG, MediaTypes.OCI_INDEX);
    DataSets.assertServedAs(registry, repo, index.digest().toString(), MediaTypes.OCI_INDEX);
  }
}
