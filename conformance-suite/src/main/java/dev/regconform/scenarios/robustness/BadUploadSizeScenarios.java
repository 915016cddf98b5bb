package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;
import static dev.regconform.scenarios.robustness.UploadSteps.slice;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.ShortBodyExchange;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads, sizes: a body that does not match its {@code Content-Length}, sent over a raw
 * socket, must store nothing (see {@link BadUploadSupport} for what every case verifies). RFC 9112 §8 lets the
 * registry close the connection on an incomplete message instead of answering.
 *
 * <table>
 * <caption>Cases (id {@code robustness.bad-upload.<case>})</caption>
 * <tr><th>Case</th><th>Request</th><th>Expected answer</th><th>Why</th></tr>
 * <tr><td>size.content-length-longer-than-body.put</td><td>PUT ?digest= Content-Length 2048, 1000 bytes, half-close</td>
 *     <td>400 SIZE_INVALID, or the connection closed</td><td>R25; RFC 9112 §8</td></tr>
 * <tr><td>size.content-length-longer-than-body.patch</td><td>PATCH Content-Length 2048, 1000 bytes, half-close;
 *     then PUT ?digest= of the 2048</td><td>400 SIZE_INVALID, or closed; the PUT refused</td><td>R25</td></tr>
 * <tr><td>size.content-length-shorter-than-body.put</td><td>PUT ?digest= of 2048 bytes, Content-Length 1000, 2048 sent</td>
 *     <td>400 DIGEST_INVALID (the message is its first 1000 bytes)</td><td>R25, R19</td></tr>
 * <tr><td>size.declared-far-larger</td><td>PUT ?digest= of 10 bytes, Content-Length 1 GiB, 10 sent, half-close</td>
 *     <td>400 SIZE_INVALID, or closed; the 10 bytes not stored</td><td>R25</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads: sizes")
@LongRunning
public class BadUploadSizeScenarios extends BadUploadSupport {
  private static final int DECLARED = 2048;
  private static final int SENT = 1000;

  @Test
  @CheckId("robustness.bad-upload.size.content-length-longer-than-body.put")
  @Covers({"R87", "R25"})
  void a_PUT_whose_body_ends_before_its_Content_Length_stores_nothing() {
    byte[] content = Content.newContent(DECLARED);
    byte[] sent = slice(content, 0, SENT);
    shortBodyPutCase(Digest.sha256(content), sent, DECLARED, List.of(Digest.sha256(content), Digest.sha256(sent)),
        ErrorCode.SIZE_INVALID);
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
    String location = opened();
    ShortBodyExchange patch = registry.patchUploadWithShortBody(location, sent, DECLARED);
    String next = patch.response().flatMap(r -> r.header(Headers.LOCATION)).orElse(location);
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
    shortBodyPutCase(Digest.sha256(content), content, SENT,
        List.of(Digest.sha256(content), Digest.sha256(slice(content, 0, SENT))),
        ErrorCode.DIGEST_INVALID, ErrorCode.SIZE_INVALID);
  }

  /** The 10 bytes that arrived have the digest the PUT names: only the incomplete message tells they are not a blob. */
  @Test
  @CheckId("robustness.bad-upload.size.declared-far-larger")
  @Covers({"R87", "R25"})
  void a_PUT_declaring_1_GiB_and_sending_10_bytes_does_not_store_the_10_bytes() {
    byte[] sent = Content.newContent(10);
    shortBodyPutCase(Digest.sha256(sent), sent, 1L << 30, List.of(Digest.sha256(sent)), ErrorCode.SIZE_INVALID);
  }

  /**
   * A fresh session closed by PUT {@code ?digest=named} with {@code body} sent under a Content-Length of
   * {@code declared}; none of the {@code neverStored} digests may become a blob.
   */
  private void shortBodyPutCase(Digest named, byte[] body, long declared, List<Digest> neverStored,
      ErrorCode... should) {
    record(neverStored.toArray(Digest[]::new));
    ShortBodyExchange put = registry.completeUploadWithShortBody(opened(), named, body, declared);
    BadRequestAnswer answer = BadRequestAnswer.to(put, registry);
    neverStored.forEach(digest -> answer.leavesNoBlob(repo, digest));
    answer.leaves(sentinel)
        .shouldBe(400, should)
        .verify();
  }

  /** POST (202) that opens a session; returns its Location. */
  private String opened() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    return location(post);
  }
}
