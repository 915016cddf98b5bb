package dev.regconform.scenarios.negotiation;

import dev.regconform.model.MediaTypes;
import java.util.List;

/** The Accept headers the negotiation checks send, and whether each makes a stored media type acceptable. */
enum AcceptVariant {
  /** Only the OCI manifest and index types, as an OCI-only client (oras, containerd with OCI only) sends. */
  OCI(List.of(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX)),
  /** Only Docker schema 2 and the manifest list, as an older docker sends. */
  DOCKER(List.of(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST)),
  /** All four, as docker, skopeo and crane send. */
  BOTH(List.of(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST,
      MediaTypes.DOCKER_MANIFEST_LIST)),
  /** {@code *}{@code /*}: any media type (RFC 9110, section 12.5.1). */
  ANY(List.of("*/*")),
  /** No Accept header at all, which RFC 9110 reads as any media type; the spec says clients SHOULD send one. */
  NONE(List.of());

  /** How acceptable a stored media type is under a variant. */
  enum Acceptance {
    /** The type is listed: the registry must answer the manifest. */
    LISTED,
    /** Only a wildcard or no Accept at all admits it: the spec does not say what a registry does then. */
    BY_WILDCARD,
    /** Not acceptable: the stored manifest unchanged, 404 MANIFEST_UNKNOWN or 406 are all fine. */
    NOT_ACCEPTABLE
  }

  private final List<String> types;

  AcceptVariant(List<String> types) {
    this.types = types;
  }

  /** The media types to send; empty for no Accept header. */
  List<String> types() {
    return types;
  }

  Acceptance acceptance(String storedType) {
    if (this == ANY || this == NONE) {
      return Acceptance.BY_WILDCARD;
    }
    return types.contains(storedType) ? Acceptance.LISTED : Acceptance.NOT_ACCEPTABLE;
  }

  /** The header as sent, for messages. */
  String header() {
    return types.isEmpty() ? "(no Accept header)" : "Accept: " + String.join(", ", types);
  }
}
