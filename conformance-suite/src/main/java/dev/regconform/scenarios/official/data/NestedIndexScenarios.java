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
import dev.regconform.model.MediaTypes;
import dev.regconform.model.Platform;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code nested-index} data set: an OCI image index whose two entries are image indexes,
 * each listing one image manifest (index → index → image). Pushed children first: the images, the two inner
 * indexes by digest, then the outer index by tag.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: index of indexes")
public class NestedIndexScenarios {
  static final String TAG = "index-of-index";

  private RegistryClient registry;
  private String repo;
  private ImageIndex amd64Index;
  private ImageIndex arm64Index;
  private ImageIndex outer;
  private RegistryResponse amd64Put;
  private RegistryResponse arm64Put;
  private RegistryResponse outerPut;

  @BeforeAll
  void pushIndexOfIndexes(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    TestImage amd64 = scenario.newImage(128);
    TestImage arm64 = scenario.newImage(128);
    scenario.pusher().pushImage(repo, amd64, amd64.manifest().digest().toString());
    scenario.pusher().pushImage(repo, arm64, arm64.manifest().digest().toString());
    amd64Index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(Descriptor.of(MediaTypes.OCI_MANIFEST,
        amd64.manifest().raw()).withPlatform(Platform.of("linux", "amd64"))));
    arm64Index = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(Descriptor.of(MediaTypes.OCI_MANIFEST,
        arm64.manifest().raw()).withPlatform(Platform.of("linux", "arm64"))));
    amd64Put = putByDigest(scenario, amd64Index);
    arm64Put = putByDigest(scenario, arm64Index);
    outer = ImageIndex.of(MediaTypes.OCI_INDEX, List.of(Descriptor.of(MediaTypes.OCI_INDEX, amd64Index.raw()),
        Descriptor.of(MediaTypes.OCI_INDEX, arm64Index.raw())));
    outerPut = DataSets.putManifest(scenario, repo, TAG, outer.mediaType(), outer.raw(), outer.digest());
  }

  @Test
  @CheckId("manifests.data.nested-index.push")
  @Covers({"R41", "R42"})
  void an_index_whose_entries_are_indexes_is_accepted_with_its_digest() {
    DataSets.assertAccepted(amd64Put, amd64Index.digest());
    DataSets.assertAccepted(arm64Put, arm64Index.digest());
    DataSets.assertAccepted(outerPut, outer.digest());
  }

  @Test
  @CheckId("manifests.data.nested-index.pull")
  @Covers({"R40"})
  void the_index_of_indexes_and_its_inner_indexes_pull_back_as_sent() {
    DataSets.requireStored(outerPut, "manifests.data.nested-index.push");
    DataSets.assertPullsBack(registry, repo, TAG, outer.raw(), outer.digest());
    DataSets.assertPullsBack(registry, repo, outer.digest().toString(), outer.raw(), outer.digest());
    DataSets.assertPullsBack(registry, repo, amd64Index.digest().toString(), amd64Index.raw(), amd64Index.digest());
    DataSets.assertPullsBack(registry, repo, arm64Index.digest().toString(), arm64Index.raw(), arm64Index.digest());
  }

  @Test
  @CheckId(value = "manifests.data.nested-index.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_index_of_indexes_is_served_as_an_OCI_index() {
    DataSets.requireStored(outerPut, "manifests.data.nested-index.push");
    DataSets.assertServedAs(registry, repo, TAG, MediaTypes.OCI_INDEX);
    DataSets.assertServedAs(registry, repo, outer.digest().toString(), MediaTypes.OCI_INDEX);
    DataSets.assertServedAs(registry, repo, amd64Index.digest().toString(), MediaTypes.OCI_INDEX);
  }

  private RegistryResponse putByDigest(Scenario scenario, ImageIndex index) {
    return DataSets.putManifest(scenario, repo, index.digest().toString(), index.mediaType(), index.raw(),
        index.digest());
  }
}
