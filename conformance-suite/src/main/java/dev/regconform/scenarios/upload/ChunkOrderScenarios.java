package dev.regconform.scenarios.upload;

import dev.regconform.scenarios.UploadSessions;
import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;
import static dev.regconform.scenarios.upload.Uploads.range;
import static dev.regconform.scenarios.upload.Uploads.slice;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chunks out of order and malformed {@code Content-Range} headers (spec "Pushing a blob in chunks"): a chunk that
 * does not start right after the last byte received is refused with 416, whether it comes by PATCH or in the
 * closing PUT, and the session keeps what it had.
 */
@RegistryConformance
@Tag("push")
@DisplayName("Chunk order")
@RequiresFeature(Feature.CHUNKED_UPLOAD)
public class ChunkOrderScenarios extends ScenarioSupport {
  private static final int CHUNK = 1024;
  private static final int GAP = 16;

  /** A session, the chunk size to use in it, and a blob of three chunks. */
  private record Session(String location, int chunk, byte[] content) {
    byte[] chunk(int from) {
      return slice(content, from, from + chunk);
    }
  }

  private Session start() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    int chunk = Uploads.chunkSize(post, CHUNK);
    return new Session(location(post), chunk, Content.newContent(3 * chunk));
  }

  /** The first chunk, accepted: returns the Location the PATCH answered with. */
  private String firstChunkAccepted(Session s) {
    RegistryResponse patch = registry.patchUpload(s.location(), s.chunk(0), range(0, s.chunk()));
    assertThat(patch).as("PATCH of the first chunk").hasStatus(202);
    return location(patch);
  }

  /** G35: the first chunk of a session must start at byte 0. */
  @Test
  @CheckId("push.chunked.first-chunk-not-at-zero")
  @Covers({"R29", "R34"})
  void a_first_chunk_that_does_not_start_at_0_answers_416() {
    Session s = start();
    RegistryResponse patch = registry.patchUpload(s.location(), s.chunk(s.chunk()), range(s.chunk(), s.chunk()));
    assertThat(patch).hasStatus(416);
    UploadSessions.abandon(registry, s.location());
  }

  /** A chunk that skips bytes is refused, and the session still reports only what it received (H7b). */
  @Test
  @CheckId("push.chunked.skip-ahead")
  @Covers({"R29", "R32"})
  void a_chunk_that_skips_bytes_answers_416_and_leaves_the_session_as_it_was() {
    Session s = start();
    String location = firstChunkAccepted(s);
    int from = s.chunk() + GAP;
    RegistryResponse skip = registry.patchUpload(location, s.chunk(from), range(from, s.chunk()));
    assertThat(skip).hasStatus(416);

    RegistryResponse status = registry.uploadStatus(location);
    assertThat(status).as("GET of the session after the refused chunk")
        .hasStatus(204).hasHeader(Headers.RANGE, range(0, s.chunk()));
    UploadSessions.abandon(registry, location);
  }

  /** G37: resending the chunk already received overlaps it, so it is out of order too. */
  @Test
  @CheckId("push.chunked.resend")
  @Covers({"R29"})
  void resending_the_chunk_already_received_answers_416() {
    Session s = start();
    String location = firstChunkAccepted(s);
    RegistryResponse again = registry.patchUpload(location, s.chunk(0), range(0, s.chunk()));
    assertThat(again).hasStatus(416);
    UploadSessions.abandon(registry, location);
  }

  /** R31 (HEAD spec): the last chunk sent in the closing PUT must also be in order; nothing is stored. */
  @Test
  @CheckId("push.chunked.final-chunk-out-of-order")
  @Covers({"R31"})
  void a_last_chunk_out_of_order_in_the_closing_PUT_answers_416_and_stores_nothing() {
    Session s = start();
    String location = firstChunkAccepted(s);
    int from = s.chunk() + GAP;
    byte[] last = slice(s.content(), from, s.content().length);
    Digest digest = Digest.sha256(s.content());
    RegistryResponse put = Uploads.putFinalChunk(registry, repo, location, digest, last, range(from, last.length));
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).hasStatus(416);
    assertThat(registry.headBlob(repo, digest)).as("HEAD of the blob whose last chunk was refused").hasStatus(404);
    UploadSessions.abandon(registry, location);
  }

  /**
   * R34: the client MUST send {@code <start>-<end>} (no unit, no length). The spec does not say what the registry
   * does with anything else; the older text and the official suite's out-of-order rule point to refusing it with 416
   * (or 400). A SHOULD check, because appending a chunk whose range the registry could not read risks a corrupt blob
   * that only the digest check at the end catches.
   */
  @Test
  @CheckId(value = "push.chunked.content-range-with-unit", level = Level.SHOULD)
  @Covers({"R34"})
  void a_Content_Range_in_the_RFC_9110_response_syntax_is_refused_with_400_or_416() {
    assertMalformedRangeRefused(s -> "bytes 0-" + (s.chunk() - 1) + "/" + s.content().length);
  }

  /** R34, as {@code push.chunked.content-range-with-unit}: an end before the start. */
  @Test
  @CheckId(value = "push.chunked.content-range-reversed", level = Level.SHOULD)
  @Covers({"R34"})
  void a_Content_Range_whose_end_is_before_its_start_is_refused_with_400_or_416() {
    assertMalformedRangeRefused(s -> (s.chunk() - 1) + "-0");
  }

  /** R34, as {@code push.chunked.content-range-with-unit}: not a range at all. */
  @Test
  @CheckId(value = "push.chunked.content-range-garbage", level = Level.SHOULD)
  @Covers({"R34"})
  void a_Content_Range_that_is_not_a_range_is_refused_with_400_or_416() {
    assertMalformedRangeRefused(s -> "abc");
  }

  /**
   * R34, R25: a Content-Range that claims twice the bytes the PATCH carries (its Content-Length is right, so the
   * message itself is complete). The chunk's range and its length disagree, so the registry cannot tell which bytes
   * it got: 416 (the range cannot be accepted) or 400 (the error table's SIZE_INVALID, "provided length did not match
   * content length"). Accepting it and reporting the bytes actually received is what the other checks rule out for
   * ranges the registry cannot read: a SHOULD check, as they are.
   */
  @Test
  @CheckId(value = "push.chunked.content-range-longer-than-body", level = Level.SHOULD)
  @Covers({"R34", "R25"})
  void a_Content_Range_that_claims_more_bytes_than_the_PATCH_carries_is_refused_with_400_or_416() {
    assertMalformedRangeRefused(s -> range(0, 2L * s.chunk()));
  }

  private void assertMalformedRangeRefused(java.util.function.Function<Session, String> contentRange) {
    Session s = start();
    RegistryResponse patch = registry.patchUpload(s.location(), s.chunk(0), contentRange.apply(s));
    assertThat(patch).hasStatusIn("a malformed Content-Range is refused: 416 (out-of-order rule) or 400 (bad request)",
        400, 416);
    UploadSessions.abandon(registry, s.location());
  }
}
