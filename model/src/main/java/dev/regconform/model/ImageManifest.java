package dev.regconform.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OCI image manifest or a Docker Image Manifest V2, Schema 2: a config and an ordered list of layers.
 *
 * <pre>{@code
 * ImageManifest m = ImageManifest.of(MediaTypes.OCI_MANIFEST, configDescriptor, List.of(layerDescriptor));
 * byte[] body = m.raw();          // what to PUT
 * Digest d = m.digest();          // sha256 of exactly those bytes
 * ImageManifest back = ImageManifest.parse(bytesFromRegistry);
 * }</pre>
 *
 * @param schemaVersion 2
 * @param mediaType the document's {@code mediaType} field ({@code null} if absent, which OCI allows)
 * @param artifactType or {@code null}
 * @param config the config blob
 * @param layers the layers, in order
 * @param subject the manifest this one refers to, or {@code null}
 * @param annotations or {@code null}
 * @param raw the exact bytes (accessor returns a copy)
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">image-spec: manifest</a>
 */
public record ImageManifest(
    int schemaVersion, String mediaType, String artifactType, Descriptor config, List<Descriptor> layers,
    Descriptor subject, Map<String, String> annotations, byte[] raw) implements Manifest {

  /**
   * Copies the lists, maps and bytes, so the record cannot change after it is made. The fields are taken as given:
   * they are not checked against {@code raw}; use {@link #of} or {@link #parse} to get the two in step.
   *
   * @param schemaVersion taken as given (2 for a valid manifest)
   * @param mediaType or {@code null}
   * @param artifactType or {@code null}
   * @param config required
   * @param layers required, copied
   * @param subject or {@code null}
   * @param annotations copied, or {@code null}
   * @param raw required, copied
   * @throws NullPointerException when {@code config}, {@code layers} or {@code raw} is null
   */
  public ImageManifest {
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
    annotations = annotations == null ? null : Map.copyOf(annotations);
    raw = Objects.requireNonNull(raw, "raw").clone();
  }

  /**
   * Serialises a new manifest with fields in the conventional order; its {@link #raw()} is then fixed, and so is its
   * digest.
   *
   * @param mediaType {@link MediaTypes#OCI_MANIFEST} or {@link MediaTypes#DOCKER_MANIFEST}; {@code null} omits the
   *     field (allowed by OCI, not by Docker)
   * @param config the descriptor of the config blob
   * @param layers the layer descriptors, base layer first
   * @return the manifest
   */
  public static ImageManifest of(String mediaType, Descriptor config, List<Descriptor> layers) {
    return of(mediaType, null, config, layers, null, null);
  }

  /**
   * Serialises a new manifest with every optional field of image-spec 1.1; {@code null} fields are left out of the
   * JSON.
   *
   * @param mediaType {@link MediaTypes#OCI_MANIFEST} or {@link MediaTypes#DOCKER_MANIFEST}, or {@code null}
   * @param artifactType the type of an artifact (not an image) this manifest describes, or {@code null}
   * @param config the descriptor of the config blob ({@link MediaTypes#OCI_EMPTY} for most artifacts)
   * @param layers the layer descriptors, base layer first
   * @param subject the manifest this one refers to (the referrers API), or {@code null}
   * @param annotations written sorted by key, or {@code null}
   * @return the manifest
   */
  public static ImageManifest of(String mediaType, String artifactType, Descriptor config, List<Descriptor> layers,
      Descriptor subject, Map<String, String> annotations) {
    byte[] raw = ManifestJson.write(new Json(2, mediaType, artifactType, config, layers, subject, annotations));
    return new ImageManifest(2, mediaType, artifactType, config, layers, subject, annotations, raw);
  }

  /**
   * Parses manifest bytes, keeping them, so {@link #digest()} is the digest of exactly what was read.
   *
   * @param raw the JSON document, e.g. a manifest GET's body
   * @return the manifest
   * @throws ManifestFormatException when required fields are missing or malformed
   */
  public static ImageManifest parse(byte[] raw) {
    Json json = ManifestJson.read(raw, Json.class);
    if (json.config == null) {
      throw new ManifestFormatException("Image manifest has no config descriptor");
    }
    if (json.layers == null) {
      throw new ManifestFormatException("Image manifest has no layers array");
    }
    return new ImageManifest(json.schemaVersion, json.mediaType, json.artifactType, json.config, json.layers,
        json.subject, json.annotations, raw);
  }

  /**
   * Every blob this manifest references: what must be in the repository before the manifest is pushed.
   *
   * @return the config, then the layers in order
   */
  public List<Descriptor> blobs() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(config), layers.stream()).toList();
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
   * Two manifests are equal when their {@link #raw()} bytes are: the same values serialised differently have
   * different digests, so they are different manifests to a registry.
   *
   * @param o any object
   * @return whether {@code o} is {@code ImageManifest} with the same bytes
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ImageManifest other && Arrays.equals(raw, other.raw);
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
   * @return the media type, digest and number of layers
   */
  @Override
  public String toString() {
    return "ImageManifest[" + mediaType + ", " + digest() + ", " + layers.size() + " layers]";
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"schemaVersion", "mediaType", "artifactType", "config", "layers", "subject", "annotations"})
  record Json(
      @JsonProperty("schemaVersion") int schemaVersion,
      @JsonProperty("mediaType") String mediaType,
      @JsonProperty("artifactType") String artifactType,
      @JsonProperty("config") Descriptor config,
      @JsonProperty("layers") List<Descriptor> layers,
      @JsonProperty("subject") Descriptor subject,
      @JsonProperty("annotations") Map<String, String> annotations) {}
}
