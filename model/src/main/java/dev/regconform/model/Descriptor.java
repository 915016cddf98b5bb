package dev.regconform.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A content descriptor: what a manifest says about a blob or another manifest.
 *
 * @param mediaType the media type of the referenced content
 * @param digest the digest of its exact bytes
 * @param size its size in bytes
 * @param urls where clients may fetch it instead of the registry (foreign layers), or {@code null}
 * @param annotations or {@code null}
 * @param platform for index entries, or {@code null}
 * @param artifactType or {@code null}
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">image-spec: descriptor</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Descriptor(
    @JsonProperty("mediaType") String mediaType,
    @JsonProperty("digest") Digest digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") List<String> urls,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("platform") Platform platform,
    @JsonProperty("artifactType") String artifactType) {

  /**
   * Checks the required fields and copies the lists and maps, so a descriptor cannot change after it is made.
   *
   * @param mediaType required
   * @param digest required
   * @param size zero or more
   * @param urls copied, or {@code null}
   * @param annotations copied, or {@code null}
   * @param platform or {@code null}
   * @param artifactType or {@code null}
   * @throws NullPointerException when {@code mediaType} or {@code digest} is null
   * @throws IllegalArgumentException when {@code size} is negative
   */
  public Descriptor {
    Objects.requireNonNull(mediaType, "Descriptor mediaType is required");
    Objects.requireNonNull(digest, "Descriptor digest is required");
    if (size < 0) {
      throw new IllegalArgumentException("Descriptor size must not be negative: " + size);
    }
    urls = urls == null ? null : List.copyOf(urls);
    annotations = annotations == null ? null : Map.copyOf(annotations);
  }

  /**
   * A plain descriptor with only media type, digest and size: what a manifest's {@code config} and {@code layers}
   * usually hold.
   *
   * @param mediaType the media type of the referenced content, e.g. {@link MediaTypes#OCI_LAYER_TAR_GZIP}
   * @param digest the digest of its exact bytes
   * @param size its length in bytes; a registry rejects a manifest whose sizes do not match the blobs
   * @return the descriptor, without urls, annotations, platform or artifact type
   */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null, null);
  }

  /**
   * The descriptor of {@code bytes}, with their sha256 digest and length.
   *
   * @param mediaType the media type the bytes are pushed as
   * @param bytes the exact content (a blob, or a manifest's {@link Manifest#raw() raw} bytes)
   * @return a plain descriptor, as {@link #of(String, Digest, long)}
   */
  public static Descriptor of(String mediaType, byte[] bytes) {
    return of(mediaType, Digest.sha256(bytes), bytes.length);
  }

  /**
   * This descriptor with a platform, for an entry of an image index or manifest list.
   *
   * @param newPlatform the platform of the referenced manifest, or {@code null} to drop it
   * @return a new descriptor; this one is unchanged
   */
  public Descriptor withPlatform(Platform newPlatform) {
    return new Descriptor(mediaType, digest, size, urls, annotations, newPlatform, artifactType);
  }

  /**
   * This descriptor with {@code urls}: where clients fetch a foreign or non-distributable layer instead of the
   * registry (see {@link MediaTypes#NON_DISTRIBUTABLE_LAYERS}).
   *
   * @param newUrls the locations, or {@code null} to drop them
   * @return a new descriptor; this one is unchanged
   */
  public Descriptor withUrls(List<String> newUrls) {
    return new Descriptor(mediaType, digest, size, newUrls, annotations, platform, artifactType);
  }
}
