package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;
import static dev.regconform.scenarios.robustness.UploadSteps.concat;
import static dev.regconform.scenarios.robustness.UploadSteps.range;
import static dev.regconform.scenarios.robustness.UploadSteps.slice;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.InterruptedExchange;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.ShortBodyExchange;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import dev.regconform.scenarios.UploadSessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads: each check sends one upload request the registry must refuse (or, where the
 * spec allows, handle otherwise), then verifies with {@link BadRequestAnswer} that it was refused with a 4xx, that
 * nothing it named became visible — under the digest it claimed, nor under the digest of the bytes it sent — and that
 * the {@link Sentinel} pushed first still comes back unchanged; the status and code of the spec's error table are a
 * SHOULD. Where the request leaves a session behind, the session must still be honest: continuing from the Range it
 * reports stores exactly the blob, or it is gone. Existing {@code push.*} checks judge some of these answers' status;
 * these add the aftermath and the cases they lack.
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
 * <tr><td>size.content-length-longer-than-body.put</td><td>PUT ?digest= Content-Length 2048, 1000 bytes, half-close</td>
 *     <td>400 SIZE_INVALID, or the connection closed</td><td>R25; RFC 9112 §8</td></tr>
 * <tr><td>size.content-length-longer-than-body.patch</td><td>PATCH Content-Length 2048, 1000 bytes, half-close;
 *     then PUT ?digest= of the 2048</td><td>400 SIZE_INVALID, or closed; the PUT refused</td><td>R25</td></tr>
 * <tr><td>size.content-length-shorter-than-body.put</td><td>PUT ?digest= of 2048 bytes, Content-Length 1000, 2048 sent</td>
 *     <td>400 DIGEST_INVALID (the message is its first 1000 bytes)</td><td>R25, R19</td></tr>
 * <tr><td>size.declared-far-larger</td><td>PUT ?digest= of 10 bytes, Content-Length 1 GiB, 10 sent, half-close</td>
 *     <td>400 SIZE_INVALID, or closed; the 10 bytes not stored</td><td>R25</td></tr>
 * <tr><td>content-range.no-dash / negative / non-numeric / huge</td><td>first PATCH, the whole 2048-byte blob,
 *     with Content-Range {@code 02047}, {@code -2048--1}, {@code 0x0-0x7ff}, {@code 0-<30 nines>}</td><td>416 or 400
 *     (SHOULD: acceptance is a warning); the session honest afterwards</td><td>R34: the client MUST send
 *     &lt;start&gt;-&lt;end&gt;; no rule for the registry</td></tr>
 * <tr><td>content-range.overlap</td><td>second chunk re-sends the last 512 bytes of the first</td><td>416</td>
 *     <td>R29</td></tr>
 * <tr><td>content-range.gap</td><td>second chunk starts 16 bytes after the first ends</td><td>416</td><td>R29</td></tr>
 * <tr><td>session.patch-after-put</td><td>PATCH to a session closed by its PUT</td><td>404 BLOB_UPLOAD_UNKNOWN, the
 *     blob unchanged</td><td>R33</td></tr>
 * <tr><td>session.put-twice</td><td>a second PUT (other bytes) to a closed session</td><td>404
 *     BLOB_UPLOAD_UNKNOWN, the blob unchanged</td><td>R33</td></tr>
 * <tr><td>session.patch-after-cancel</td><td>PATCH to a cancelled session</td><td>404 BLOB_UPLOAD_UNKNOWN</td>
 *     <td>R33, R35</td></tr>
 * <tr><td>session.put-after-cancel</td><td>PUT ?digest= of the bytes the session held before DELETE</td>
 *     <td>404 BLOB_UPLOAD_UNKNOWN</td><td>R33, R35</td></tr>
 * <tr><td>session.other-repository.put / .patch</td><td>the session URL of repository B with A's name in its
 *     path</td><td>404 BLOB_UPLOAD_UNKNOWN or BLOB_UPLOAD_INVALID; B's session unchanged</td><td>R33, R87</td></tr>
 * <tr><td>interrupted.mid-chunk</td><td>first PATCH declaring 2048 bytes, 1024 sent, connection closed</td>
 *     <td>(no answer read) the session continues from its Range to exactly the blob, or is gone; a further
 *     PATCH answered 405: unsupported</td><td>R32, R87</td></tr>
 * <tr><td>interrupted.mid-put</td><td>monolithic PUT ?digest= of 2048 bytes, 1024 sent, connection closed</td>
 *     <td>as interrupted.mid-chunk; the digest not stored</td><td>R23, R87</td></tr>
 * <tr><td>mount.malformed-digest</td><td>POST ?mount=sha256:&lt;64 'z'&gt;&amp;from=&lt;sentinel repo&gt;</td>
 *     <td>400 DIGEST_INVALID, or 202 (a session: the spec's fallback)</td><td>R19, R38</td></tr>
 * <tr><td>mount.malformed-from</td><td>POST ?mount=&lt;sentinel layer&gt;&amp;from=&lt;its repo in upper
 *     case&gt;</td><td>400 NAME_INVALID, or 202</td><td>R38; names are lower case</td></tr>
 * <tr><td>mount.from-path-traversal</td><td>POST ?mount=&lt;sentinel layer&gt;&amp;from=&lt;a/b/x/../c for the
 *     sentinel repo a/b/c&gt;</td><td>400 NAME_INVALID, or 202; never mounted</td><td>R38, R87</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads")
@LongRunning
public class BadUploadScenarios extends ScenarioSupport {
  private static final String CONTENT_RANGE_TOLERATED = "R34 binds the client; the spec gives the registry no rule "
      + "for a Content-Range it cannot read";
  private static final int DECLARED = 2048;
  private static final int SENT = 1000;

  private Sentinel sentinel;
  private UploadSteps steps;

  @BeforeAll
  void pushSentinel() {
    sentinel = Sentinel.push(scenario, repo);
    steps = new UploadSteps(scenario);
  }

  // ---- digests -------------------------------------------------------------------------------------------------

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

  @Test
  @CheckId("robustness.bad-upload.digest.malformed")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_is_not_hex_is_refused_and_leaves_no_trace() {
    badDigestCase("sha256:" + "z".repeat(64));
  }

  /** A registry that assumed sha256 for a bare hex string would store the blob under sha256:&lt;hex&gt;. */
  @Test
  @CheckId("robustness.bad-upload.digest.without-algorithm")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_has_no_algorithm_is_refused_and_leaves_no_trace() {
    badDigestCase(null);
  }

  @Test
  @CheckId("robustness.bad-upload.digest.unknown-algorithm")
  @Covers({"R87", "R19"})
  void a_PUT_whose_digest_is_of_an_unknown_algorithm_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(512);
    String md5 = "md5:" + HexFormat.of().formatHex(md5(content));
    RegistryResponse put = steps.putWithDigest(repo, steps.patched(repo, content), md5, new byte[0]);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, md5).leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID, ErrorCode.UNSUPPORTED)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.digest.sha256-wrong-length")
  @Covers({"R87", "R19"})
  void a_PUT_whose_sha256_digest_is_one_character_short_is_refused_and_leaves_no_trace() {
    badDigestCase("");
  }

  /** A registry that picked the algorithm by the hex length would store the blob under its sha256 digest. */
  @Test
  @CheckId("robustness.bad-upload.digest.sha512-wrong-length")
  @Covers({"R87", "R19"})
  void a_PUT_whose_sha512_digest_has_the_length_of_a_sha256_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(512);
    String digest = "sha512:" + Digest.sha256(content).hex();
    RegistryResponse put = steps.putWithDigest(repo, steps.patched(repo, content), digest, new byte[0]);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, digest).leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.digest.missing")
  @Covers({"R87", "R19", "R23"})
  void a_closing_PUT_without_a_digest_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(512);
    RegistryResponse put = steps.put(repo, steps.patched(repo, content), new byte[0], Map.of());
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.digest.empty")
  @Covers({"R87", "R19", "R23"})
  void a_closing_PUT_with_an_empty_digest_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(512);
    RegistryResponse put = steps.putWithDigest(repo, steps.patched(repo, content), "", new byte[0]);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  // ---- sizes ---------------------------------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.size.content-length-longer-than-body.put")
  @Covers({"R87", "R25"})
  void a_PUT_whose_body_ends_before_its_Content_Length_stores_nothing() {
    byte[] content = Content.newContent(DECLARED);
    byte[] sent = slice(content, 0, SENT);
    record(Digest.sha256(content), Digest.sha256(sent));
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    ShortBodyExchange put = registry.completeUploadWithShortBody(location(post), Digest.sha256(content), sent,
        DECLARED);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leavesNoBlob(repo, Digest.sha256(sent)).leaves(sentinel)
        .shouldBe(400, ErrorCode.SIZE_INVALID)
        .verify();
  }

  /** The PATCH cannot store the blob by itself; the PUT that follows shows whether the session counted missing bytes. */
  @Test
  @CheckId("robustness.bad-upload.size.content-length-longer-than-body.patch")
  @Covers({"R87", "R25"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_PATCH_whose_body_ends_before_its_Content_Length_lets_no_PUT_store_the_declared_blob() {
    byte[] content = Content.newContent(DECLARED);
    byte[] sent = slice(content, 0, SENT);
    record(Digest.sha256(content), Digest.sha256(sent));
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    ShortBodyExchange patch = registry.patchUploadWithShortBody(location(post), sent, DECLARED);
    String next = patch.response().flatMap(r -> r.header(Headers.LOCATION)).orElse(location(post));
    registry.completeUpload(next, Digest.sha256(content), null);
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leavesNoBlob(repo, Digest.sha256(sent)).leaves(sentinel)
        .shouldBe(400, ErrorCode.SIZE_INVALID)
        .verify();
  }

  /**
   * The message is the first 1000 bytes (its Content-Length); the rest is what the server reads next on the
   * connection. The PUT names the digest of all 2048 bytes, which the 1000 do not have.
   */
  @Test
  @CheckId("robustness.bad-upload.size.content-length-shorter-than-body.put")
  @Covers({"R87", "R25", "R19"})
  void a_PUT_whose_body_runs_past_its_Content_Length_is_refused_and_leaves_no_trace() {
    byte[] content = Content.newContent(DECLARED);
    record(Digest.sha256(content), Digest.sha256(slice(content, 0, SENT)));
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    ShortBodyExchange put = registry.completeUploadWithShortBody(location(post), Digest.sha256(content), content,
        SENT);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leavesNoBlob(repo, Digest.sha256(slice(content, 0, SENT)))
        .leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID, ErrorCode.SIZE_INVALID)
        .verify();
  }

  /** The 10 bytes that arrived have the digest the PUT names: only the incomplete message tells they are not a blob. */
  @Test
  @CheckId("robustness.bad-upload.size.declared-far-larger")
  @Covers({"R87", "R25"})
  void a_PUT_declaring_1_GiB_and_sending_10_bytes_does_not_store_the_10_bytes() {
    byte[] sent = Content.newContent(10);
    record(Digest.sha256(sent));
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    ShortBodyExchange put = registry.completeUploadWithShortBody(location(post), Digest.sha256(sent), sent,
        1L << 30);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(sent)).leaves(sentinel)
        .shouldBe(400, ErrorCode.SIZE_INVALID)
        .verify();
  }

  // ---- Content-Range -------------------------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.content-range.no-dash")
  @Covers({"R87", "R34", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_whose_Content_Range_has_no_dash_leaves_an_honest_session() {
    malformedRangeCase(length -> "0" + (length - 1));
  }

  @Test
  @CheckId("robustness.bad-upload.content-range.negative")
  @Covers({"R87", "R34", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_whose_Content_Range_is_negative_leaves_an_honest_session() {
    malformedRangeCase(length -> "-" + length + "--1");
  }

  @Test
  @CheckId("robustness.bad-upload.content-range.non-numeric")
  @Covers({"R87", "R34", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_whose_Content_Range_is_in_hex_leaves_an_honest_session() {
    malformedRangeCase(length -> "0x0-0x" + Integer.toHexString(length - 1));
  }

  @Test
  @CheckId("robustness.bad-upload.content-range.huge")
  @Covers({"R87", "R34", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_whose_Content_Range_ends_past_any_integer_leaves_an_honest_session() {
    malformedRangeCase(length -> "0-" + "9".repeat(30));
  }

  /** R29: re-sending bytes already received is out of order; appended, they would make the blob wrong. */
  @Test
  @CheckId("robustness.bad-upload.content-range.overlap")
  @Covers({"R87", "R29", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_that_resends_part_of_the_previous_one_is_refused_with_416_and_leaves_an_honest_session() {
    UploadSteps.Chunked s = steps.firstChunkSent(repo, 2);
    int from = s.chunk() / 2;
    byte[] overlapping = slice(s.content(), from, s.content().length);
    RegistryResponse patch = registry.patchUpload(s.location(), overlapping, range(from, overlapping.length));
    byte[] corrupt = concat(s.chunk(0), overlapping);
    record(Digest.sha256(corrupt));
    List<String> session = honestSessionAfter(s, s.chunk(), patch, "the overlapping chunk");
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, Digest.sha256(corrupt)).leaves(sentinel)
        .shouldBe(416)
        .verify();
    assertNoHarm(session, patch);
  }

  /** R29: a chunk that skips bytes is out of order; appended, the blob would miss them. */
  @Test
  @CheckId("robustness.bad-upload.content-range.gap")
  @Covers({"R87", "R29", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_that_leaves_a_gap_is_refused_with_416_and_leaves_an_honest_session() {
    UploadSteps.Chunked s = steps.firstChunkSent(repo, 2);
    int from = s.chunk() + 16;
    byte[] after = slice(s.content(), from, s.content().length);
    RegistryResponse patch = registry.patchUpload(s.location(), after, range(from, after.length));
    byte[] corrupt = concat(s.chunk(0), after);
    record(Digest.sha256(corrupt));
    List<String> session = honestSessionAfter(s, s.chunk(), patch, "the chunk after a gap");
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, Digest.sha256(corrupt)).leaves(sentinel)
        .shouldBe(416)
        .verify();
    assertNoHarm(session, patch);
  }

  // ---- sessions ------------------------------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.session.patch-after-put")
  @Covers({"R87", "R33"})
  void a_PATCH_to_a_closed_session_is_refused_and_the_blob_it_stored_is_unchanged() {
    byte[] content = Content.newContent(1024);
    String location = steps.finished(repo, content);
    byte[] more = Content.newContent(256);
    RegistryResponse patch = registry.patchUpload(location, more, range(content.length, more.length));
    record(Digest.sha256(concat(content, more)), Digest.sha256(more));
    assertNoHarm(steps.notExactlyOrAbsent(repo, Digest.sha256(content), content).stream().toList(), patch);
    assertThat(registry.headBlob(repo, Digest.sha256(content))).as("HEAD of the blob the session stored").hasStatus(200);
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, Digest.sha256(concat(content, more))).leavesNoBlob(repo, Digest.sha256(more))
        .leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.session.put-twice")
  @Covers({"R87", "R33"})
  void a_second_PUT_to_a_closed_session_is_refused_and_the_blob_it_stored_is_unchanged() {
    byte[] content = Content.newContent(1024);
    String location = steps.finished(repo, content);
    byte[] other = Content.newContent(1024);
    RegistryResponse put = registry.completeUpload(location, Digest.sha256(other), other);
    record(Digest.sha256(other), Digest.sha256(concat(content, other)));
    assertNoHarm(steps.notExactlyOrAbsent(repo, Digest.sha256(content), content).stream().toList(), put);
    assertThat(registry.headBlob(repo, Digest.sha256(content))).as("HEAD of the blob the session stored").hasStatus(200);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(other)).leavesNoBlob(repo, Digest.sha256(concat(content, other)))
        .leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.session.patch-after-cancel")
  @Covers({"R87", "R33", "R35"})
  @RequiresFeature({Feature.CHUNKED_UPLOAD, Feature.UPLOAD_CANCEL})
  void a_PATCH_to_a_cancelled_session_is_refused_and_leaves_no_trace() {
    UploadSteps.Chunked s = steps.firstChunkSent(repo, 2);
    cancel(s.location());
    RegistryResponse patch = registry.patchUpload(s.location(), s.chunk(1), range(s.chunk(), s.chunk()));
    registry.completeUpload(s.location(), s.digest(), null);
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, s.digest()).leavesNoBlob(repo, Digest.sha256(s.chunk(1))).leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN)
        .verify();
  }

  /** A cancel that only forgot the session's URL but kept its bytes would let this PUT complete them. */
  @Test
  @CheckId("robustness.bad-upload.session.put-after-cancel")
  @Covers({"R87", "R33", "R35"})
  @RequiresFeature(Feature.UPLOAD_CANCEL)
  void a_PUT_of_the_bytes_a_cancelled_session_held_is_refused_and_stores_nothing() {
    byte[] content = Content.newContent(1024);
    String location = steps.patched(repo, content);
    cancel(location);
    RegistryResponse put = registry.completeUpload(location, Digest.sha256(content), null);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.session.other-repository.put")
  @Covers({"R87", "R33"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_PUT_to_another_repositorys_session_writes_into_neither_repository() {
    String other = scenario.repository("other");
    UploadSteps.Chunked s = steps.firstChunkSent(other, 2);
    String borrowed = borrowed(s.location(), other);
    RegistryResponse put = steps.put(repo, UploadSteps.withQuery(borrowed, "digest", s.digest().toString()),
        s.chunk(1), Map.of(Headers.CONTENT_RANGE, range(s.chunk(), s.chunk())));
    record(s.digest(), Digest.sha256(s.chunk(1)));
    assertNoHarm(untouched(s, other), put);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, s.digest()).leavesNoBlob(other, s.digest()).leavesNoBlob(other, Digest.sha256(s.chunk(1)))
        .leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN, ErrorCode.BLOB_UPLOAD_INVALID)
        .verify();
    UploadSessions.abandon(registry, s.location());
  }

  @Test
  @CheckId("robustness.bad-upload.session.other-repository.patch")
  @Covers({"R87", "R33"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_PATCH_to_another_repositorys_session_leaves_that_session_as_it_was() {
    String other = scenario.repository("other");
    UploadSteps.Chunked s = steps.firstChunkSent(other, 2);
    RegistryResponse patch = registry.exchange("PATCH", borrowed(s.location(), other),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream", Headers.CONTENT_RANGE, range(s.chunk(), s.chunk())),
        s.chunk(1), UploadSteps.pushScope(repo));
    assertNoHarm(untouched(s, other), patch);
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, s.digest()).leavesNoBlob(other, s.digest()).leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN, ErrorCode.BLOB_UPLOAD_INVALID)
        .verify();
    UploadSessions.abandon(registry, s.location());
  }

  // ---- interrupted connections ---------------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.interrupted.mid-chunk")
  @Covers({"R87", "R32", "R28"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void after_a_PATCH_cut_off_mid_body_the_session_continues_from_its_Range_to_exactly_the_blob_or_is_gone() {
    UploadSteps.Chunked s = steps.opened(repo, 2);
    InterruptedExchange cut = registry.sendInterrupted("PATCH", s.location(),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream", Headers.CONTENT_RANGE, range(0, s.content().length)),
        s.chunk(0), s.content().length);
    assertHonestAfterInterruption(s, cut);
  }

  /** The monolithic PUT ?digest= of the whole blob, cut off after half of it. */
  @Test
  @CheckId("robustness.bad-upload.interrupted.mid-put")
  @Covers({"R87", "R23", "R32"})
  void after_a_monolithic_PUT_cut_off_mid_body_the_blob_is_not_stored_and_the_session_is_honest() {
    UploadSteps.Chunked s = steps.opened(repo, 2);
    InterruptedExchange cut = registry.sendInterrupted("PUT",
        UploadSteps.withQuery(s.location(), "digest", s.digest().toString()),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), s.chunk(0), s.content().length);
    assertHonestAfterInterruption(s, cut);
  }

  // ---- mounts --------------------------------------------------------------------------------------------------

  @Test
  @CheckId("robustness.bad-upload.mount.malformed-digest")
  @Covers({"R87", "R19", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_mount_of_a_malformed_digest_is_refused_or_opens_a_plain_session() {
    String digest = "sha256:" + "z".repeat(64);
    String target = scenario.repository("mount");
    RegistryResponse mount = mount(target, digest, repo);
    BadRequestAnswer.to(mount, registry)
        .leavesNoBlob(target, digest).leaves(sentinel)
        .allowing(202, "the spec's answer to a mount the registry cannot perform: a plain upload session (R38)")
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  @Test
  @CheckId("robustness.bad-upload.mount.malformed-from")
  @Covers({"R87", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_mount_from_an_upper_case_repository_name_is_refused_or_opens_a_plain_session() {
    malformedFromCase(repo.toUpperCase(java.util.Locale.ROOT));
  }

  /** A registry that resolved the name as a path would find the sentinel's repository and mount its layer. */
  @Test
  @CheckId("robustness.bad-upload.mount.from-path-traversal")
  @Covers({"R87", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_mount_from_a_name_with_dot_dot_is_refused_or_opens_a_plain_session_and_mounts_nothing() {
    int slash = repo.lastIndexOf('/');
    String traversal = slash < 0 ? "x/../" + repo : repo.substring(0, slash) + "/x/.." + repo.substring(slash);
    malformedFromCase(traversal);
  }

  // ---- shared steps --------------------------------------------------------------------------------------------

  /**
   * A PATCH of a blob's first chunk, then one with a malformed digest: {@code digest} as given, "" for the sha256
   * digest one character short, null for its hex without algorithm.
   */
  private void badDigestCase(String digest) {
    byte[] content = Content.newContent(512);
    String hex = Digest.sha256(content).hex();
    String sent = digest == null ? hex : digest.isEmpty() ? "sha256:" + hex.substring(1) : digest;
    RegistryResponse put = steps.putWithDigest(repo, steps.patched(repo, content), sent, new byte[0]);
    BadRequestAnswer.to(put, registry)
        .leavesNoBlob(repo, sent).leavesNoBlob(repo, Digest.sha256(content)).leaves(sentinel)
        .shouldBe(400, ErrorCode.DIGEST_INVALID)
        .verify();
  }

  /**
   * The first PATCH of a session, carrying the whole blob with a malformed Content-Range (from its length). Accepting
   * it is a warning (the spec has no rule for the registry); either way the session must be honest afterwards.
   */
  private void malformedRangeCase(java.util.function.IntFunction<String> contentRange) {
    UploadSteps.Chunked s = steps.opened(repo, 2);
    RegistryResponse patch = registry.patchUpload(s.location(), s.content(), contentRange.apply(s.content().length));
    List<String> session = honestSessionAfter(s, 0, patch, "the chunk with a malformed Content-Range");
    BadRequestAnswer.to(patch, registry)
        .leaves(sentinel)
        .mayAccept(CONTENT_RANGE_TOLERATED)
        .shouldBeOneOf(List.of(400, 416))
        .verify();
    assertNoHarm(session, patch);
  }

  /**
   * After a chunk the registry refused, the session must still hold the {@code heldBefore} bytes it held: continuing
   * from its Range must store exactly the blob (or the session is gone). After one it accepted, whatever it stored:
   * the blob under its digest must be exactly its bytes, or absent. Returns what is wrong (empty: nothing).
   */
  private List<String> honestSessionAfter(UploadSteps.Chunked s, long heldBefore, RegistryResponse bad, String what) {
    List<String> wrong = new ArrayList<>();
    String location = bad.status() == 202 ? bad.header(Headers.LOCATION).orElse(s.location()) : s.location();
    Optional<Long> received = steps.received(location, what);
    boolean refused = bad.status() >= 400;
    if (received.isPresent() && refused && received.get() != heldBefore) {
      wrong.add("after " + what + " was refused (" + bad.status() + "), the session reports " + received.get()
          + " bytes received instead of the " + heldBefore + " it held before");
    }
    received.flatMap(r -> steps.finishFrom(location, r, s.content())).ifPresent(put -> {
      if (refused && received.get() == heldBefore && put.status() != 201 && put.status() != 405) {
        wrong.add("continuing from the Range the session reported after " + what + " was refused did not store the"
            + " blob:\n" + put.describe());
      }
    });
    steps.notExactlyOrAbsent(repo, s.digest(), s.content()).ifPresent(wrong::add);
    return wrong;
  }

  /**
   * After an interrupted request the session either is gone (404), or reports in its Range at most what was sent,
   * and continuing from there stores exactly the blob; the bytes as they stood when the connection closed are never
   * a blob.
   */
  private void assertHonestAfterInterruption(UploadSteps.Chunked s, InterruptedExchange cut) {
    byte[] asCut = s.chunk(0);
    record(Digest.sha256(asCut));
    List<String> wrong = new ArrayList<>();
    String unsupported = null;
    Optional<Long> received = steps.receivedOnceSettled(s.location(), cut.describe());
    if (received.isPresent()) {
      if (received.get() > asCut.length) {
        wrong.add("the session reports " + received.get() + " bytes received, but only " + asCut.length
            + " ever arrived");
      } else {
        RegistryResponse put = steps.finishFrom(s.location(), received.get(), s.content()).orElseThrow();
        if (put.status() == 405) {
          unsupported = "continuing the session from its Range needs a further PATCH, which the registry does not"
              + " offer: " + put.requestLine() + " answered 405";
        } else if (put.status() != 201) {
          wrong.add("the session reported " + received.get() + " bytes received, but continuing from there did not"
              + " store the blob: the Range did not say what the session held:\n" + put.describe());
        }
      }
    }
    steps.notExactlyOrAbsent(repo, s.digest(), s.content()).ifPresent(wrong::add);
    if (registry.headBlob(repo, Digest.sha256(asCut)).status() == 200) {
      wrong.add("the bytes as they stood when the connection closed became the blob " + Digest.sha256(asCut));
    }
    wrong.addAll(sentinel.harm());
    if (!wrong.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the interrupted request%n  <%s>%nexpecting the session to"
          + " continue honestly from its Range, or be gone, and nothing else to change, but:%n  - %s", cut.describe(),
          String.join("\n  - ", wrong).replace("\n", "\n    ")));
    }
    if (unsupported != null) {
      Unsupported.because(unsupported + " (nothing of the interrupted request became visible)");
    }
  }

  private void malformedFromCase(String from) {
    String target = scenario.repository("mount");
    TestBlob layer = sentinelLayer();
    RegistryResponse mount = mount(target, layer.digest().toString(), from);
    record(target, layer.digest());
    BadRequestAnswer.to(mount, registry)
        .leavesNoBlob(target, layer.digest()).leaves(sentinel)
        .allowing(202, "the spec's answer to a mount the registry cannot perform: a plain upload session (R38)")
        .shouldBe(400, ErrorCode.NAME_INVALID)
        .verify();
  }

  /** POST ?mount=&from= with both values as given; a 202's session is abandoned. */
  private RegistryResponse mount(String target, String digest, String from) {
    RegistryResponse mount = registry.exchange("POST", "/v2/" + target + "/blobs/uploads/?mount="
        + java.net.URLEncoder.encode(digest, StandardCharsets.UTF_8) + "&from="
        + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8), Map.of(), new byte[0], UploadSteps.pushScope(target));
    if (mount.status() == 202) {
      UploadSessions.abandon(registry, mount);
    }
    return mount;
  }

  /** The session's Location with its repository {@code owner} replaced by this class's repository. */
  private String borrowed(String location, String owner) {
    String url = registry.resolve(location);
    String path = "/v2/" + owner + "/blobs/uploads/";
    if (!url.contains(path)) {
      Unsupported.because("the session's Location does not show its repository (" + location + "), so it cannot be"
          + " borrowed by another one");
    }
    return url.replace(path, "/v2/" + repo + "/blobs/uploads/");
  }

  /** The session of {@code other} still holds its first chunk only (or is gone), and nothing was stored there. */
  private List<String> untouched(UploadSteps.Chunked s, String other) {
    List<String> wrong = new ArrayList<>();
    steps.received(s.location(), "a request to its URL under another repository's name").filter(r -> r != s.chunk())
        .ifPresent(r -> wrong.add("the session of " + other + " now reports " + r + " bytes received instead of "
            + s.chunk() + ": the request under another name wrote into it"));
    return wrong;
  }

  private void cancel(String location) {
    RegistryResponse cancel = registry.cancelUpload(location);
    Unsupported.ifRegistryAnswers(cancel, "cancelling an upload", 405, 400);
    assertThat(cancel).as("DELETE that cancels the session")
        .hasStatusIn("the upload was cancelled (the spec's 204 is checked by push.upload.cancel)", 200, 202, 204);
  }

  private void assertNoHarm(List<String> wrong, RegistryResponse request) {
    if (!wrong.isEmpty()) {
      throw new AssertionError(String.format("%nAfter the bad request%n  <%s>%nanswered%n  %s%nexpecting the session"
          + " and earlier content unharmed, but:%n  - %s", request.requestLine(),
          request.describe().replace("\n", "\n    "), String.join("\n  - ", wrong).replace("\n", "\n    ")));
    }
  }

  private TestBlob sentinelLayer() {
    return sentinel.image().blobs().get(sentinel.image().blobs().size() - 1);
  }

  /** A sha256 digest of bytes nobody sends. */
  private static Digest claimedElsewhere() {
    return Digest.sha256(Content.newContent(2048));
  }

  private void record(Digest... digests) {
    for (Digest digest : digests) {
      scenario.cleanup().recordBlob(repo, digest);
    }
  }

  private void record(String repository, Digest digest) {
    scenario.cleanup().recordBlob(repository, digest);
  }

  private static byte[] md5(byte[] content) {
    try {
      return MessageDigest.getInstance("MD5").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is in every JDK", e);
    }
  }
}
