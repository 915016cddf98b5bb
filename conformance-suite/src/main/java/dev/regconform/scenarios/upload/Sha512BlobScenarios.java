package dev.regconform.scenarios.upload;

import dev.regconform.scenarios.UploadSessions;
import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;
import static dev.regconform.scenarios.upload.Uploads.range;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.Deletion;
import dev.regconform.scenarios.DigestAlgorithmSupport;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The blob paths the official suite runs once per digest algorithm (its "sha512 blobs" group, H5–H18), with sha512
 * digests: single POST, POST then monolithic PUT, mount with and without {@code from}, Range requests, delete, the
 * empty blob, and a body that does not match its sha512 digest. push.sha512.blob and push.sha512.digest-algorithm
 * cover POST/PATCH/PUT, HEAD and GET.
 *
 * <p>As there, a 400 with DIGEST_INVALID or UNSUPPORTED to the first request that names a sha512 digest is how a
 * registry says it does not take sha512 (the spec: "invalid or unsupported digest"): the check ends unsupported. A
 * registry that takes sha512 must then handle it as it handles sha256. Docker-Content-Digest may be the registry's
 * canonical (sha256) digest; it must be a digest of the bytes.
 */
@RegistryConformance
@Tag("push")
@DisplayName("sha512 blobs: single POST, monolithic PUT, mount, ranges, delete, empty blob, wrong digest")
@RequiresFeature(Feature.SHA512)
public class Sha512BlobScenarios extends ScenarioSupport {
  private static final int SIZE = 2048;

  /**
   * Pushes {@code content} to {@code repository} by its sha512 digest as push.sha512.blob does (POST, PATCH, PUT
   * without body), for a check that needs it stored: unsupported when sha512 is refused, else it must be 201.
   */
  private Digest pushed(String repository, byte[] content) {
    Digest digest = Digest.sha512(content);
    RegistryResponse post = registry.startUpload(repository);
    assertThat(post).as("POST that opens the session for the sha512 blob").hasStatus(202);
    RegistryResponse patch = registry.patchUpload(location(post), content, range(0, content.length));
    assertThat(patch).as("PATCH of the sha512 blob").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(patch), digest, null);
    scenario.cleanup().recordBlob(repository, digest);
    DigestAlgorithmSupport.unsupportedIfRefused(put, DigestAlgorithm.SHA512);
    assertThat(put).as("PUT that stores the sha512 blob the check needs").hasStatus(201);
    return digest;
  }

  /** H5 with sha512. R24 (MAY): 201 with Location; a 202 is the fallback of a registry without single POST. */
  @Test
  @CheckId(value = "push.sha512.single-post", level = Level.MAY)
  @Covers({"R24", "R77"})
  @RequiresFeature(Feature.MONOLITHIC_POST)
  void a_single_POST_with_a_sha512_digest_stores_the_blob_with_201() {
    byte[] content = Content.newContent(SIZE);
    Digest digest = Digest.sha512(content);
    RegistryResponse post = registry.uploadMonolithic(repo, digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    DigestAlgorithmSupport.unsupportedIfRefused(post, DigestAlgorithm.SHA512);
    if (post.status() == 202) {
      post.header(Headers.LOCATION).ifPresent(l -> UploadSessions.abandon(registry, l));
      Unsupported.because("single-POST upload is not offered: " + post.requestLine() + " answered 202 (an upload session)");
    }
    assertThat(post).hasStatus(201).hasLocationHeader();
    Uploads.hasContentDigestOf(post, content);
    assertThat(registry.getLocation(location(post), List.of())).as("GET of the Location of the single POST")
        .hasStatus(200).hasBodyMatching(Digest.sha256(content), content.length)
        .hasBodyMatching(digest, content.length);
    Uploads.assertStored(registry, repo, digest, content);
  }

  /** H6 with sha512. R23: POST, then PUT ?digest=sha512:… with the whole blob → 201 with a Location that serves it. */
  @Test
  @CheckId("push.sha512.monolithic")
  @Covers({"R23", "R77"})
  void a_monolithic_PUT_with_a_sha512_digest_stores_the_blob_with_201() {
    byte[] content = Content.newContent(SIZE);
    Digest digest = Digest.sha512(content);
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(post), digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    DigestAlgorithmSupport.unsupportedIfRefused(put, DigestAlgorithm.SHA512);
    assertThat(put).hasStatus(201).hasLocationHeader();
    Uploads.hasContentDigestOf(put, content);
    assertThat(registry.getLocation(location(put), List.of())).as("GET of the Location of the blob")
        .hasStatus(200).hasBodyMatching(Digest.sha256(content), content.length)
        .hasBodyMatching(digest, content.length);
    Uploads.assertStored(registry, repo, digest, content);
  }

  /** H9 with sha512. R36: a sha512 blob mounts from another repository with 201; 202 means mount is not offered. */
  @Test
  @CheckId("push.sha512.mount-from")
  @Covers({"R36", "R77"})
  @RequiresFeature(Feature.MOUNT)
  void a_sha512_blob_mounted_from_another_repository_answers_201_and_is_served_by_the_target() {
    String source = scenario.repository("source");
    byte[] content = Content.newContent(SIZE);
    Digest digest = pushed(source, content);
    String target = scenario.configuration(Scenario.CROSSMOUNT_NAMESPACE).map(ns -> ns + "-sha512")
        .orElse(scenario.repository("from"));
    RegistryResponse mount = registry.mountBlob(target, digest, source);
    scenario.cleanup().recordBlob(target, digest);
    Uploads.unsupportedIfSessionInstead(registry, mount, "cross-repository mount of a sha512 blob");

    assertThat(mount).hasStatus(201).hasLocationHeader();
    Uploads.hasContentDigestOf(mount, content);
    assertThat(registry.getLocation(location(mount), List.of())).as("GET of the Location of the mounted blob")
        .hasStatus(200).hasBodyMatching(Digest.sha256(content), content.length)
        .hasBodyMatching(digest, content.length);
    Uploads.assertStored(registry, target, digest, content);
  }

  /** H10 with sha512. R37 (MAY): without {@code from}; 202 = not offered, or the pass with OCI_AUTOMATIC_CROSSMOUNT=0. */
  @Test
  @CheckId(value = "push.sha512.mount-automatic", level = Level.MAY)
  @Covers({"R37", "R77"})
  @RequiresFeature({Feature.MOUNT, Feature.AUTOMATIC_MOUNT})
  void a_sha512_blob_mounted_without_from_answers_201_and_is_served_by_the_target() {
    byte[] content = Content.newContent(SIZE);
    Digest digest = pushed(scenario.repository("automatic-source"), content);
    String target = scenario.configuration(Scenario.CROSSMOUNT_NAMESPACE).map(ns -> ns + "-sha512-automatic")
        .orElse(scenario.repository("automatic"));
    RegistryResponse mount = registry.mountBlob(target, digest, null);
    scenario.cleanup().recordBlob(target, digest);
    Optional<String> expected = scenario.configuration(Scenario.AUTOMATIC_MOUNT_EXPECT);
    if (expected.filter("202"::equals).isPresent()) {
      assertThat(mount).as("mount without from, expected 202 (OCI_AUTOMATIC_CROSSMOUNT=0)").hasStatus(202)
          .hasLocationHeader();
      UploadSessions.abandon(registry, location(mount));
      return;
    }
    if (expected.isEmpty()) {
      Uploads.unsupportedIfSessionInstead(registry, mount, "automatic mount (without from) of a sha512 blob");
    }
    assertThat(mount).hasStatus(201).hasLocationHeader();
    Uploads.assertStored(registry, target, digest, content);
  }

  /**
   * H16 with sha512. R12 (SHOULD): the satisfiable ranges of the official suite on a 2048-byte blob fetched by its
   * sha512 digest answer 206 with the exact slice and {@code Content-Range}; a 200 with the whole blob is the RFC
   * 9110 way of not offering ranges (unsupported). The unsatisfiable and reversed ones: blobs.range.sha512-unsatisfiable.
   */
  @Test
  @Tag("manifests")
  @CheckId(value = "blobs.range.sha512", level = Level.SHOULD)
  @Covers({"R12", "R77"})
  @RequiresFeature(Feature.RANGE_REQUESTS)
  void Range_requests_on_a_sha512_blob_answer_206_with_the_exact_slices() {
    byte[] content = Content.newContent(SIZE);
    Digest digest = pushed(repo, content);
    assertPartial(digest, content, "bytes=500-1499", 500, 1499);
    assertPartial(digest, content, "bytes=500-", 500, SIZE - 1);
    assertPartial(digest, content, "bytes=-500", SIZE - 500, SIZE - 1);
  }

  private void assertPartial(Digest digest, byte[] content, String range, int first, int last) {
    RegistryResponse get = registry.getBlobRange(repo, digest, range);
    unsupportedIfWholeBlob(get, range, content);
    byte[] expected = Arrays.copyOfRange(content, first, last + 1);
    assertThat(get).as("GET with Range: %s", range)
        .hasStatus(206)
        .hasHeader(Headers.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + content.length)
        .hasContentLength(expected.length)
        .hasBodyMatching(Digest.sha256(expected), expected.length);
  }

  private static void unsupportedIfWholeBlob(RegistryResponse get, String range, byte[] content) {
    if (get.status() == 200) {
      Unsupported.because("Range requests on blobs are not offered: " + get.requestLine() + " with Range: " + range
          + " answered 200 with " + get.body().length + " bytes (the whole blob is " + content.length + ")");
    }
  }

  /** H15 with sha512. R68, R69: DELETE → 202, then HEAD → 404; 400 or 405 means deletion is not offered. */
  @Test
  @Tag("delete")
  @CheckId("delete.blob.sha512.gone")
  @Covers({"R68", "R69", "R77"})
  @RequiresFeature(Feature.DELETE_BLOBS)
  void a_sha512_blob_deletes_with_202_and_then_answers_404_to_HEAD() {
    String repository = scenario.repository("delete");
    Digest digest = pushed(repository, Content.newContent(SIZE));
    RegistryResponse delete = registry.deleteBlob(repository, digest);
    Deletion.unsupportedIfRefused(delete, "blob deletion");
    assertThat(delete).hasStatus(202);
    assertThat(registry.headBlob(repository, digest)).as("HEAD of the sha512 blob after its deletion").hasStatus(404)
        .hasEmptyBody();
  }

  /**
   * H17 with sha512: the zero-byte blob by its sha512 digest (sha512:cf83e135…), pushed as docker pushes the empty
   * blob (POST, a PATCH with no bytes, PUT), then HEAD (size 0) and GET (no bytes).
   */
  @Test
  @CheckId("push.sha512.empty-blob")
  @Covers({"R23", "R9", "R15", "R77"})
  void the_empty_blob_uploads_by_its_sha512_digest_and_downloads_as_0_bytes() {
    byte[] empty = new byte[0];
    Digest digest = Digest.sha512(empty);
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse patch = registry.patchUpload(location(post), empty, null);
    assertThat(patch).as("PATCH with no bytes").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(patch), digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    DigestAlgorithmSupport.unsupportedIfRefused(put, DigestAlgorithm.SHA512);
    assertThat(put).hasStatus(201).hasLocationHeader();
    RegistryResponse head = registry.headBlob(repo, digest);
    assertThat(head).hasStatus(200).hasContentLength(0);
    Uploads.hasContentDigestOf(head, empty);
    assertThat(registry.getBlob(repo, digest)).hasStatus(200).hasBodyMatching(Digest.sha256(empty), 0)
        .hasBodyMatching(digest, 0);
  }

  /**
   * H18 with sha512. R19: a registry that takes sha512 digests verifies them: a monolithic PUT whose body (with "oh no"
   * appended, as the official suite does) does not match its sha512 digest answers 400 DIGEST_INVALID and stores
   * nothing. Whether the registry takes sha512 at all is asked first with another, correct blob.
   */
  @Test
  @CheckId("push.sha512.digest-mismatch")
  @Covers({"R19", "R77"})
  void a_PUT_whose_body_does_not_match_its_sha512_digest_answers_400_DIGEST_INVALID_and_stores_nothing() {
    pushed(repo, Content.newContent(512));
    byte[] original = Content.newContent(SIZE);
    Digest claimed = Digest.sha512(original);
    byte[] body = Content.tampered(original);
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(post), claimed, body);
    scenario.cleanup().recordBlob(repo, claimed);
    scenario.cleanup().recordBlob(repo, Digest.sha512(body));
    assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.DIGEST_INVALID);
    assertThat(registry.headBlob(repo, claimed)).as("HEAD by the sha512 digest the PUT claimed").hasStatus(404);
  }

  /**
   * H18's chunked and streamed variants with sha512. R19: the bytes of a session that was fed in a chunk (with
   * Content-Range) or streamed (without) and do not match the sha512 digest of the closing PUT answer 400
   * DIGEST_INVALID, and nothing is stored under that digest. Whether the registry takes sha512 is asked first.
   */
  @Test
  @CheckId("push.sha512.digest-mismatch-chunked")
  @Covers({"R19", "R28", "R77"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunked_or_streamed_upload_whose_bytes_do_not_match_its_sha512_digest_answers_400_DIGEST_INVALID() {
    pushed(repo, Content.newContent(512));
    for (String contentRange : Arrays.asList(range(0, SIZE + 5), null)) {
      byte[] original = Content.newContent(SIZE);
      Digest claimed = Digest.sha512(original);
      byte[] body = Content.tampered(original);
      RegistryResponse post = registry.startUpload(repo);
      assertThat(post).as("POST that opens the session").hasStatus(202);
      RegistryResponse patch = registry.patchUpload(location(post), body, contentRange);
      assertThat(patch).as(contentRange == null ? "PATCH streaming the bytes" : "PATCH of the bytes as one chunk")
          .hasStatus(202);
      RegistryResponse put = registry.completeUpload(location(patch), claimed, null);
      scenario.cleanup().recordBlob(repo, claimed);
      assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.DIGEST_INVALID);
      assertThat(registry.headBlob(repo, claimed)).as("HEAD by the sha512 digest the PUT claimed").hasStatus(404);
    }
  }

  /**
   * H7b with sha512. R29: in a session that will close with a sha512 digest, a chunk that skips ahead is refused with
   * 416 and changes nothing: the session goes on from where it stood and stores exactly the blob.
   */
  @Test
  @CheckId("push.sha512.chunk-out-of-order")
  @Covers({"R29", "R77"})
  @RequiresFeature(Feature.CHUNKED_UPLOAD)
  void a_chunk_that_skips_ahead_in_a_sha512_upload_answers_416_and_the_upload_still_completes() {
    pushed(repo, Content.newContent(512));
    byte[] content = Content.newContent(SIZE);
    Digest digest = Digest.sha512(content);
    int half = SIZE / 2;
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse first = registry.patchUpload(location(post), Uploads.slice(content, 0, half), range(0, half));
    assertThat(first).as("PATCH of the first half").hasStatus(202);
    RegistryResponse skipped = registry.patchUpload(location(first), Uploads.slice(content, half, SIZE),
        range(half + 100, SIZE - half));
    assertThat(skipped).as("PATCH that starts 100 bytes past where the session stands").hasStatus(416);
    RegistryResponse second = registry.patchUpload(location(first), Uploads.slice(content, half, SIZE),
        range(half, SIZE - half));
    assertThat(second).as("PATCH of the second half, in order").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(second), digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).hasStatus(201).hasLocationHeader();
    Uploads.assertStored(registry, repo, digest, content);
  }

  /**
   * H16's unsatisfiable and reversed ranges on a sha512 blob. R12 (SHOULD): {@code 5000-10000} on 2048 bytes answers
   * 416; {@code 500-0} is invalid, so ignored (200 with the whole blob) or answered 416 (RFC 9110 §14.2), never a part.
   */
  @Test
  @Tag("manifests")
  @CheckId(value = "blobs.range.sha512-unsatisfiable", level = Level.SHOULD)
  @Covers({"R12", "R77"})
  @RequiresFeature(Feature.RANGE_REQUESTS)
  void an_unsatisfiable_Range_on_a_sha512_blob_answers_416_and_a_reversed_one_no_part() {
    byte[] content = Content.newContent(SIZE);
    Digest digest = pushed(repo, content);
    RegistryResponse beyond = registry.getBlobRange(repo, digest, "bytes=5000-10000");
    unsupportedIfWholeBlob(beyond, "bytes=5000-10000", content);
    assertThat(beyond).as("GET with Range: bytes=5000-10000 of a %s-byte blob", SIZE).hasStatus(416);
    RegistryResponse reversed = registry.getBlobRange(repo, digest, "bytes=500-0");
    assertThat(reversed).hasStatusIn("RFC 9110 §14.2: an invalid range is ignored (200, the whole blob) or rejected "
        + "(416)", 200, 416);
    if (reversed.status() == 200) {
      assertThat(reversed).hasBodyMatching(Digest.sha256(content), SIZE).hasBodyMatching(digest, SIZE);
    }
  }

  /**
   * H11 with sha512. R38 (SHOULD): a mount of a sha512 digest no repository holds cannot succeed: 202 with an upload
   * session, never a 201 that would claim a blob nobody pushed.
   */
  @Test
  @CheckId(value = "push.sha512.mount-unknown", level = Level.SHOULD)
  @Covers({"R38", "R77"})
  @RequiresFeature(Feature.MOUNT)
  void mounting_a_sha512_digest_that_exists_nowhere_answers_202_with_an_upload_session() {
    String source = scenario.repository("unknown-source");
    pushed(source, Content.newContent(512));
    Digest nowhere = Digest.sha512(Content.newContent(SIZE));
    String target = scenario.repository("unknown-target");
    RegistryResponse mount = registry.mountBlob(target, nowhere, source);
    scenario.cleanup().recordBlob(target, nowhere);
    assertThat(mount).hasStatus(202).hasLocationHeader();
    UploadSessions.abandon(registry, location(mount));
    assertThat(registry.headBlob(target, nowhere)).as("HEAD of the digest the mount named").hasStatus(404);
  }
}
