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

  public ImageManifest {
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
    annotations = annotations == null ? null : Map.copyOf(annotations);
    raw = Objects.requireNonNull(raw, "raw").clone();
  }

  /** Serialises a new manifest with fields in the conventional order. */
  public static ImageManifest of(String mediaType, Descriptor config, List<Descriptor> layers) {
    return of(mediaType, null, config, layers, null, null);
  }

  /** Serialises a new manifest with fields in the conventional order. */
  public static ImageManifest of(String mediaType, String artifactType, Descriptor config, List<Descriptor> layers,
      Descriptor subject, Map<String, String> annotations) {
    byte[] raw = ManifestJson.write(new Json(2, mediaType, artifactType, config, layers, subject, annotations));
    return new ImageManifest(2, mediaType, artifactType, config, layers, subject, annotations, raw);
  }

  /**
   * Parses manifest bytes, keeping them.
   *
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

  /** Every blob this manifest references: the config, then the layers. */
  public List<Descriptor> blobs() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(config), layers.stream()).toList();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageManifest other && Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

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
