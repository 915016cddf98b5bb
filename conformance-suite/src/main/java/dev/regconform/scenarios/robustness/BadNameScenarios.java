package dev.regconform.scenarios.robustness;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.model.Digest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, names and references: writes to a repository name or a reference outside the spec's grammar,
 * each verified with {@link BadRequestAnswer}: not accepted, nothing visible under the name, under the names a lenient
 * registry might turn it into, or under the manifest's digest, and the {@link Sentinel} unharmed. {@code
 * NameGrammarScenarios} checks the grammar itself (which status, which code); the corpus adds what is left behind.
 *
 * <p>For a bad <b>name</b> the check sends both writes the API has, a manifest PUT and the POST that opens a blob
 * upload (a session opened anyway is cancelled, and is a failure all the same). The image's blobs are pushed first to
 * the <i>sibling</i> repositories — where the name would land if the registry lower-cased, decoded, truncated or
 * normalised it ({@code ns/a/../b} → {@code ns/b}) — so that a write that lands there is accepted and shows. A 3xx
 * stores nothing and is no failure ({@link BadRequestAnswer#orRedirected}): HTTP servers may redirect to a path they
 * normalised; it still misses the 400 NAME_INVALID the spec's error table gives (a warning). For a bad <b>tag or
 * reference</b> the check PUTs a manifest whose blobs are in the repository: the tag must not appear (nor a tag it
 * could be cut or decoded to), and the manifest must not be stored under its digest.
 *
 * <table>
 * <caption>The cases</caption>
 * <tr><th>Case ({@code robustness.bad-name.…})</th><th>Request (name or reference)</th><th>Siblings checked</th>
 *     <th>Expected answer</th><th>Why</th></tr>
 * <tr><td>repository.upper-case</td><td>{@code R/Upper}</td><td>{@code R/upper}</td><td>400 NAME_INVALID</td>
 *     <td>R2: lower case only</td></tr>
 * <tr><td>repository.dot-dot</td><td>{@code R/a/../b}, sent as is</td><td>{@code R/b}</td><td>400 NAME_INVALID</td>
 *     <td>R2; must not escape into another repository</td></tr>
 * <tr><td>repository.dot-dot-encoded</td><td>{@code R/a/%2e%2e/b}</td><td>{@code R/b}</td><td>400 NAME_INVALID</td>
 *     <td>as above, past a decoder</td></tr>
 * <tr><td>repository.encoded-slash</td><td>{@code R/a%2Fb}</td><td>{@code R/a/b}</td><td>400 NAME_INVALID</td>
 *     <td>{@code %2F} is not a separator (RFC 3986 2.2): one component holding '/'</td></tr>
 * <tr><td>repository.leading-slash, trailing-slash, double-slash</td><td>{@code /R/c}, {@code R/d/}, {@code R//e}
 *     </td><td>{@code R/c}, {@code R/d}, {@code R/e}</td><td>400 NAME_INVALID</td><td>R2: empty component</td></tr>
 * <tr><td>repository.leading-period, trailing-period, double-period</td><td>{@code R/.f}, {@code R/g.},
 *     {@code R/h..i}</td><td>{@code R/f}, {@code R/g}, {@code R/h.i}</td><td>400 NAME_INVALID</td>
 *     <td>R2: separators only between alphanumerics, one '.' at a time</td></tr>
 * <tr><td>repository.leading-underscore, triple-underscore</td><td>{@code R/_j}, {@code R/k___l}</td>
 *     <td>{@code R/j}, {@code R/k_l}</td><td>400 NAME_INVALID</td><td>R2: '_' or '__' only</td></tr>
 * <tr><td>repository.leading-dash, trailing-dash</td><td>{@code R/-m}, {@code R/n-}</td><td>{@code R/m},
 *     {@code R/n}</td><td>400 NAME_INVALID</td><td>R2</td></tr>
 * <tr><td>repository.too-long</td><td>256 characters in all</td><td>its first 255</td><td>400 NAME_INVALID</td>
 *     <td>spec: a name is at most 255 characters (with the host)</td></tr>
 * <tr><td>repository.unicode</td><td>{@code R/caf%C3%A9} ({@code café})</td><td>{@code R/cafe}, {@code R/caf}</td>
 *     <td>400 NAME_INVALID</td><td>R2: [a-z0-9] only</td></tr>
 * <tr><td>tag.129-characters</td><td>129 characters</td><td>its first 128</td><td>400 (any spec code)</td>
 *     <td>R3: at most 128</td></tr>
 * <tr><td>tag.space, tag.plus, tag.at, tag.encoded-slash, tag.unicode</td><td>{@code a%20b}, {@code a+b},
 *     {@code a@b}, {@code a%2Fb}, {@code v%C3%A9}</td><td>{@code a}, {@code a}, {@code a}, {@code a}, {@code v}</td>
 *     <td>400 (any spec code)</td><td>R3: [a-zA-Z0-9_.-] only</td></tr>
 * <tr><td>tag.empty</td><td>PUT {@code /manifests/} (no reference)</td><td>—</td><td>4xx</td>
 *     <td>no reference; the manifest must not be stored by digest either</td></tr>
 * <tr><td>reference.malformed-digest, short-digest, upper-case-digest</td><td>{@code sha256:totallywrong},
 *     63 hex digits, the body's digest in upper case</td><td>—</td><td>400 DIGEST_INVALID or MANIFEST_INVALID</td>
 *     <td>neither a tag (':' is not allowed) nor a digest (sha256 is 64 lower-case hex digits)</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: names and references")
public class BadNameScenarios extends ScenarioSupport {
  private static final String TAG = "bad-name";
  private Sentinel sentinel;
  private TestImage image;

  @BeforeAll
  void pushSentinelAndBlobs() {
    sentinel = Sentinel.push(scenario, repo);
    image = scenario.newImage(256);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
  }

  @Test
  @CheckId("robustness.bad-name.repository.upper-case")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_an_upper_case_name_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/Upper", repo + "/upper");
  }

  @Test
  @CheckId("robustness.bad-name.repository.dot-dot")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_dot_dot_does_not_escape_into_the_sibling_repository() {
    assertWriteRefused(repo + "/a/../b", repo + "/b");
  }

  @Test
  @CheckId("robustness.bad-name.repository.dot-dot-encoded")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_encoded_dot_dot_does_not_escape_into_the_sibling_repository() {
    assertWriteRefused(repo + "/a/%2e%2e/b", repo + "/b");
  }

  @Test
  @CheckId("robustness.bad-name.repository.encoded-slash")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_an_encoded_slash_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/a%2Fb", repo + "/a/b");
  }

  @Test
  @CheckId("robustness.bad-name.repository.leading-slash")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_a_leading_slash_is_refused_and_lands_nowhere() {
    assertWriteRefused("/" + repo + "/c", repo + "/c");
  }

  @Test
  @CheckId("robustness.bad-name.repository.trailing-slash")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_a_trailing_slash_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/d/", repo + "/d");
  }

  @Test
  @CheckId("robustness.bad-name.repository.double-slash")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_a_double_slash_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "//e", repo + "/e");
  }

  @Test
  @CheckId("robustness.bad-name.repository.leading-period")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_starting_with_a_period_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/.f", repo + "/f");
  }

  @Test
  @CheckId("robustness.bad-name.repository.trailing-period")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_ending_with_a_period_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/g.", repo + "/g");
  }

  @Test
  @CheckId("robustness.bad-name.repository.double-period")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_with_two_periods_in_a_row_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/h..i", repo + "/h.i");
  }

  @Test
  @CheckId("robustness.bad-name.repository.leading-underscore")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_starting_with_an_underscore_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/_j", repo + "/j");
  }

  @Test
  @CheckId("robustness.bad-name.repository.triple-underscore")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_with_three_underscores_in_a_row_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/k___l", repo + "/k_l");
  }

  @Test
  @CheckId("robustness.bad-name.repository.leading-dash")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_starting_with_a_dash_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/-m", repo + "/m");
  }

  @Test
  @CheckId("robustness.bad-name.repository.trailing-dash")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_component_ending_with_a_dash_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/n-", repo + "/n");
  }

  @Test
  @CheckId("robustness.bad-name.repository.too-long")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_of_256_characters_is_refused_and_lands_nowhere() {
    String prefix = repo + "/o";
    String name = prefix + "o".repeat(256 - prefix.length());
    assertWriteRefused(name, name.substring(0, 255));
  }

  @Test
  @CheckId("robustness.bad-name.repository.unicode")
  @Covers({"R87", "R72", "R2"})
  void a_write_to_a_name_with_a_non_ascii_letter_is_refused_and_lands_nowhere() {
    assertWriteRefused(repo + "/caf%C3%A9", repo + "/cafe", repo + "/caf");
  }

  @Test
  @CheckId("robustness.bad-name.tag.129-characters")
  @Covers({"R87", "R72", "R3"})
  void a_tag_of_129_characters_is_refused_and_not_cut_to_128() {
    String tag = "t".repeat(129);
    assertTagRefused(tag, tag.substring(0, 128));
  }

  @Test
  @CheckId("robustness.bad-name.tag.space")
  @Covers({"R87", "R72", "R3"})
  void a_tag_with_a_space_is_refused_and_leaves_no_trace() {
    assertTagRefused("a%20b", "a");
  }

  @Test
  @CheckId("robustness.bad-name.tag.plus")
  @Covers({"R87", "R72", "R3"})
  void a_tag_with_a_plus_is_refused_and_leaves_no_trace() {
    assertTagRefused("a+b", "a", "a%20b");
  }

  @Test
  @CheckId("robustness.bad-name.tag.at")
  @Covers({"R87", "R72", "R3"})
  void a_tag_with_an_at_sign_is_refused_and_leaves_no_trace() {
    assertTagRefused("a@b", "a");
  }

  @Test
  @CheckId("robustness.bad-name.tag.encoded-slash")
  @Covers({"R87", "R72", "R3"})
  void a_tag_with_an_encoded_slash_is_refused_and_leaves_no_trace() {
    assertTagRefused("a%2Fb", "a");
  }

  @Test
  @CheckId("robustness.bad-name.tag.unicode")
  @Covers({"R87", "R72", "R3"})
  void a_tag_with_a_non_ascii_letter_is_refused_and_leaves_no_trace() {
    assertTagRefused("v%C3%A9", "v");
  }

  @Test
  @CheckId("robustness.bad-name.tag.empty")
  @Covers({"R87", "R72", "R3"})
  void a_manifest_put_without_a_reference_is_refused_and_leaves_no_trace() {
    byte[] body = ManifestBodies.markedBytes(image.manifest().raw(), "tag-empty");
    RegistryResponse put = putManifest("", body);
    BadRequestAnswer.to(put, registry).leavesNoManifest(repo, Digest.sha256(body)).leaves(sentinel).verify();
  }

  @Test
  @CheckId("robustness.bad-name.reference.malformed-digest")
  @Covers({"R87", "R72", "R3"})
  void a_manifest_put_under_a_malformed_digest_is_refused_and_leaves_no_trace() {
    assertReferenceRefused("sha256:totallywrong", "reference-malformed");
  }

  @Test
  @CheckId("robustness.bad-name.reference.short-digest")
  @Covers({"R87", "R72", "R3"})
  void a_manifest_put_under_a_digest_of_63_hex_digits_is_refused_and_leaves_no_trace() {
    assertReferenceRefused(null, "reference-short");
  }

  @Test
  @CheckId("robustness.bad-name.reference.upper-case-digest")
  @Covers({"R87", "R72", "R3"})
  void a_manifest_put_under_its_digest_in_upper_case_is_refused_and_leaves_no_trace() {
    assertReferenceRefused("", "reference-upper-case");
  }

  /**
   * PUTs the image's manifest to {@code badName} and POSTs an upload there; both must be refused (or redirected), and
   * neither {@code badName} nor any of {@code siblings} (which hold the image's blobs) may then show the tag or the
   * manifest.
   */
  private void assertWriteRefused(String badName, String... siblings) {
    for (String sibling : siblings) {
      image.blobs().forEach(b -> scenario.pusher().pushBlob(sibling, b));
    }
    byte[] body = ManifestBodies.markedBytes(image.manifest().raw(), "name " + badName);
    Digest digest = Digest.sha256(body);
    String scope = "repository:" + badName + ":pull,push";
    RegistryResponse put = registry.exchange("PUT", "/v2/" + badName + "/manifests/" + TAG,
        Map.of(Headers.CONTENT_TYPE, MediaTypes.OCI_MANIFEST), body, scope);
    if (put.status() >= 200 && put.status() < 300) {
      for (String sibling : siblings) {
        scenario.cleanup().recordManifest(sibling, digest);
      }
    }
    RegistryResponse post = registry.exchange("POST", "/v2/" + badName + "/blobs/uploads/", Map.of(), new byte[0],
        scope);
    if (post.status() >= 200 && post.status() < 300 && post.header(Headers.LOCATION).isPresent()) {
      registry.cancelUpload(post.header(Headers.LOCATION).get());
    }

    BadRequestAnswer answer = BadRequestAnswer.to(put, registry).alsoTo(post).orRedirected().leavesNoTag(badName, TAG);
    for (String sibling : siblings) {
      answer.leavesNoTag(sibling, TAG).leavesNoManifest(sibling, digest);
    }
    answer.leaves(sentinel).shouldBe(400, ErrorCode.NAME_INVALID).verify();
  }

  /**
   * PUTs a manifest (blobs in the repository) under {@code tag}, given as it goes into the URL; neither it, nor
   * {@code lookalikes} (what a lenient registry might cut or decode it to), nor the manifest's digest may then show.
   */
  private void assertTagRefused(String tag, String... lookalikes) {
    byte[] body = ManifestBodies.markedBytes(image.manifest().raw(), "tag " + tag);
    RegistryResponse put = putManifest(tag, body);
    BadRequestAnswer answer = BadRequestAnswer.to(put, registry)
        .leavesNoTag(repo, tag).leavesNoManifest(repo, Digest.sha256(body));
    List.of(lookalikes).forEach(t -> answer.leavesNoTag(repo, t));
    answer.leaves(sentinel).shouldBe(400).verify();
  }

  /**
   * PUTs a manifest under a reference that looks like a digest but is none: {@code reference}, or when null 63 hex
   * digits of the body's digest, or when empty the body's digest in upper case.
   */
  private void assertReferenceRefused(String reference, String caseName) {
    byte[] body = ManifestBodies.markedBytes(image.manifest().raw(), caseName);
    Digest digest = Digest.sha256(body);
    String sent = reference == null ? digest.toString().substring(0, digest.toString().length() - 1)
        : reference.isEmpty() ? digest.algorithm().label() + ":" + digest.hex().toUpperCase(java.util.Locale.ROOT)
        : reference;
    RegistryResponse put = putManifest(sent, body);
    BadRequestAnswer.to(put, registry)
        .leavesNoTag(repo, sent).leavesNoManifest(repo, digest).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID, ErrorCode.MANIFEST_INVALID).verify();
  }

  /** PUT of {@code body} to {@code repo} under {@code reference} as given; a 2xx is recorded for cleanup. */
  private RegistryResponse putManifest(String reference, byte[] body) {
    RegistryResponse put = registry.exchange("PUT", "/v2/" + repo + "/manifests/" + reference,
        Map.of(Headers.CONTENT_TYPE, MediaTypes.OCI_MANIFEST), body, "repository:" + repo + ":pull,push");
    if (put.status() >= 200 && put.status() < 300) {
      scenario.cleanup().recordManifest(repo, Digest.sha256(body));
    }
    return put;
  }
}
