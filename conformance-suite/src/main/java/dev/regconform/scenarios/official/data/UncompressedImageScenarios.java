package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code image-uncompressed} data set: an OCI image whose two layers are plain tars
 * ({@code application/vnd.oci.image.layer.v1.tar}, no gzip). Its blobs are pushed, then its manifest by tag; the
 * manifest and the layers must come back byte for byte.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: image with uncompressed layers")
public class UncompressedImageScenarios {
  static final String TAG = "image-uncompressed";

  private RegistryClient registry;
  private String repo;
  private final List<byte[]> layers = new ArrayList<>();
  private ImageManifest manifest;
  private RegistryResponse put;

  @BeforeAll
  void pushImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      byte[] layer = DataSets.tar("regconform/layer-" + i + ".txt", DataSets.unique("uncompressed layer " + i));
      layers.add(layer);
      layerDescriptors.add(DataSets.pushBlob(scenario, repo, MediaTypes.OCI_LAYER_TAR, layer));
    }
    // Uncompressed: each layer's diff_id is the digest of the layer blob itself.
    byte[] config = DataSets.imageConfig(layerDescriptors.stream().map(Descriptor::digest).toList());
    Descriptor configDescriptor = DataSets.pushBlob(scenario, repo, MediaTypes.OCI_CONFIG, config);
    manifest = ImageManifest.of(MediaTypes.OCI_MANIFEST, configDescriptor, layerDescriptors);
    put = DataSets.putManifest(scenario, repo, TAG, manifest.mediaType(), manifest.raw(), manifest.digest());
  }

  @Test
  @CheckId("manifests.data.image-uncompressed.push")
  @Covers({"R41", "R42"})
  void an_image_with_uncompressed_tar_layers_is_accepted_with_its_digest() {
    DataSets.assertAccepted(put, manifest.digest());
  }

  @Test
  @CheckId("manifests.data.image-uncompressed.pull")
  @Covers({"R40"})
  void the_image_with_uncompressed_layers_pulls_back_as_sent_by_tag_and_by_digest() {
    DataSets.requireStored(put, "manifests.data.image-uncompressed.push");
    DataSets.assertPullsBack(registry, repo, manifest.digest().toString(), manifest.raw(), manifest.digest());
    DataSets.assertPullsBack(registry, repo, TAG, manifest.raw(), manifest.digest());
  }

  @Test
  @CheckId("manifests.data.image-uncompressed.layers")
  @Covers({"R9", "R40"})
  void the_uncompressed_layers_download_as_they_were_pushed() {
    for (byte[] layer : layers) {
      Digest digest = Digest.sha256(layer);
      assertThat(registry.getBlob(repo, digest)).hasStatus(200).hasBodyMatching(digest, layer.length);
    }
  }

  @Test
  @CheckId(value = "manifests.data.image-uncompressed.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_image_with_uncompressed_layers_is_served_with_its_media_type() {
    DataSets.requireStored(put, "manifests.data.image-uncompressed.push");
    DataSets.assertServedAs(registry, repo, manifest.digest().toString(), MediaTypes.OCI_MANIFEST);
    DataSets.assertServedAs(registry, repo, TAG, MediaTypes.OCI_MANIFEST);
  }
}
