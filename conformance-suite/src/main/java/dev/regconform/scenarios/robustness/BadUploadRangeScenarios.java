package dev.regconform.scenarios.robustness;

import static dev.regconform.scenarios.robustness.UploadSteps.concat;
import static dev.regconform.scenarios.robustness.UploadSteps.range;
import static dev.regconform.scenarios.robustness.UploadSteps.slice;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.model.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads, Content-Range: a chunk whose Content-Range cannot be read, or does not follow
 * what the session holds, must leave the session honest (see {@link BadUploadSupport} for what every case verifies).
 *
 * <table>
 * <caption>Cases (id {@code robustness.bad-upload.<case>})</caption>
 * <tr><th>Case</th><th>Request</th><th>Expected answer</th><th>Why</th></tr>
 * <tr><td>content-range.no-dash / negative / non-numeric / huge</td><td>first PATCH, the whole 2048-byte blob,
 *     with Content-Range {@code 02047}, {@code -2048--1}, {@code 0x0-0x7ff}, {@code 0-<30 nines>}</td><td>416 or 400
 *     (SHOULD: acceptance is a warning); the session honest afterwards</td><td>R34: the client MUST send
 *     &lt;start&gt;-&lt;end&gt;; no rule for the registry</td></tr>
 * <tr><td>content-range.overlap</td><td>second chunk re-sends the last 512 bytes of the first</td><td>416</td>
 *     <td>R29</td></tr>
 * <tr><td>content-range.gap</td><td>second chunk starts 16 bytes after the first ends</td><td>416</td><td>R29</td></tr>
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads: Content-Range")
@LongRunning
public class BadUploadRangeScenarios extends BadUploadSupport {
  private static final String CONTENT_RANGE_TOLERATED = "R34 binds the client; the spec gives the registry no rule "
      + "for a Content-Range it cannot read";

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
    outOfOrderChunkCase(chunk -> chunk / 2, "the overlapping chunk");
  }

  /** R29: a chunk that skips bytes is out of order; appended, the blob would miss them. */
  @Test
  @CheckId("robustness.bad-upload.content-range.gap")
  @Covers({"R87", "R29", "R32"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_that_leaves_a_gap_is_refused_with_416_and_leaves_an_honest_session() {
    outOfOrderChunkCase(chunk -> chunk + 16, "the chunk after a gap");
  }

  /**
   * The first PATCH of a session, carrying the whole blob with a malformed Content-Range (from its length). Accepting
   * it is a warning (the spec has no rule for the registry); either way the session must be honest afterwards.
   */
  private void malformedRangeCase(IntFunction<String> contentRange) {
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
   * After the first chunk, a PATCH of the rest of the blob from the byte {@code start} makes of the chunk size, with
   * its Content-Range: any start but the chunk size is out of order (416), and what the session would hold if it
   * appended the bytes may not become a blob.
   */
  private void outOfOrderChunkCase(IntUnaryOperator start, String what) {
    UploadSteps.Chunked s = steps.firstChunkSent(repo, 2);
    int from = start.applyAsInt(s.chunk());
    byte[] rest = slice(s.content(), from, s.content().length);
    RegistryResponse patch = registry.patchUpload(s.location(), rest, range(from, rest.length));
    byte[] corrupt = concat(s.chunk(0), rest);
    record(Digest.sha256(corrupt));
    List<String> session = honestSessionAfter(s, s.chunk(), patch, what);
    BadRequestAnswer.to(patch, registry)
        .leavesNoBlob(repo, Digest.sha256(corrupt)).leaves(sentinel)
        .shouldBe(416)
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
}
