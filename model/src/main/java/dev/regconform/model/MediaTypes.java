package dev.regconform.model;

import java.util.Set;

/** Media types of the OCI image spec and of Docker Image Manifest V2, Schema 2. */
public final class MediaTypes {
  /** An OCI image manifest (image-spec 1.0+). */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** An OCI image index: a list of manifests, usually one per platform. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** An OCI image config blob. */
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  /** An OCI layer: a gzip'd tar. */
  public static final String OCI_LAYER_TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  /** An OCI layer: an uncompressed tar. */
  public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
  /** An OCI non-distributable layer, uncompressed (deprecated in image-spec 1.1). */
  public static final String OCI_LAYER_NONDISTRIBUTABLE_TAR = "application/vnd.oci.image.layer.nondistributable.v1.tar";
  /** An OCI non-distributable layer, gzip'd (deprecated in image-spec 1.1). */
  public static final String OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
  /** An OCI non-distributable layer, zstd-compressed (deprecated in image-spec 1.1). */
  public static final String OCI_LAYER_NONDISTRIBUTABLE_TAR_ZSTD = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
  /** The empty descriptor's type: the two-byte {@code {}} blob artifacts use as config (image-spec 1.1). */
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";

  /** A Docker Image Manifest V2, Schema 2: what {@code docker push} sends. */
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  /** A Docker manifest list: Docker's multi-platform manifest. */
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  /** A Docker image config blob. */
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  /** A Docker layer: a gzip'd tar. */
  public static final String DOCKER_LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  /** A Docker foreign layer, fetched from the descriptor's {@code urls} (Windows base layers). */
  public static final String DOCKER_FOREIGN_LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  /** Arbitrary bytes: the {@code Content-Type} of a blob upload. */
  public static final String OCTET_STREAM = "application/octet-stream";
  /** Plain JSON: the {@code Content-Type} of a registry's error bodies and of the catalog and tag list. */
  public static final String JSON = "application/json";

  /** Media types of single-image manifests. */
  public static final Set<String> IMAGE_MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
  /** Media types of manifests that list other manifests. */
  public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
  /**
   * Layer media types whose blobs clients do not upload (Docker foreign layers, OCI non-distributable layers, deprecated
   * since image-spec 1.1): registries are not expected to hold them, and clients fetch them from the descriptor's
   * {@code urls}.
   */
  public static final Set<String> NON_DISTRIBUTABLE_LAYERS = Set.of(DOCKER_FOREIGN_LAYER_TAR_GZIP,
      OCI_LAYER_NONDISTRIBUTABLE_TAR, OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP, OCI_LAYER_NONDISTRIBUTABLE_TAR_ZSTD);

  private MediaTypes() {}

  /**
   * Whether a layer of {@code mediaType} is one clients never upload, so a registry need not hold its blob.
   *
   * @param mediaType a layer descriptor's media type
   * @return true for the types of {@link #NON_DISTRIBUTABLE_LAYERS}
   */
  public static boolean isNonDistributableLayer(String mediaType) {
    return NON_DISTRIBUTABLE_LAYERS.contains(mediaType);
  }
}
