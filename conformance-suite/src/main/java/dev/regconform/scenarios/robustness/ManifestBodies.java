package dev.regconform.scenarios.robustness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Manifest bodies for the bad-input corpus, made from a manifest that was pushed and stored: parsed, marked with the
 * case's name (an annotation, so every case's body and digest are its own), then broken by the case.
 *
 * <pre>{@code
 * ObjectNode m = ManifestBodies.marked(image.manifest().raw(), "schema-version-3");
 * m.put("schemaVersion", 3);
 * byte[] body = ManifestBodies.bytes(m);
 * }</pre>
 */
public final class ManifestBodies {
  /** The annotation every body carries, its value the case's name. */
  public static final String CASE_ANNOTATION = "dev.regconform.bad-input-case";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestBodies() {}

  /** {@code raw} parsed, with {@value #CASE_ANNOTATION} set to {@code caseName} among its annotations. */
  public static ObjectNode marked(byte[] raw, String caseName) {
    try {
      ObjectNode manifest = (ObjectNode) JSON.readTree(raw);
      ObjectNode annotations = manifest.has("annotations") ? (ObjectNode) manifest.get("annotations")
          : manifest.putObject("annotations");
      annotations.put(CASE_ANNOTATION, caseName);
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("A pushed manifest that is not a JSON object", e);
    }
  }

  /** The JSON bytes of {@code manifest}, UTF-8. */
  public static byte[] bytes(ObjectNode manifest) {
    try {
      return JSON.writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + manifest, e);
    }
  }

  /** {@code raw} marked with {@code caseName}, as bytes: a valid manifest of its own. */
  public static byte[] markedBytes(byte[] raw, String caseName) {
    return bytes(marked(raw, caseName));
  }
}
