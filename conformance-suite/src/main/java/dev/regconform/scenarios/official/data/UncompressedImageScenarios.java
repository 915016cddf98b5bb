package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code image-uncompressed} data set: an OCI image whose two layers are plain tars
 * ({@code application/vnd.oci.image.layer.v1.tar}, no gzip). The manifest and the layers must come back byte for
 * byte.
 */
@DataSetName("image-uncompressed")
@DisplayName("Data set: image with uncompressed layers")
public class UncompressedImageScenarios extends DataSetLifecycle {
  private final List<byte[]> layers = new ArrayList<>();

  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      byte[] layer = DataSets.tar("regconform/layer-" + i + ".txt", DataSets.unique("uncompressed layer " + i));
      layers.add(layer);
      layerDescriptors.add(DataSets.pushBlob(scenario, repo, MediaTypes.OCI_LAYER_TAR, layer));
    }
    // Uncompressed: each layer's diff_id is the digest of the layer blob itself.
    byte[] config = DataSets.imageConfig(layerDescriptors.stream().map(Descriptor::digest).toList());
    Descriptor configDescriptor = DataSets.pushBlob(scenario, repo, MediaTypes.OCI_CONFIG, config);
    ImageManifest manifest = ImageManifest.of(MediaTypes.OCI_MANIFEST, configDescriptor, layerDescriptors);
    return List.of(DataSetManifest.of("the image with uncompressed layers", manifest, "image-uncompressed"));
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
}
