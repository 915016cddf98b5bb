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

  /**
   * Copies the lists, maps and bytes, so the record cannot change after it is made. The fields are taken as given:
   * they are not checked against {@code raw}; use {@link #of} or {@link #parse} to get the two in step.
   *
   * @param schemaVersion taken as given (2 for a valid index)
   * @param mediaType or {@code null}
   * @param artifactType or {@code null}
   * @param manifests required, copied
   * @param subject or {@code null}
   * @param annotations copied, or {@code null}
   * @param raw required, copied
   * @throws NullPointerException when {@code manifests} or {@code raw} is null
   */
  public ImageIndex {
    manifests = List.copyOf(Objects.requireNonNull(manifests, "manifests"));
    annotations = annotations == null ? null : Map.copyOf(annotations);
    raw = Objects.requireNonNull(raw, "raw").clone();
  }

  /**
   * Serialises a new index with fields in the conventional order; its {@link #raw()} is then fixed, and so is its
   * digest.
   *
   * @param mediaType {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}; {@code null} omits the
   *     field (allowed by OCI, not by Docker)
   * @param manifests the entries, usually each with a {@link Descriptor#withPlatform platform}
   * @return the index
   */
  public static ImageIndex of(String mediaType, List<Descriptor> manifests) {
    return of(mediaType, null, manifests, null, null);
  }

  /**
   * Serialises a new index with every optional field of image-spec 1.1; {@code null} fields are left out of the JSON.
   *
   * @param mediaType {@link MediaTypes#OCI_INDEX} or {@link MediaTypes#DOCKER_MANIFEST_LIST}, or {@code null}
   * @param artifactType the type of artifact the index describes, or {@code null}
   * @param manifests the entries
   * @param subject the manifest this index refers to (the referrers API), or {@code null}
   * @param annotations written sorted by key, or {@code null}
   * @return the index
   */
  public static ImageIndex of(String mediaType, String artifactType, List<Descriptor> manifests, Descriptor subject,
      Map<String, String> annotations) {
    byte[] raw = ManifestJson.write(new Json(2, mediaType, artifactType, manifests, subject, annotations));
    return new ImageIndex(2, mediaType, artifactType, manifests, subject, annotations, raw);
  }

  /**
   * Parses index bytes, keeping them, so {@link #digest()} is the digest of exactly what was read.
   *
   * @param raw the JSON document, e.g. a manifest GET's body
   * @return the index
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

  /**
   * A copy of the exact bytes: what to PUT, and what {@link #digest()} is computed over.
   *
   * @return a new array each call
   */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /**
   * Two indexs are equal when their {@link #raw()} bytes are: the same values serialised differently have
   * different digests, so they are different indexs to a registry.
   *
   * @param o any object
   * @return whether {@code o} is {@code ImageIndex} with the same bytes
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ImageIndex other && Arrays.equals(raw, other.raw);
  }

  /**
   * A hash of the {@link #raw()} bytes, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  /**
   * A short description for logs and assertion messages, without the JSON.
   *
   * @return the media type, digest and number of manifests
   */
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
