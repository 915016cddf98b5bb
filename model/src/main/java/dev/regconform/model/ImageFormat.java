package dev.regconform.model;

/** The two single-image manifest formats a registry such as ghcr.io stores, with their companion media types. */
public enum ImageFormat {
  /** OCI image manifest v1. */
  OCI("oci", MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX, MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER_TAR_GZIP,
      MediaTypes.OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP),
  /** Docker Image Manifest V2, Schema 2 (what {@code docker push} sends). */
  DOCKER_V2S2("docker-v2s2", MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_CONFIG,
      MediaTypes.DOCKER_LAYER_TAR_GZIP, MediaTypes.DOCKER_FOREIGN_LAYER_TAR_GZIP);

  private final String label;
  private final String manifestMediaType;
  private final String indexMediaType;
  private final String configMediaType;
  private final String layerMediaType;
  private final String foreignLayerMediaType;

  ImageFormat(String label, String manifestMediaType, String indexMediaType, String configMediaType,
      String layerMediaType, String foreignLayerMediaType) {
    this.label = label;
    this.manifestMediaType = manifestMediaType;
    this.indexMediaType = indexMediaType;
    this.configMediaType = configMediaType;
    this.layerMediaType = layerMediaType;
    this.foreignLayerMediaType = foreignLayerMediaType;
  }

  /** Short stable name used in check ids, e.g. {@code oci}, {@code docker-v2s2}. */
  public String label() {
    return label;
  }

  public String manifestMediaType() {
    return manifestMediaType;
  }

  public String indexMediaType() {
    return indexMediaType;
  }

  public String configMediaType() {
    return configMediaType;
  }

  public String layerMediaType() {
    return layerMediaType;
  }

  /**
   * The gzip'd layer clients do not upload: Docker's foreign layer ({@code …rootfs.foreign.diff.tar.gzip}), OCI's
   * non-distributable layer ({@code …layer.nondistributable.v1.tar+gzip}).
   */
  public String foreignLayerMediaType() {
    return foreignLayerMediaType;
  }

  @Override
  public String toString() {
    return label;
  }
}
