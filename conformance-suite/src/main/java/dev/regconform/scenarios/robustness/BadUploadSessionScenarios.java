package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.robustness.UploadSteps.concat;
import static dev.regconform.scenarios.robustness.UploadSteps.range;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.LongRunning;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.UploadSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus, blob uploads, sessions: a request to a session that is closed, cancelled, or another
 * repository's must be refused and change nothing (see {@link BadUploadSupport} for what every case verifies).
 *
 * <table>
 * <caption>Cases (id {@code robustness.bad-upload.<case>})</caption>
 * <tr><th>Case</th><th>Request</th><th>Expected answer</th><th>Why</th></tr>
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
 * </table>
 */
@Tag("robustness")
@DisplayName("Bad input: blob uploads: sessions")
@LongRunning
public class BadUploadSessionScenarios extends BadUploadSupport {

  @Test
  @CheckId("robustness.bad-upload.session.patch-after-put")
  @Covers({"R87", "R33"})
  void a_PATCH_to_a_closed_session_is_refused_and_the_blob_it_stored_is_unchanged() {
    byte[] content = Content.newContent(1024);
    String location = steps.finished(repo, content);
    byte[] more = Content.newContent(256);
    RegistryResponse patch = registry.patchUpload(location, more, range(content.length, more.length));
    closedSessionCase(content, patch, Digest.sha256(concat(content, more)), Digest.sha256(more));
  }

  @Test
  @CheckId("robustness.bad-upload.session.put-twice")
  @Covers({"R87", "R33"})
  void a_second_PUT_to_a_closed_session_is_refused_and_the_blob_it_stored_is_unchanged() {
    byte[] content = Content.newContent(1024);
    String location = steps.finished(repo, content);
    byte[] other = Content.newContent(1024);
    RegistryResponse put = registry.completeUpload(location, Digest.sha256(other), other);
    closedSessionCase(content, put, Digest.sha256(other), Digest.sha256(concat(content, other)));
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
    borrowedSessionCase(s, other, put, Digest.sha256(s.chunk(1)));
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
    borrowedSessionCase(s, other, patch);
  }

  /**
   * After {@code request} to a session closed by storing {@code content}: the blob is still exactly {@code content},
   * the request was refused with 404, and none of the {@code neverStored} digests became a blob.
   */
  private void closedSessionCase(byte[] content, RegistryResponse request, Digest... neverStored) {
    record(neverStored);
    assertNoHarm(steps.notExactlyOrAbsent(repo, Digest.sha256(content), content).stream().toList(), request);
    assertThat(registry.headBlob(repo, Digest.sha256(content))).as("HEAD of the blob the session stored").hasStatus(200);
    BadRequestAnswer answer = BadRequestAnswer.to(request, registry);
    for (Digest digest : neverStored) {
      answer.leavesNoBlob(repo, digest);
    }
    answer.leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN)
        .verify();
  }

  /**
   * After {@code request} to the session {@code s} of {@code other} under this class's repository name: that session
   * is untouched, the request was refused, the blob is in neither repository (nor {@code alsoNotInOther} in
   * {@code other}); the session is abandoned.
   */
  private void borrowedSessionCase(UploadSteps.Chunked s, String other, RegistryResponse request,
      Digest... alsoNotInOther) {
    assertNoHarm(untouched(s, other), request);
    BadRequestAnswer answer = BadRequestAnswer.to(request, registry)
        .leavesNoBlob(repo, s.digest()).leavesNoBlob(other, s.digest());
    for (Digest digest : alsoNotInOther) {
      answer.leavesNoBlob(other, digest);
    }
    answer.leaves(sentinel)
        .shouldBe(404, ErrorCode.BLOB_UPLOAD_UNKNOWN, ErrorCode.BLOB_UPLOAD_INVALID)
        .verify();
    UploadSessions.abandon(registry, s.location());
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
}
