package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code non-distributable-layers} data set: an OCI image whose second layer is
 * non-distributable ({@code application/vnd.oci.image.layer.nondistributable.v1.tar+gzip} with {@code urls}); its
 * blob is never pushed, as clients fetch it from those URLs. The official suite requires the manifest be accepted
 * (R79). The spec also lets a registry refuse a manifest whose blobs it does not hold, with MANIFEST_BLOB_UNKNOWN
 * (R18): so accepting or refusing that way is the MUST, and accepting is a SHOULD.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: image with a non-distributable layer")
public class NonDistributableLayerScenarios {
  static final String TAG = "non-distributable";
  private static final String PUSH_CHECK = "manifests.data.non-distributable.accepted";

  private RegistryClient registry;
  private String repo;
  private ImageManifest manifest;
  private RegistryResponse put;

  @BeforeAll
  void pushImageWithForeignLayer(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    byte[] layer = DataSets.tar("regconform/distributable.txt", DataSets.unique("distributable layer"));
    Descriptor distributable = DataSets.pushBlob(scenario, repo, MediaTypes.OCI_LAYER_TAR, layer);
    byte[] foreign = DataSets.unique("non-distributable layer, never pushed");
    Descriptor nonDistributable = Descriptor.of(MediaTypes.OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP, foreign)
        .withUrls(List.of("https://example.com/regconform/" + Digest.sha256(foreign).hex()));
    byte[] config = DataSets.imageConfig(List.of(distributable.digest(), Digest.sha256(foreign)));
    Descriptor configDescriptor = DataSets.pushBlob(scenario, repo, MediaTypes.OCI_CONFIG, config);
    manifest = ImageManifest.of(MediaTypes.OCI_MANIFEST, configDescriptor, List.of(distributable, nonDistributable));
    put = DataSets.putManifest(scenario, repo, TAG, manifest.mediaType(), manifest.raw(), manifest.digest());
  }

  @Test
  @CheckId("manifests.data.non-distributable.accepted-or-blob-unknown")
  @Covers({"R79", "R18", "R40"})
  void a_manifest_with_a_non_distributable_layer_not_pushed_is_stored_or_refused_with_MANIFEST_BLOB_UNKNOWN() {
    if (put.status() >= 300) {
      assertThat(put).hasStatusIn("stored (201), or refused as the client's error: 400 or 404 with "
          + "MANIFEST_BLOB_UNKNOWN (R18)", 400, 404).hasErrorCode(ErrorCode.MANIFEST_BLOB_UNKNOWN);
      return;
    }
    DataSets.assertAccepted(put, manifest.digest());
    DataSets.assertPullsBack(registry, repo, TAG, manifest.raw(), manifest.digest());
    DataSets.assertPullsBack(registry, repo, manifest.digest().toString(), manifest.raw(), manifest.digest());
  }

  @Test
  @CheckId(value = PUSH_CHECK, level = Level.SHOULD)
  @Covers({"R79", "R41"})
  void a_manifest_with_a_non_distributable_layer_not_pushed_is_accepted() {
    DataSets.assertAccepted(put, manifest.digest());
  }

  @Test
  @CheckId(value = "manifests.data.non-distributable.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_manifest_with_a_non_distributable_layer_is_served_with_its_media_type() {
    DataSets.requireStored(put, PUSH_CHECK);
    DataSets.assertServedAs(registry, repo, TAG, MediaTypes.OCI_MANIFEST);
    DataSets.assertServedAs(registry, repo, manifest.digest().toString(), MediaTypes.OCI_MANIFEST);
  }
}
