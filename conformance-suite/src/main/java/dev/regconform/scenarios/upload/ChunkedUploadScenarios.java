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
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pushing a blob in chunks (spec "Pushing a blob in chunks", end-5, end-6, end-13): PATCH with {@code Content-Range},
 * the {@code Range} echo, the status GET, and the two ways to close the session.
 *
 * <p>The spec makes chunked upload part of the push workflow with MUSTs throughout and lists no answer for "chunks
 * not supported" (end-5 fails only with 404 or 416; a registry that wants bigger chunks says so with
 * {@code OCI-Chunk-Min-Length}, which these checks honour). So a 405 {@code UNSUPPORTED} to a second chunk is a
 * failure here, not an absent optional feature; {@code --disable chunked-upload} turns these checks off.
 */
@RegistryConformance
@Tag("push")
@DisplayName("Chunked uploads")
@RequiresFeature(Feature.CHUNKED_UPLOAD)
public class ChunkedUploadScenarios extends ScenarioSupport {
  private static final int FIRST_CHUNK = 1024;
  private static final int LAST_CHUNK = 1500;

  /** A session and the blob for it: the first chunk is {@code first} bytes, the rest is the last chunk. */
  private record Upload(String location, byte[] content, int first) {
    Digest digest() {
      return Digest.sha256(content);
    }

    byte[] firstChunk() {
      return slice(content, 0, first);
    }

    byte[] lastChunk() {
      return slice(content, first, content.length);
    }
  }

  private Upload start() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    int first = Uploads.chunkSize(post, FIRST_CHUNK);
    return new Upload(location(post), Content.newContent(first + LAST_CHUNK), first);
  }

  private RegistryResponse patchFirst(Upload upload) {
    return registry.patchUpload(upload.location(), upload.firstChunk(), range(0, upload.first()));
  }

  private RegistryResponse patchLast(String location, Upload upload) {
    return registry.patchUpload(location, upload.lastChunk(), range(upload.first(), upload.content().length - upload.first()));
  }

  @Test
  @CheckId("push.chunked.first-chunk")
  @Covers({"R28"})
  void the_first_chunk_answers_202_with_a_Location_and_Range_0_to_its_last_byte() {
    Upload upload = start();
    RegistryResponse patch = patchFirst(upload);
    assertThat(patch).hasStatus(202).hasLocationHeader().hasHeader(Headers.RANGE, range(0, upload.first()));
    UploadSessions.abandon(registry, location(patch));
  }

  @Test
  @CheckId("push.chunked.second-chunk")
  @Covers({"R28"})
  void the_second_chunk_answers_202_with_a_Location_and_Range_0_to_the_last_byte_received() {
    Upload upload = start();
    RegistryResponse first = patchFirst(upload);
    assertThat(first).as("PATCH of the first chunk").hasStatus(202);
    RegistryResponse second = patchLast(location(first), upload);
    assertThat(second).hasStatus(202).hasLocationHeader().hasHeader(Headers.RANGE, range(0, upload.content().length));
    UploadSessions.abandon(registry, location(second));
  }

  @Test
  @CheckId("push.chunked.status")
  @Covers({"R32"})
  void GET_of_the_session_after_a_chunk_answers_204_with_a_Location_and_the_Range_received() {
    Upload upload = start();
    RegistryResponse patch = patchFirst(upload);
    assertThat(patch).as("PATCH of the first chunk").hasStatus(202);
    RegistryResponse status = registry.uploadStatus(location(patch));
    assertThat(status).hasStatus(204).hasLocationHeader().hasHeader(Headers.RANGE, range(0, upload.first()));
    UploadSessions.abandon(registry, location(status));
  }

  @Test
  @CheckId("push.chunked.close-without-body")
  @Covers({"R28", "R30", "R23"})
  void two_chunks_closed_by_a_PUT_without_body_store_the_blob_under_its_digest() {
    Upload upload = start();
    RegistryResponse first = patchFirst(upload);
    assertThat(first).as("PATCH of the first chunk").hasStatus(202);
    RegistryResponse second = patchLast(location(first), upload);
    assertThat(second).as("PATCH of the last chunk").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(second), upload.digest(), null);
    scenario.cleanup().recordBlob(repo, upload.digest());
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigestIfPresent(upload.digest());
    assertStored(upload, put);
  }

  @Test
  @CheckId("push.chunked.final-chunk-in-put")
  @Covers({"R30", "R23"})
  void the_last_chunk_sent_in_the_closing_PUT_with_its_Content_Range_completes_the_blob() {
    Upload upload = start();
    RegistryResponse first = patchFirst(upload);
    assertThat(first).as("PATCH of the first chunk").hasStatus(202);
    RegistryResponse put = Uploads.putFinalChunk(registry, repo, location(first), upload.digest(), upload.lastChunk(),
        range(upload.first(), upload.content().length - upload.first()));
    scenario.cleanup().recordBlob(repo, upload.digest());
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigestIfPresent(upload.digest());
    assertStored(upload, put);
  }

  /**
   * R32: "the {@code <location>} refers to the URL obtained from any preceding POST or PATCH request", so the
   * Location the POST gave still answers the status GET after a chunk was received — and reports that chunk.
   */
  @Test
  @CheckId("push.chunked.status-at-earlier-location")
  @Covers({"R32"})
  void GET_of_the_Location_the_POST_gave_reports_the_chunks_received_since() {
    Upload upload = start();
    RegistryResponse patch = patchFirst(upload);
    assertThat(patch).as("PATCH of the first chunk").hasStatus(202);
    RegistryResponse status = registry.uploadStatus(upload.location());
    assertThat(status).hasStatus(204).hasLocationHeader().hasHeader(Headers.RANGE, range(0, upload.first()));
    UploadSessions.abandon(registry, location(status));
  }

  /**
   * A push interrupted after its first chunk (the second never arrived) resumes: the client asks the session where
   * it stands, continues right after the {@code Range} end at the Location the status gave, and closes.
   */
  @Test
  @CheckId("push.chunked.resume")
  @Covers({"R32", "R28", "R30"})
  void an_interrupted_upload_resumes_from_the_Range_the_status_GET_reports() {
    Upload upload = start();
    RegistryResponse first = patchFirst(upload);
    assertThat(first).as("PATCH of the first chunk").hasStatus(202);

    RegistryResponse status = registry.uploadStatus(location(first));
    assertThat(status).hasStatus(204).hasHeader(Headers.RANGE, range(0, upload.first()));
    int resumeAt = Integer.parseInt(status.header(Headers.RANGE).orElseThrow().split("-")[1]) + 1;
    byte[] rest = slice(upload.content(), resumeAt, upload.content().length);
    RegistryResponse patch = registry.patchUpload(location(status), rest, range(resumeAt, rest.length));
    assertThat(patch).hasStatus(202).hasHeader(Headers.RANGE, range(0, upload.content().length));
    RegistryResponse put = registry.completeUpload(location(patch), upload.digest(), null);
    scenario.cleanup().recordBlob(repo, upload.digest());
    assertThat(put).hasStatus(201).hasLocationHeader();
    assertStored(upload, put);
  }

  /**
   * R27 (SHOULD): "If the registry has a minimum chunk size, the POST response SHOULD include OCI-Chunk-Min-Length".
   * When the header is there it must be a positive integer, and chunks of exactly that size must do; when it is not,
   * the registry has no minimum, so 1 KiB chunks must do. Either way the blob goes in two such chunks and a final
   * one of 100 bytes (the final chunk "MAY have any length"). A registry that refuses one of these chunks without
   * having announced a minimum gets the warning (push.chunked.* fail on that as well, for other reasons).
   */
  @Test
  @CheckId(value = "push.chunked.min-length", level = Level.SHOULD)
  @Covers({"R27", "R28"})
  void chunks_of_the_announced_OCI_Chunk_Min_Length_or_of_1_KiB_without_one_complete_an_upload() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    Optional<String> announced = post.header(Headers.OCI_CHUNK_MIN_LENGTH);
    announced.ifPresent(value -> Assertions.assertThat(value.trim())
        .as("%s of%n  %s%nis a positive integer (a size in bytes)", Headers.OCI_CHUNK_MIN_LENGTH, post.describe())
        .matches("[0-9]+").isNotEqualTo("0").matches(v -> v.length() < 10, "below 1 GB"));
    int chunk = announced.map(v -> Integer.parseInt(v.trim())).orElse(FIRST_CHUNK);
    String because = announced.map(v -> "the registry announced " + Headers.OCI_CHUNK_MIN_LENGTH + ": " + v)
        .orElse("the registry announced no " + Headers.OCI_CHUNK_MIN_LENGTH + ", so it has no minimum");
    byte[] content = Content.newContent(2 * chunk + 100);
    Digest digest = Digest.sha256(content);

    String location = location(post);
    for (int start = 0; start < content.length; start += chunk) {
      byte[] piece = slice(content, start, Math.min(content.length, start + chunk));
      RegistryResponse patch = registry.patchUpload(location, piece, range(start, piece.length));
      assertThat(patch).as("PATCH of %d bytes at %d (%s)", piece.length, start, because).hasStatus(202)
          .hasHeader(Headers.RANGE, range(0, start + piece.length));
      location = location(patch);
    }
    RegistryResponse put = registry.completeUpload(location, digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).as("PUT that closes the session (%s)", because).hasStatus(201).hasLocationHeader();
    assertThat(registry.getBlob(repo, digest)).hasStatus(200).hasBodyMatching(digest, content.length);
  }

  /** HEAD shows the size and digest; the blob and the Location the PUT returned serve exactly the bytes sent. */
  private void assertStored(Upload upload, RegistryResponse put) {
    assertThat(registry.headBlob(repo, upload.digest()))
        .hasStatus(200).hasContentLength(upload.content().length).hasContentDigest(upload.digest());
    assertThat(registry.getLocation(location(put), List.of()))
        .as("GET of the Location returned for the blob")
        .hasStatus(200).hasBodyMatching(upload.digest(), upload.content().length);
  }
}
