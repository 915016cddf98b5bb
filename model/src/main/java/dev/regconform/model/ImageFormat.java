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

  /**
   * Short stable name used in check ids and on the command line.
   *
   * @return {@code oci} or {@code docker-v2s2}
   */
  public String label() {
    return label;
  }

  /**
   * The media type of a single-image manifest of this format, as sent in {@code Content-Type} on a manifest PUT.
   *
   * @return {@link MediaTypes#OCI_MANIFEST} or {@link MediaTypes#DOCKER_MANIFEST}
   */
  public String manifestMediaType() {
    return manifestMediaType;
  }

  /**
   * The media type of a multi-platform manifest of this format.
   *
   * @return {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}
   */
  public String indexMediaType() {
    return indexMediaType;
  }

  /**
   * The media type of the image config blob a manifest of this format references.
   *
   * @return {@link MediaTypes#OCI_CONFIG} or {@link MediaTypes#DOCKER_CONFIG}
   */
  public String configMediaType() {
    return configMediaType;
  }

  /**
   * The media type of an ordinary gzip'd tar layer of this format.
   *
   * @return {@link MediaTypes#OCI_LAYER_TAR_GZIP} or {@link MediaTypes#DOCKER_LAYER_TAR_GZIP}
   */
  public String layerMediaType() {
    return layerMediaType;
  }

  /**
   * The gzip'd layer clients do not upload: Docker's foreign layer ({@code …rootfs.foreign.diff.tar.gzip}), OCI's
   * non-distributable layer ({@code …layer.nondistributable.v1.tar+gzip}).
   *
   * @return the media type, one of {@link MediaTypes#NON_DISTRIBUTABLE_LAYERS}
   */
  public String foreignLayerMediaType() {
    return foreignLayerMediaType;
  }

  /**
   * The {@link #label()}, so a format prints as it appears in check ids.
   *
   * @return the label
   */
  @Override
  public String toString() {
    return label;
  }
}
