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

  public Descriptor {
    Objects.requireNonNull(mediaType, "Descriptor mediaType is required");
    Objects.requireNonNull(digest, "Descriptor digest is required");
    if (size < 0) {
      throw new IllegalArgumentException("Descriptor size must not be negative: " + size);
    }
    urls = urls == null ? null : List.copyOf(urls);
    annotations = annotations == null ? null : Map.copyOf(annotations);
  }

  /** A plain descriptor with only media type, digest and size. */
  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null, null);
  }

  /** The descriptor of {@code bytes}, with their sha256 digest. */
  public static Descriptor of(String mediaType, byte[] bytes) {
    return of(mediaType, Digest.sha256(bytes), bytes.length);
  }

  public Descriptor withPlatform(Platform newPlatform) {
    return new Descriptor(mediaType, digest, size, urls, annotations, newPlatform, artifactType);
  }

  public Descriptor withUrls(List<String> newUrls) {
    return new Descriptor(mediaType, digest, size, newUrls, annotations, platform, artifactType);
  }
}
