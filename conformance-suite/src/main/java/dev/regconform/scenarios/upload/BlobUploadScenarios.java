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
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.DigestAlgorithmSupport;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Blob uploads by other paths and digests (spec "Pushing blobs", end-4b, end-4c, end-6): the single POST, digests
 * that do not match or do not parse, sha512, the empty blob, the same blob twice.
 */
@RegistryConformance
@Tag("push")
@DisplayName("Blob uploads")
public class BlobUploadScenarios extends ScenarioSupport {

  /** POST, then one PATCH with {@code content}: returns the Location to close the session at. */
  private String patched(byte[] content) {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse patch = registry.patchUpload(location(post), content, range(0, content.length));
    assertThat(patch).as("PATCH of the whole blob").hasStatus(202);
    return location(patch);
  }

  /** HEAD and GET by {@code digest} serve exactly {@code content}. */
  private void assertStored(Digest digest, byte[] content) {
    Uploads.assertStored(registry, repo, digest, content);
  }

  /** The error table: "the registry will check that the content matches the digest provided by the client". */
  @Test
  @CheckId("push.digest.mismatch-streamed")
  @Covers({"R19"})
  void a_PUT_whose_digest_does_not_match_the_PATCHed_content_answers_400_DIGEST_INVALID_and_stores_nothing() {
    byte[] content = Content.newContent(2048);
    Digest claimed = Digest.sha256(Content.newContent(2048));
    RegistryResponse put = registry.completeUpload(patched(content), claimed, null);
    scenario.cleanup().recordBlob(repo, claimed);
    assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.DIGEST_INVALID);
    assertThat(registry.headBlob(repo, claimed)).as("HEAD by the digest the PUT claimed").hasStatus(404);
  }

  @Test
  @CheckId("push.digest.mismatch-monolithic")
  @Covers({"R19"})
  void a_monolithic_PUT_whose_digest_does_not_match_its_body_answers_400_DIGEST_INVALID_and_stores_nothing() {
    byte[] content = Content.newContent(2048);
    Digest claimed = Digest.sha256(Content.newContent(2048));
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(post), claimed, content);
    scenario.cleanup().recordBlob(repo, claimed);
    assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.DIGEST_INVALID);
    assertThat(registry.headBlob(repo, claimed)).as("HEAD by the digest the PUT claimed").hasStatus(404);
  }

  /** R19 (SHOULD): "invalid or unsupported" client digests are refused with 400; the error table's code is DIGEST_INVALID. */
  @Test
  @CheckId(value = "push.digest.malformed", level = Level.SHOULD)
  @Covers({"R19"})
  void a_PUT_with_a_malformed_digest_answers_400_DIGEST_INVALID() {
    RegistryResponse put = Uploads.putWithRawDigest(registry, repo, patched(Content.newContent(512)), "sha256:zzz");
    assertThat(put).hasStatus(400).hasErrorCode(ErrorCode.DIGEST_INVALID);
  }

  /** R19 (SHOULD): an algorithm the registry does not know; UNSUPPORTED is as fitting as DIGEST_INVALID. */
  @Test
  @CheckId(value = "push.digest.unknown-algorithm", level = Level.SHOULD)
  @Covers({"R19"})
  void a_PUT_with_a_digest_of_an_unknown_algorithm_answers_400() {
    RegistryResponse put = Uploads.putWithRawDigest(registry, repo, patched(Content.newContent(512)),
        "foo:" + Digest.sha256(Content.newContent(16)).hex());
    assertThat(put).hasStatus(400);
    Uploads.hasErrorCodeIn(put, ErrorCode.DIGEST_INVALID, ErrorCode.UNSUPPORTED);
  }

  /**
   * R77: sha512 content. The session is closed by a PUT without body (after a PATCH), so the answer is about the
   * digest alone. 400 DIGEST_INVALID or UNSUPPORTED is how a registry without sha512 says so (unsupported).
   * Docker-Content-Digest may be the registry's canonical (sha256) digest; it must be a digest of the bytes.
   */
  @Test
  @CheckId("push.sha512.blob")
  @Covers({"R77"})
  @RequiresFeature(Feature.SHA512)
  void a_blob_pushed_by_its_sha512_digest_is_served_by_that_digest() {
    byte[] content = Content.newContent(2048);
    Digest digest = Digest.sha512(content);
    RegistryResponse put = registry.completeUpload(patched(content), digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    DigestAlgorithmSupport.unsupportedIfRefused(put, DigestAlgorithm.SHA512);
    assertThat(put).hasStatus(201).hasLocationHeader();
    assertStored(digest, content);
  }

  /** R26 (end-4c): a client that pushes sha512 in chunks says so when it opens the session. */
  @Test
  @CheckId(value = "push.sha512.digest-algorithm", level = Level.SHOULD)
  @Covers({"R26", "R77"})
  @RequiresFeature(Feature.SHA512)
  void a_session_opened_with_digest_algorithm_sha512_completes_a_chunked_sha512_upload() {
    byte[] content = Content.newContent(2048);
    Digest digest = Digest.sha512(content);
    RegistryResponse post = registry.startUpload(repo, DigestAlgorithm.SHA512);
    DigestAlgorithmSupport.unsupportedIfRefused(post, DigestAlgorithm.SHA512);
    assertThat(post).hasStatus(202);
    RegistryResponse patch = registry.patchUpload(location(post), content, range(0, content.length));
    assertThat(patch).hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(patch), digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    DigestAlgorithmSupport.unsupportedIfRefused(put, DigestAlgorithm.SHA512);
    assertThat(put).hasStatus(201).hasLocationHeader();
    assertStored(digest, content);
  }

  /**
   * The empty blob (sha256:e3b0c442…) is a valid blob: an OCI empty layer, and what empty descriptors point to. Pushed
   * as docker pushes it (POST, a PATCH with no bytes, PUT), so the check is about the zero length and not about the
   * monolithic PUT, which push.blob.monolithic covers.
   */
  @Test
  @CheckId("push.blob.empty")
  @Covers({"R23", "R9", "R15"})
  void the_empty_blob_uploads_with_201_and_downloads_as_0_bytes() {
    byte[] empty = new byte[0];
    Digest digest = Digest.sha256(empty);
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    RegistryResponse patch = registry.patchUpload(location(post), empty, null);
    assertThat(patch).as("PATCH with no bytes").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(patch), digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigestIfPresent(digest);
    assertThat(registry.headBlob(repo, digest)).hasStatus(200).hasContentLength(0).hasContentDigest(digest);
    assertThat(registry.getBlob(repo, digest)).hasStatus(200).hasContentDigest(digest).hasBodyMatching(digest, 0);
  }

  /** Clients push blobs they did not HEAD first; a second upload of existing content must succeed the same way. */
  @Test
  @CheckId("push.blob.twice")
  @Covers({"R23"})
  void the_same_blob_uploaded_twice_answers_201_both_times_and_stays_intact() {
    byte[] content = Content.newContent(2048);
    Digest digest = Digest.sha256(content);
    RegistryResponse first = registry.completeUpload(patched(content), digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(first).as("first upload").hasStatus(201);
    RegistryResponse second = registry.completeUpload(patched(content), digest, null);
    assertThat(second).as("second upload of the same bytes").hasStatus(201).hasLocationHeader()
        .hasContentDigestIfPresent(digest);
    assertThat(registry.getLocation(location(second), List.of())).as("GET of the Location of the second upload")
        .hasStatus(200).hasBodyMatching(digest, content.length);
  }

  /**
   * R24 (MAY): the whole blob in the POST ({@code ?digest=}) → 201 with Location and Docker-Content-Digest. A 202 is
   * the spec's fallback for registries without it: unsupported (push.blob.single-post-fallback checks that session).
   */
  @Test
  @CheckId(value = "push.blob.single-post", level = Level.MAY)
  @Covers({"R24"})
  @RequiresFeature(Feature.MONOLITHIC_POST)
  void a_single_POST_with_digest_and_body_stores_the_blob_with_201() {
    byte[] content = Content.newContent(2048);
    Digest digest = Digest.sha256(content);
    RegistryResponse post = registry.uploadMonolithic(repo, digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    if (post.status() == 202) {
      post.header(Headers.LOCATION).ifPresent(l -> UploadSessions.abandon(registry, l));
      Unsupported.because("single-POST upload is not offered: " + post.requestLine() + " answered 202 (an upload session)");
    }
    assertThat(post).hasStatus(201).hasLocationHeader().hasContentDigest(digest);
    assertThat(registry.getLocation(location(post), List.of())).as("GET of the Location of the single POST")
        .hasStatus(200).hasBodyMatching(digest, content.length);
  }

  /**
   * R24 (SHOULD): a registry without single POST answers 202 with a Location, and that session takes the blob by the
   * POST-then-PUT path (the PUT with the whole blob, as the official suite's fallback does). A 201 passes at once.
   */
  @Test
  @CheckId(value = "push.blob.single-post-fallback", level = Level.SHOULD)
  @Covers({"R24", "R20", "R23"})
  void a_single_POST_that_is_not_offered_answers_202_with_a_session_that_completes_the_upload() {
    byte[] content = Content.newContent(2048);
    Digest digest = Digest.sha256(content);
    RegistryResponse post = registry.uploadMonolithic(repo, digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(post).hasStatusIn("201 stored, or 202: the fallback upload session", 201, 202);
    if (post.status() == 201) {
      assertThat(registry.headBlob(repo, digest)).as("HEAD of the blob the single POST stored").hasStatus(200);
      return;
    }
    RegistryResponse put = registry.completeUpload(location(post), digest, content);
    assertThat(put).as("PUT of the whole blob to the session the POST opened").hasStatus(201).hasLocationHeader();
    assertThat(registry.getLocation(location(put), List.of())).as("GET of the Location of the blob")
        .hasStatus(200).hasBodyMatching(digest, content.length);
  }
}
