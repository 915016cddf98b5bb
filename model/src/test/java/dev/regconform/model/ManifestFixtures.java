package dev.regconform.model;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;

/** Small descriptors and manifests shared by the manifest tests. */
final class ManifestFixtures {
  static final Descriptor OCI_CONFIG = Descriptor.of(MediaTypes.OCI_CONFIG, "{}".getBytes(UTF_8));
  static final Descriptor OCI_LAYER = Descriptor.of(MediaTypes.OCI_LAYER_TAR_GZIP, "layer-0".getBytes(UTF_8));
  static final Descriptor OCI_LAYER_2 = Descriptor.of(MediaTypes.OCI_LAYER_TAR_GZIP, "layer-1".getBytes(UTF_8));

  private ManifestFixtures() {}

  static ImageManifest ociManifest() {
    return ImageManifest.of(MediaTypes.OCI_MANIFEST, OCI_CONFIG, List.of(OCI_LAYER, OCI_LAYER_2));
  }

  static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  /** {@code text} with single quotes turned into double quotes, so JSON literals stay readable. */
  static byte[] json(String text) {
    return utf8(text.replace('\'', '"'));
  }
}
