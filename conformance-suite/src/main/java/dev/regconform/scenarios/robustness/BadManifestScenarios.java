package dev.regconform.scenarios.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, manifests: each check PUTs one manifest under a tag of its own, then verifies the answer
 * with {@link BadRequestAnswer} — a 4xx, neither the tag nor the manifest's digest visible, the {@link Sentinel}
 * pushed first unharmed — and, as a recommendation, the status and error code of the spec's error table. Every body
 * is the sentinel's own OCI manifest (its blobs are in the repository), marked with the case's name
 * ({@link ManifestBodies}) and broken in one place, so a refusal is about that place only.
 *
 * <p>Where the spec allows accepting the input, the case is "refused, or accepted and served back byte for byte"
 * ({@link BadRequestAnswer#orAcceptedAndServedBack}): accepting is then no failure, but the registry must not have
 * changed what it stored; the column "if accepted" says whether accepting is a warning (SHOULD refuse) or fine (MAY).
 * Left out, because the spec allows them: unknown fields and a missing {@code mediaType} in an OCI manifest
 * (image-spec: the field is optional; unknown fields must be ignored).
 *
 * <table>
 * <caption>The cases</caption>
 * <tr><th>Case ({@code robustness.bad-manifest.…})</th><th>Request</th><th>Expected answer</th>
 *     <th>If accepted</th><th>Why</th></tr>
 * <tr><td>malformed-json</td><td>PUT a truncated body</td><td>400 MANIFEST_INVALID</td><td>fail</td>
 *     <td>not JSON</td></tr>
 * <tr><td>not-an-object</td><td>PUT the manifest inside a JSON array</td><td>400 MANIFEST_INVALID</td><td>fail</td>
 *     <td>image-spec: a manifest is a JSON object</td></tr>
 * <tr><td>trailing-garbage</td><td>PUT the manifest followed by {@code }garbage}</td><td>400 MANIFEST_INVALID</td>
 *     <td>fail</td><td>not one JSON text (RFC 8259)</td></tr>
 * <tr><td>empty-body</td><td>PUT with an empty body</td><td>400 MANIFEST_INVALID</td><td>fail</td>
 *     <td>no manifest at all</td></tr>
 * <tr><td>invalid-utf8</td><td>PUT with bytes FF FE in an annotation value</td><td>400 MANIFEST_INVALID</td>
 *     <td>warning</td><td>RFC 8259: JSON exchanged between systems MUST be UTF-8; decoders that replace the bytes
 *     accept it, so accepting is tolerated if the bytes come back unchanged</td></tr>
 * <tr><td>media-type.differs-from-content-type</td><td>Content-Type OCI manifest, body {@code mediaType} Docker
 *     schema 2</td><td>400 MANIFEST_INVALID</td><td>fail</td><td>image-spec: the field, when present, MUST be the
 *     OCI manifest type</td></tr>
 * <tr><td>media-type.unknown</td><td>Content-Type and body {@code mediaType} {@code application/vnd.example.unknown+json}
 *     </td><td>400 MANIFEST_INVALID</td><td>fine</td><td>a registry may store manifest types it does not know</td></tr>
 * <tr><td>content-type.not-a-manifest-type</td><td>the OCI manifest with Content-Type {@code text/plain}</td>
 *     <td>400 MANIFEST_INVALID</td><td>warning</td><td>the Content-Type names no manifest type (R47), but the
 *     body states its own</td></tr>
 * <tr><td>schema-version.1, .3, .string, .missing</td><td>{@code schemaVersion} 1, 3, {@code "2"}, absent</td>
 *     <td>400 MANIFEST_INVALID</td><td>fail</td><td>image-spec: REQUIRED, MUST be 2</td></tr>
 * <tr><td>config.missing</td><td>no {@code config}</td><td>400 MANIFEST_INVALID or MANIFEST_BLOB_UNKNOWN</td>
 *     <td>fail</td><td>image-spec: config is REQUIRED</td></tr>
 * <tr><td>config.not-a-descriptor</td><td>{@code config} is the digest string</td><td>400 MANIFEST_INVALID</td>
 *     <td>fail</td><td>image-spec: config is a descriptor</td></tr>
 * <tr><td>layers.not-an-array</td><td>{@code layers} is an object</td><td>400 MANIFEST_INVALID</td><td>fail</td>
 *     <td>image-spec: layers is an array of descriptors</td></tr>
 * <tr><td>descriptor.size-off-by-one</td><td>a layer's size one more than the blob's</td>
 *     <td>400 MANIFEST_INVALID or MANIFEST_BLOB_UNKNOWN</td><td>warning</td><td>the descriptor does not describe
 *     the blob (image-spec: content of another length SHOULD NOT be trusted); the distribution-spec does not
 *     require the registry to compare sizes</td></tr>
 * <tr><td>descriptor.digest-of-other-content</td><td>a layer descriptor naming the config's digest, with the
 *     layer's size and type</td><td>400 MANIFEST_INVALID or MANIFEST_BLOB_UNKNOWN</td><td>warning</td><td>as
 *     above</td></tr>
 * <tr><td>descriptor.unknown-algorithm</td><td>a layer digest {@code sha999:…}</td><td>400 MANIFEST_BLOB_UNKNOWN,
 *     MANIFEST_INVALID or DIGEST_INVALID</td><td>fine</td><td>well-formed, names a blob the registry cannot hold:
 *     refusing is a MAY (R18)</td></tr>
 * <tr><td>descriptor.malformed-digest</td><td>a layer digest {@code sha256:xyz}</td><td>400 MANIFEST_INVALID,
 *     DIGEST_INVALID or MANIFEST_BLOB_UNKNOWN</td><td>fail</td><td>image-spec: a digest matches the digest
 *     grammar</td></tr>
 * <tr><td>blob-unknown.config, blob-unknown.layer</td><td>the config / the second layer never pushed</td>
 *     <td>400 MANIFEST_BLOB_UNKNOWN</td><td>fine</td><td>R18: a registry MAY refuse, with MANIFEST_BLOB_UNKNOWN</td></tr>
 * <tr><td>index.manifest-unknown</td><td>an OCI index naming a manifest never pushed</td>
 *     <td>400 MANIFEST_BLOB_UNKNOWN</td><td>fine</td><td>R18, as above</td></tr>
 * <tr><td>body-not-the-digest-in-the-url</td><td>the sentinel's manifest PUT under another digest</td>
 *     <td>400 DIGEST_INVALID</td><td>fail</td><td>a digest names exactly its content</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: manifests")
public class BadManifestScenarios extends ScenarioSupport {
  private Sentinel sentinel;

  @BeforeAll
  void pushSentinel() {
    sentinel = Sentinel.push(scenario, repo);
  }

  @Test
  @CheckId("robustness.bad-manifest.malformed-json")
  @Covers({"R87", "R72"})
  void a_manifest_that_is_not_json_is_refused_and_leaves_no_trace() {
    byte[] body = "{\"schemaVersion\": 2, \"config\": ".getBytes(UTF_8);
    RegistryResponse put = registry.putManifest(repo, "malformed", MediaTypes.OCI_MANIFEST, body);

    BadRequestAnswer.to(put, registry)
        .leavesNoTag(repo, "malformed").leavesNoManifest(repo, Digest.sha256(body)).leaves(sentinel)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.body-not-the-digest-in-the-url")
  @Covers({"R87", "R72"})
  void a_manifest_put_under_a_digest_that_is_not_its_own_is_refused_and_leaves_no_trace() {
    byte[] body = sentinel.image().manifest().raw();
    Digest other = Digest.sha256("not the manifest".getBytes(UTF_8));
    RegistryResponse put = registry.putManifest(repo, other.toString(), sentinel.image().manifest().mediaType(), body);

    BadRequestAnswer.to(put, registry)
        .leavesNoManifest(repo, other).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.not-an-object")
  @Covers({"R87", "R72"})
  void a_manifest_that_is_a_json_array_is_refused_and_leaves_no_trace() {
    byte[] body = concat("[".getBytes(UTF_8), marked("not-an-object"), "]".getBytes(UTF_8));
    refusal("not-an-object", MediaTypes.OCI_MANIFEST, body).shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.trailing-garbage")
  @Covers({"R87", "R72"})
  void a_manifest_followed_by_garbage_is_refused_and_leaves_no_trace() {
    byte[] body = concat(marked("trailing-garbage"), "}garbage".getBytes(UTF_8));
    refusal("trailing-garbage", MediaTypes.OCI_MANIFEST, body).shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.empty-body")
  @Covers({"R87", "R72"})
  void an_empty_manifest_is_refused_and_leaves_no_trace() {
    refusal("empty-body", MediaTypes.OCI_MANIFEST, new byte[0]).shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.invalid-utf8")
  @Covers({"R87", "R72"})
  void a_manifest_that_is_not_utf8_is_refused_or_stored_unchanged() {
    String placeholder = "INVALID-UTF8-HERE";
    ObjectNode m = manifest("invalid-utf8");
    ((ObjectNode) m.get("annotations")).put("dev.regconform.bytes", placeholder);
    String json = new String(ManifestBodies.bytes(m), UTF_8);
    int at = json.indexOf(placeholder);
    byte[] body = concat(json.substring(0, at).getBytes(UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE},
        json.substring(at + placeholder.length()).getBytes(UTF_8));
    refusalOrServedBack("invalid-utf8", MediaTypes.OCI_MANIFEST, body, Level.SHOULD)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.media-type.differs-from-content-type")
  @Covers({"R87", "R72", "R47"})
  void a_manifest_whose_media_type_differs_from_its_content_type_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("media-type-differs").put("mediaType", MediaTypes.DOCKER_MANIFEST);
    refusal("media-type-differs", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.media-type.unknown")
  @Covers({"R87", "R72", "R47"})
  void a_manifest_of_an_unknown_media_type_is_refused_or_stored_unchanged() {
    String unknown = "application/vnd.example.unknown+json";
    ObjectNode m = manifest("media-type-unknown").put("mediaType", unknown);
    refusalOrServedBack("media-type-unknown", unknown, ManifestBodies.bytes(m), Level.MAY)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.content-type.not-a-manifest-type")
  @Covers({"R87", "R72", "R47"})
  void a_manifest_sent_as_text_plain_is_refused_or_stored_unchanged() {
    refusalOrServedBack("content-type-text", "text/plain", marked("content-type-text"), Level.SHOULD)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.schema-version.1")
  @Covers({"R87", "R72"})
  void a_manifest_of_schema_version_1_is_refused_and_leaves_no_trace() {
    refusal("schema-version-1", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(manifest("sv1").put("schemaVersion", 1)))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.schema-version.3")
  @Covers({"R87", "R72"})
  void a_manifest_of_schema_version_3_is_refused_and_leaves_no_trace() {
    refusal("schema-version-3", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(manifest("sv3").put("schemaVersion", 3)))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.schema-version.string")
  @Covers({"R87", "R72"})
  void a_manifest_whose_schema_version_is_a_string_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("sv-string").put("schemaVersion", "2");
    refusal("schema-version-string", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.schema-version.missing")
  @Covers({"R87", "R72"})
  void a_manifest_without_schema_version_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("sv-missing");
    m.remove("schemaVersion");
    refusal("schema-version-missing", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.config.missing")
  @Covers({"R87", "R72"})
  void a_manifest_without_config_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("config-missing");
    m.remove("config");
    refusal("config-missing", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID, ErrorCode.MANIFEST_BLOB_UNKNOWN).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.config.not-a-descriptor")
  @Covers({"R87", "R72"})
  void a_manifest_whose_config_is_not_a_descriptor_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("config-string");
    m.put("config", sentinel.image().config().digest().toString());
    refusal("config-not-a-descriptor", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.layers.not-an-array")
  @Covers({"R87", "R72"})
  void a_manifest_whose_layers_are_not_an_array_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("layers-object");
    m.putObject("layers");
    refusal("layers-not-an-array", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.descriptor.size-off-by-one")
  @Covers({"R87", "R72"})
  void a_manifest_whose_layer_size_is_off_by_one_is_refused_or_stored_unchanged() {
    ObjectNode m = manifest("size-off-by-one");
    ObjectNode layer = layer(m, 0);
    layer.put("size", layer.get("size").asLong() + 1);
    refusalOrServedBack("size-off-by-one", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m), Level.SHOULD)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID, ErrorCode.MANIFEST_BLOB_UNKNOWN).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.descriptor.digest-of-other-content")
  @Covers({"R87", "R72"})
  void a_manifest_whose_layer_names_another_blob_is_refused_or_stored_unchanged() {
    ObjectNode m = manifest("digest-of-other-content");
    layer(m, 0).put("digest", sentinel.image().config().digest().toString());
    refusalOrServedBack("digest-of-other-content", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m), Level.SHOULD)
        .shouldBe(400, ErrorCode.MANIFEST_INVALID, ErrorCode.MANIFEST_BLOB_UNKNOWN).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.descriptor.unknown-algorithm")
  @Covers({"R87", "R72", "R18"})
  void a_manifest_whose_layer_digest_uses_an_unknown_algorithm_is_refused_or_stored_unchanged() {
    ObjectNode m = manifest("unknown-algorithm");
    ObjectNode layer = layer(m, 0);
    layer.put("digest", layer.get("digest").asText().replaceFirst("^[a-z0-9]+:", "sha999:"));
    refusalOrServedBack("unknown-algorithm", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m), Level.MAY)
        .shouldBe(400, ErrorCode.MANIFEST_BLOB_UNKNOWN, ErrorCode.MANIFEST_INVALID, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.descriptor.malformed-digest")
  @Covers({"R87", "R72"})
  void a_manifest_whose_layer_digest_is_malformed_is_refused_and_leaves_no_trace() {
    ObjectNode m = manifest("malformed-digest");
    layer(m, 0).put("digest", "sha256:xyz");
    refusal("malformed-digest", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m))
        .shouldBe(400, ErrorCode.MANIFEST_INVALID, ErrorCode.DIGEST_INVALID, ErrorCode.MANIFEST_BLOB_UNKNOWN)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.blob-unknown.config")
  @Covers({"R87", "R72", "R18"})
  void a_manifest_whose_config_was_never_pushed_is_refused_or_stored_unchanged() {
    ObjectNode m = manifest("config-unknown");
    byte[] never = "a config never pushed: config-unknown".getBytes(UTF_8);
    ((ObjectNode) m.get("config")).put("digest", Digest.sha256(never).toString()).put("size", never.length);
    refusalOrServedBack("config-unknown", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m), Level.MAY)
        .shouldBe(400, ErrorCode.MANIFEST_BLOB_UNKNOWN).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.blob-unknown.layer")
  @Covers({"R87", "R72", "R18"})
  void a_manifest_with_a_layer_never_pushed_is_refused_or_stored_unchanged() {
    ObjectNode m = manifest("layer-unknown");
    byte[] never = "a layer never pushed: layer-unknown".getBytes(UTF_8);
    layer(m, 1).put("digest", Digest.sha256(never).toString()).put("size", never.length);
    refusalOrServedBack("layer-unknown", MediaTypes.OCI_MANIFEST, ManifestBodies.bytes(m), Level.MAY)
        .shouldBe(400, ErrorCode.MANIFEST_BLOB_UNKNOWN).verify();
  }

  @Test
  @CheckId("robustness.bad-manifest.index.manifest-unknown")
  @Covers({"R87", "R72", "R18"})
  void an_index_naming_a_manifest_never_pushed_is_refused_or_stored_unchanged() {
    byte[] child = marked("index-child-never-pushed");
    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + Digest.sha256(child) + "\",\"size\":" + child.length
        + "}],\"annotations\":{\"" + ManifestBodies.CASE_ANNOTATION + "\":\"index-manifest-unknown\"}}";
    refusalOrServedBack("index-manifest-unknown", MediaTypes.OCI_INDEX, index.getBytes(UTF_8), Level.MAY)
        .shouldBe(400, ErrorCode.MANIFEST_BLOB_UNKNOWN).verify();
  }

  /** PUTs {@code body} under {@code tag}; a 2xx is recorded for cleanup. */
  private RegistryResponse put(String tag, String contentType, byte[] body) {
    RegistryResponse put = registry.putManifest(repo, tag, contentType, body);
    if (put.status() >= 200 && put.status() < 300) {
      scenario.cleanup().recordManifest(repo, Digest.sha256(body));
    }
    return put;
  }

  /** The answer to PUT {@code body} under {@code tag}, which must leave neither the tag nor the digest. */
  private BadRequestAnswer refusal(String tag, String contentType, byte[] body) {
    return BadRequestAnswer.to(put(tag, contentType, body), registry)
        .leavesNoTag(repo, tag).leavesNoManifest(repo, Digest.sha256(body)).leaves(sentinel);
  }

  /** As {@link #refusal}, where the spec allows accepting: then served back by tag and digest, byte for byte. */
  private BadRequestAnswer refusalOrServedBack(String tag, String contentType, byte[] body, Level refusal) {
    return refusal(tag, contentType, body)
        .orAcceptedAndServedBack(repo, body, refusal, tag, Digest.sha256(body).toString());
  }

  private ObjectNode manifest(String caseName) {
    return ManifestBodies.marked(sentinel.image().manifest().raw(), caseName);
  }

  private byte[] marked(String caseName) {
    return ManifestBodies.markedBytes(sentinel.image().manifest().raw(), caseName);
  }

  private static ObjectNode layer(ObjectNode manifest, int index) {
    return (ObjectNode) manifest.get("layers").get(index);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
