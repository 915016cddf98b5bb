package dev.regconform.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A manifest as stored in a registry: its parsed form and the exact bytes it was read from.
 *
 * <p>The digest of a manifest is always taken over {@link #raw()}, never over re-serialised JSON: two
 * JSON documents that parse to the same values can have different digests.
 */
public sealed interface Manifest permits ImageManifest, ImageIndex {

  /**
   * The document's {@code schemaVersion} field.
   *
   * @return 2 for every manifest this toolkit handles
   */
  int schemaVersion();

  /**
   * The {@code mediaType} field of the document; see {@link #descriptor()} for the type to use when it is absent.
   *
   * @return the field, or {@code null} when the document has none
   */
  String mediaType();

  /**
   * The exact bytes this manifest was parsed from or serialised to: the body to PUT, and what the digest covers.
   *
   * @return a copy; changing it changes nothing
   */
  byte[] raw();

  /**
   * The sha256 digest of {@link #raw()}: the manifest's identity in a registry.
   *
   * @return the digest a registry returns in {@code Docker-Content-Digest} for these bytes
   */
  default Digest digest() {
    return Digest.sha256(raw());
  }

  /**
   * The digest of {@link #raw()} with {@code algorithm}, for a push by a sha512 reference.
   *
   * @param algorithm the hash to use
   * @return the digest
   */
  default Digest digest(DigestAlgorithm algorithm) {
    return Digest.of(algorithm, raw());
  }

  /**
   * A descriptor of this manifest, for an index or a {@code subject} field. A document without a
   * {@code mediaType} field is an OCI one (Docker always sets it), so it is described as an OCI manifest or index.
   *
   * @return a plain descriptor (media type, sha256 digest, size)
   */
  default Descriptor descriptor() {
    String type = mediaType() != null ? mediaType()
        : this instanceof ImageIndex ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    byte[] raw = raw();
    return Descriptor.of(type, Digest.sha256(raw), raw.length);
  }

  /**
   * Parses manifest bytes, choosing the type from the {@code mediaType} field, or from the shape of the
   * document ({@code manifests} vs {@code layers}) when the field is absent, as OCI allows.
   *
   * @param raw the JSON document, e.g. a manifest GET's body
   * @return an {@link ImageManifest} or an {@link ImageIndex}, keeping {@code raw}
   * @throws ManifestFormatException when the bytes are not a manifest this toolkit knows, saying why
   */
  static Manifest parse(byte[] raw) {
    JsonNode tree;
    try {
      tree = ManifestJson.MAPPER.readTree(raw);
    } catch (IOException e) {
      throw new ManifestFormatException("Manifest is not valid JSON: " + ManifestJson.describe(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ManifestFormatException("Manifest is not a JSON object");
    }
    String mediaType = tree.path("mediaType").isTextual() ? tree.get("mediaType").asText() : null;
    boolean index = mediaType != null ? MediaTypes.INDEXES.contains(mediaType) : tree.has("manifests");
    if (mediaType != null && !index && !MediaTypes.IMAGE_MANIFESTS.contains(mediaType)) {
      throw new ManifestFormatException("Unknown manifest mediaType '" + mediaType + "'; known: "
          + MediaTypes.IMAGE_MANIFESTS + " and " + MediaTypes.INDEXES);
    }
    return index ? ImageIndex.parse(raw) : ImageManifest.parse(raw);
  }
}
