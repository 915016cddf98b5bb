package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * OCI image manifests in the shapes the image spec allows and plain pushers never send: without the optional
 * {@code mediaType} field, with properties the registry does not know, with a descriptor's {@code data} field,
 * near the 4 MB a registry should accept and over it; and bodies that are no manifest at all. A registry stores
 * what it accepts byte for byte (R40): the digest is taken over those bytes.
 */
@Tag("manifests")
@DisplayName("OCI manifest content")
public class OciManifestContentScenarios extends ScenarioSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** ≈3.9 MiB: under the 4 MiB limit of Distribution, above what any image needs; the official suite's size. */
  private static final int NEAR_LIMIT_BYTES = 4_089_000;
  /** 5 MiB: over the 4 MB the spec asks registries to support, over Distribution's 4 MiB limit. */
  private static final int OVER_LIMIT_BYTES = 5 * 1024 * 1024;
  private static final int FOUR_MIB = 4 * 1024 * 1024;

  private TestImage image;

  /** One OCI image's blobs, which every manifest of these checks references. */
  @BeforeAll
  void pushBlobs(Scenario scenario) {
    this.image = scenario.newImage(1024);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
  }

  @Test
  @CheckId(value = "manifests.oci.without-media-type", level = Level.SHOULD)
  @Covers({"R79", "R47", "R40"})
  void an_OCI_manifest_without_the_mediaType_field_is_accepted_and_pulls_back_as_sent() {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("config", descriptor(image.manifest().config()));
    manifest.put("layers", List.of(descriptor(image.manifest().layers().get(0))));

    assertStoredExactly("no-media-type", json(manifest));
  }

  @Test
  @CheckId("manifests.oci.unknown-fields-round-trip")
  @Covers({"R79", "R40"})
  void an_OCI_manifest_with_unknown_properties_is_stored_byte_for_byte() {
    Map<String, Object> config = descriptor(image.manifest().config());
    config.put("newUnspecifiedField", "regconform: descriptors may carry properties a registry does not know");
    Map<String, Object> manifest = base();
    manifest.put("config", config);
    manifest.put("layers", List.of(descriptor(image.manifest().layers().get(0))));
    manifest.put("dev.regconform.unknown", Map.of("nested", List.of(1, 2, 3), "flag", true));

    assertStoredExactly("unknown-fields", json(manifest));
  }

  @Test
  @CheckId("manifests.oci.descriptor-data-round-trip")
  @Covers({"R79", "R40"})
  void an_OCI_manifest_whose_config_descriptor_embeds_data_is_stored_byte_for_byte() {
    Map<String, Object> config = descriptor(image.manifest().config());
    config.put("data", Base64.getEncoder().encodeToString(image.config().readAllBytes()));
    Map<String, Object> manifest = base();
    manifest.put("config", config);
    manifest.put("layers", List.of(descriptor(image.manifest().layers().get(0))));

    assertStoredExactly("embedded-data", json(manifest));
  }

  @Test
  @CheckId(value = "manifests.oci.near-4mib-accepted", level = Level.SHOULD)
  @Covers({"R45", "R40"})
  void a_manifest_of_about_3_9_MiB_is_accepted_and_pulls_back_as_sent() {
    byte[] body = withFillerAnnotations(NEAR_LIMIT_BYTES);
    assertThat(body.length).as("size of the manifest sent").isLessThan(FOUR_MIB);

    assertStoredExactly("near-limit", body);
  }

  @Test
  @CheckId(value = "manifests.oci.oversized-413", level = Level.SHOULD)
  @Covers({"R45"})
  void a_manifest_over_the_registry_limit_is_answered_413() {
    byte[] body = withFillerAnnotations(OVER_LIMIT_BYTES);
    Digest digest = Digest.sha256(body);

    RegistryResponse put = registry.putManifest(repo, "over-limit", MediaTypes.OCI_MANIFEST, body);
    if (ManagementRequests.isSuccess(put.status())) {
      // A registry whose limit is above 5 MiB has nothing to refuse here; it must then keep what it accepted.
      scenario.cleanup().recordManifest(repo, digest);
      assertThat(put).hasStatus(201);
      assertThat(registry.getManifest(repo, digest.toString(), ANY_MANIFEST)).hasStatus(200).hasBody(body);
      return;
    }
    assertThat(put).hasStatusIn("a manifest over the limit: 413 Payload Too Large", 413);
    ErrorBodies.assertConforms(put);
  }

  @Test
  @CheckId("manifests.push.not-json-rejected")
  @Covers({"R72"})
  void a_manifest_PUT_whose_body_is_not_JSON_is_rejected_as_the_client_s_error() {
    byte[] garbage = "regconform: this is not a manifest {".getBytes(StandardCharsets.UTF_8);

    RegistryResponse put = registry.putManifest(repo, "not-json", MediaTypes.OCI_MANIFEST, garbage);
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, Digest.sha256(garbage));
    }
    assertThat(put.status()).as("status of%n  %s%n(a client error, 4xx: the body is no manifest)", put.describe())
        .isBetween(400, 499);
    ErrorBodies.assertConforms(put);
  }

  @Test
  @CheckId(value = "manifests.push.not-json-manifest-invalid", level = Level.SHOULD)
  @Covers({"R72"})
  void a_manifest_PUT_whose_body_is_not_JSON_answers_400_MANIFEST_INVALID() {
    byte[] garbage = "regconform: this is not a manifest either [".getBytes(StandardCharsets.UTF_8);

    RegistryResponse put = registry.putManifest(repo, "not-json-2", MediaTypes.OCI_MANIFEST, garbage);
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, Digest.sha256(garbage));
    }
    assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.MANIFEST_INVALID);
  }

  /** PUT by tag → 201 with the digest of the bytes; GET by digest → exactly those bytes, as an OCI manifest. */
  private void assertStoredExactly(String tag, byte[] body) {
    Digest digest = Digest.sha256(body);
    RegistryResponse put = registry.putManifest(repo, tag, MediaTypes.OCI_MANIFEST, body);
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, digest);
    }
    assertThat(put).hasStatus(201).hasContentDigest(digest);
    assertThat(registry.getManifest(repo, digest.toString(), ANY_MANIFEST))
        .hasStatus(200).hasBody(body).hasContentType(MediaTypes.OCI_MANIFEST).hasContentDigest(digest);
    assertThat(registry.getManifest(repo, tag, ANY_MANIFEST)).hasStatus(200).hasBody(body);
  }

  /** An OCI manifest of the image whose annotations fill it up to about {@code size} bytes. */
  private byte[] withFillerAnnotations(int size) {
    Map<String, Object> manifest = base();
    manifest.put("config", descriptor(image.manifest().config()));
    manifest.put("layers", List.of(descriptor(image.manifest().layers().get(0))));
    Map<String, String> annotations = new LinkedHashMap<>();
    manifest.put("annotations", annotations);
    String value = "x".repeat(1000);
    int entry = "\"dev.regconform.filler.000000\":\"\",".length() + value.length();
    int entries = (size - json(manifest).length) / entry;
    for (int i = 0; i < entries; i++) {
      annotations.put(String.format("dev.regconform.filler.%06d", i), value);
    }
    return json(manifest);
  }

  private static Map<String, Object> base() {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    return manifest;
  }

  private static Map<String, Object> descriptor(Descriptor d) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mediaType", d.mediaType());
    map.put("digest", d.digest().toString());
    map.put("size", d.size());
    return map;
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a test manifest", e);
    }
  }
}
