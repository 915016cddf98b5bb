package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;
import static dev.regconform.scenarios.robustness.UploadSteps.range;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.UploadSessions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads, digests: an upload closed under a digest that is not its bytes', malformed, or
 * missing must be refused and store nothing (see {@link BadUploadSupport} for what every case verifies).
 *
 * <table>
 * <caption>Cases (id {@code robustness.bad-upload.<case>})</caption>
 * <tr><th>Case</th><th>Request</th><th>Expected answer</th><th>Why</th></tr>
 * <tr><td>digest-mismatch.single-post</td><td>POST ?digest=D with a body whose digest is not D</td>
 *     <td>400 DIGEST_INVALID (202: no single POST, unsupported)</td><td>error table; R19, R24</td></tr>
 * <tr><td>digest-mismatch.put-after-patch</td><td>PATCH the blob, PUT ?digest= of other bytes</td>
 *     <td>400 DIGEST_INVALID</td><td>R19</td></tr>
 * <tr><td>digest-mismatch.chunked</td><td>two PATCHed chunks, the last in the PUT, ?digest= of other bytes</td>
 *     <td>400 DIGEST_INVALID</td><td>R19, R30</td></tr>
 * <tr><td>digest-mismatch.existing-digest</td><td>new bytes PUT under the digest of a sentinel layer</td>
 *     <td>400 DIGEST_INVALID, the layer unchanged</td><td>R19, R87: a digest names one content</td></tr>
 * <tr><td>digest.malformed</td><td>PUT ?digest=sha256:&lt;64 'z'&gt;</td><td>400 DIGEST_INVALID</td><td>R19</td></tr>
 * <tr><td>digest.without-algorithm</td><td>PUT ?digest=&lt;sha256 hex of the bytes&gt;, no "sha256:"</td>
 *     <td>400 DIGEST_INVALID</td><td>R19: a digest is algorithm:encoded</td></tr>
 * <tr><td>digest.unknown-algorithm</td><td>PUT ?digest=md5:&lt;md5 of the bytes&gt;</td>
 *     <td>400 DIGEST_INVALID or UNSUPPORTED</td><td>R19</td></tr>
 * <tr><td>digest.sha256-wrong-length</td><td>PUT ?digest=sha256:&lt;63 hex&gt;</td><td>400 DIGEST_INVALID</td>
 *     <td>R19</td></tr>
 * <tr><td>digest.sha512-wrong-length</td><td>PUT ?digest=sha512:&lt;the 64 hex of the sha256&gt;</td>
 *     <td>400 DIGEST_INVALID</td><td>R19: the algorithm is not guessed from the length</td></tr>
 * <tr><td>digest.missing</td><td>PUT without ?digest= after a PATCH</td><td>400 DIGEST_INVALID</td>
 *     <td>end-6 requires the digest</td></tr>
 * <tr><td>digest.empty</td><td>PUT ?digest= (empty)</td><td>400 DIGEST_INVALID</td><td>as digest.missing</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads: digests")
@LongRunning
public class BadUploadDigestScenarios extends BadUploadSupport {

  // ---- a digest that is not the bytes' ------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.digest-mismatch.single-post")
  @Covers({"R87", "R19", "R24"})
  @RequiresFeature(Feature.MONOLITHIC_POST)
  void a_single_POST_whose_digest_is_not_its_body_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(2048);
    Digest claimed = claimedElsewhere();
    RegistryResponse post = registry.uploadMonolithic(repo, claimed, content);
    record(claimed, Digest.sha256(content));
    if (post.status() == 202) {
      UploadSessions.abandon(registry, post);
    }
    BadRequestAnswer.to(post, registry)
        .leavesNoBlob(repo, claimed).leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .unsupportedWhen(202, "single-POST upload (the body was not read: an upload session opened)")
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.digest-mismatch.put-after-patch")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_is_not_the_PATCHed_bytes_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(2048);
    Digest claimed = claimedElsewhere();
    RegistryResponse put = registry.completeUpload(steps.patched(repo, content), claimed, null);
    record(claimed);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, claimed).leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.digest-mismatch.chunked")
  @Covers({"R87", "R19", "R30"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunked_upload_closed_with_a_digest_of_other_bytes_is_refused_and_leaves_no_trace() {
    UploadSteps.Chunked s = steps.firstChunkSent(repo, 3);
    RegistryResponse second = registry.patchUpload(s.location(), s.chunk(1), range(s.chunk(), s.chunk()));
    Unsupported.ifRegistryAnswers(second, "a second chunk (PATCH) in one upload", 405);
    assertThat(second).as("PATCH of the second chunk").hasStatus(202);
    Digest claimed = claimedElsewhere();
    RegistryResponse put = steps.put(repo, UploadSteps.withQuery(location(second), "digest", claimed.toString()),
        s.chunk(2), Map.of(Headers.CONTENT_RANGE, range(2L * s.chunk(), s.chunk())));
    record(claimed);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, claimed).leavesNoBlob(repo, s.digest()).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  /** The worst outcome of a mismatch: new bytes stored under a digest the registry already serves other bytes for. */
  @Test
  @CheckId("robustness.bad-upload.digest-mismatch.existing-digest")
  @Covers({"R87", "R19"})
  void new_bytes_PUT_under_the_digest_of_a_stored_blob_are_refused_and_the_stored_blob_is_unchanged() {
    byte[] content = Content.newContent(2048);
    TestBlob layer = sentinelLayer();
    RegistryResponse put = registry.completeUpload(steps.patched(repo, content), layer.digest(), null);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  // ---- a digest that is no digest -----------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.digest.malformed")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_is_not_hex_is_refused_and_leaves_no_trace() {
    malformedDigestCase(content -> "sha256:" + "z".repeat(64), ErrorCode.DIGEST_INVALID);
  }

  /** A registry that assumed sha256 for a bare hex string would store the blob under sha256:&lt;hex&gt;. */
  @Test
  @CheckId("robustness.bad-upload.digest.without-algorithm")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_has_no_algorithm_is_refused_and_leaves_no_trace() {
    malformedDigestCase(content -> Digest.sha256(content).hex(), ErrorCode.DIGEST_INVALID);
  }

  @Test
  @CheckId("robustness.bad-upload.digest.unknown-algorithm")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_is_of_an_unknown_algorithm_is_refused_and_leaves_no_trace() {
    malformedDigestCase(content -> "md5:" + HexFormat.of().formatHex(md5(content)), ErrorCode.DIGEST_INVALID,
        ErrorCode.UNSUPPORTED);
  }

  @Test
  @CheckId("robustness.bad-upload.digest.sha256-wrong-length")
  @Covers({"R87", "R19"})
  void a_PUT_whose_sha256_digest_is_one_character_short_is_refused_and_leaves_no_trace() {
    malformedDigestCase(content -> "sha256:" + Digest.sha256(content).hex().substring(1), ErrorCode.DIGEST_INVALID);
  }

  /** A registry that picked the algorithm by the hex length would store the blob under its sha256 digest. */
  @Test
  @CheckId("robustness.bad-upload.digest.sha512-wrong-length")
  @Covers({"R87", "R19"})
  void a_PUT_whose_sha512_digest_has_the_length_of_a_sha256_is_refused_and_leaves_no_trace() {
    malformedDigestCase(content -> "sha512:" + Digest.sha256(content).hex(), ErrorCode.DIGEST_INVALID);
  }

  @Test
  @CheckId("robustness.bad-upload.digest.missing")
  @Covers({"R87", "R19", "R23"})
  void a_closing_PUT_without_a_digest_is_refused_and_leaves_no_trace() {
    noDigestCase(location -> location);
  }

  @Test
  @CheckId("robustness.bad-upload.digest.empty")
  @Covers({"R87", "R19", "R23"})
  void a_closing_PUT_with_an_empty_digest_is_refused_and_leaves_no_trace() {
    noDigestCase(location -> UploadSteps.withQuery(location, "digest", ""));
  }

  // ---- shared steps -------------------------------------------------------------------------------------------

  /**
   * A PATCH of a 512-byte blob, then the closing PUT {@code ?digest=} with the text {@code digestOf} makes of the
   * bytes, as written; neither that text nor the bytes' sha256 may become a blob.
   */
  private void malformedDigestCase(Function<byte[], String> digestOf, ErrorCode... should) {
    byte[] content = Content.newContent(512);
    String sent = digestOf.apply(content);
    RegistryResponse put = steps.putWithDigest(repo, steps.patched(repo, content), sent, new byte[0]);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, sent).leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, should)
        .verify();
  }

  /** A PATCH of a 512-byte blob, then the closing PUT (no body) to {@code closingUrl} of its Location. */
  private void noDigestCase(UnaryOperator<String> closingUrl) {
    byte[] content = Content.newContent(512);
    RegistryResponse put = steps.put(repo, closingUrl.apply(steps.patched(repo, content)), new byte[0], Map.of());
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  /** A sha256 digest of bytes nobody sends. */
  private static Digest claimedElsewhere() {
    return Digest.sha256(Content.newContent(2048));
  }

  private static byte[] md5(byte[] content) {
    try {
      return MessageDigest.getInstance("MD5").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is in every JDK", e);
    }
  }
}
