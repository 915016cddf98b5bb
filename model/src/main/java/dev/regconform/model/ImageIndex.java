package dev.regconform.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OCI image index or a Docker manifest list: manifests, usually one per platform.
 *
 * <pre>{@code
 * ImageIndex list = ImageIndex.of(MediaTypes.DOCKER_MANIFEST_LIST, List.of(
 *     amd64.descriptor().withPlatform(Platform.of("linux", "amd64")),
 *     arm64.descriptor().withPlatform(Platform.of("linux", "arm64"))));
 * }</pre>
 *
 * @param schemaVersion 2
 * @param mediaType the document's {@code mediaType} field, or {@code null}
 * @param artifactType or {@code null}
 * @param manifests the entries
 * @param subject or {@code null}
 * @param annotations or {@code null}
 * @param raw the exact bytes (accessor returns a copy)
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">image-spec: image index</a>
 */
public record ImageIndex(
    int schemaVersion, String mediaType, String artifactType, List<Descriptor> manifests, Descriptor subject,
    Map<String, String> annotations, byte[] raw) implements Manifest {

  public ImageIndex {
    manifests = List.copyOf(Objects.requireNonNull(manifests, "manifests"));
    annotations = annotations == null ? null : Map.copyOf(annotations);
    raw = Objects.requireNonNull(raw, "raw").clone();
  }

  /** Serialises a new index with fields in the conventional order. */
  public static ImageIndex of(String mediaType, List<Descriptor> manifests) {
    return of(mediaType, null, manifests, null, null);
  }

  /** Serialises a new index with fields in the conventional order. */
  public static ImageIndex of(String mediaType, String artifactType, List<Descriptor> manifests, Descriptor subject,
      Map<String, String> annotations) {
    byte[] raw = ManifestJson.write(new Json(2, mediaType, artifactType, manifests, subject, annotations));
    return new ImageIndex(2, mediaType, artifactType, manifests, subject, annotations, raw);
  }

  /**
   * Parses index bytes, keeping them.
   *
   * @throws ManifestFormatException when the {@code manifests} array is missing or malformed
   */
  public static ImageIndex parse(byte[] raw) {
    Json json = ManifestJson.read(raw, Json.class);
    if (json.manifests == null) {
      throw new ManifestFormatException("Image index has no manifests array");
    }
    return new ImageIndex(json.schemaVersion, json.mediaType, json.artifactType, json.manifests, json.subject,
        json.annotations, raw);
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageIndex other && Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "ImageIndex[" + mediaType + ", " + digest() + ", " + manifests.size() + " manifests]";
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"schemaVersion", "mediaType", "artifactType", "manifests", "subject", "annotations"})
  record Json(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("artifactType") String artifactType,
      @JsonProperty("manifests") List<Descriptor> manifests,
      @JsonProperty("subject") Descriptor subject,
      @JsonProperty("annotations") Map<String, String> annotations) {}
}
