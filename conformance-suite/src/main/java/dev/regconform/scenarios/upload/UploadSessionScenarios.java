package dev.regconform.scenarios.upload;

import dev.regconform.scenarios.UploadSessions;
import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;

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
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import java.net.URI;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Upload sessions (spec "Pushing blobs", end-4a, end-5, end-6, end-13, end-14): the session a POST opens, and the
 * 404 {@code BLOB_UPLOAD_UNKNOWN} for sessions that never existed, were cancelled, or are finished.
 */
@RegistryConformance
@Tag("push")
@DisplayName("Upload sessions")
public class UploadSessionScenarios extends ScenarioSupport {

  /** R22: the Location may be absolute or relative; either way it must resolve, and GET on it is the session's status. */
  @Test
  @CheckId("push.upload.post.location")
  @Covers({"R20", "R22", "R32"})
  void POST_opens_a_session_with_202_and_a_Location_that_answers_GET_with_204() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).hasStatus(202);
    String location = location(post);
    Assertions.assertThatCode(() -> URI.create(registry.resolve(location)))
        .as("Location of %s is an absolute or relative URL: %s", post.requestLine(), location)
        .doesNotThrowAnyException();

    assertThat(registry.uploadStatus(location)).as("GET of the session's Location").hasStatus(204);
    UploadSessions.abandon(registry, location);
  }

  /**
   * R21: the spec has the Location carry the session's id; what a client can rely on is that each session gets its
   * own URL. A SHOULD check because the HEAD spec treats the Location as opaque and does not say what the id looks
   * like. {@code Docker-Upload-UUID} is optional (legacy); when present it must name the session its Location is for.
   */
  @Test
  @CheckId(value = "push.upload.post.session-id", level = Level.SHOULD)
  @Covers({"R21"})
  void two_POSTs_open_two_sessions_with_distinct_Locations_that_carry_their_id() {
    RegistryResponse first = registry.startUpload(repo);
    RegistryResponse second = registry.startUpload(repo);
    assertThat(first).hasStatus(202);
    assertThat(second).hasStatus(202);
    String a = location(first);
    String b = location(second);

    Assertions.assertThat(a).as("Locations of two sessions opened by %s", first.requestLine()).isNotEqualTo(b);
    for (RegistryResponse post : new RegistryResponse[] {first, second}) {
      Optional<String> uuid = post.header(Headers.DOCKER_UPLOAD_UUID);
      uuid.ifPresent(id -> Assertions.assertThat(location(post))
          .as("Location of %s contains its Docker-Upload-UUID %s", post.requestLine(), id).contains(id));
    }
    UploadSessions.abandon(registry, a);
    UploadSessions.abandon(registry, b);
  }

  /**
   * The Location of a real session with its id replaced by a random UUID. The HEAD spec makes the Location opaque,
   * so a registry that signs it (Distribution's {@code _state}) may call a made-up one invalid rather than unknown:
   * 404 with {@code BLOB_UPLOAD_UNKNOWN} or {@code BLOB_UPLOAD_INVALID} both tell the client to start over.
   */
  @Test
  @CheckId("push.upload.unknown-session.get")
  @Covers({"R33"})
  void GET_of_an_upload_session_that_does_not_exist_answers_404_BLOB_UPLOAD_UNKNOWN() {
    RegistryResponse status = registry.uploadStatus(Uploads.unknownSession(registry.startUpload(repo)));
    assertThat(status).hasStatus(404);
    Uploads.hasErrorCodeIn(status, ErrorCode.BLOB_UPLOAD_UNKNOWN, ErrorCode.BLOB_UPLOAD_INVALID);
  }

  /** As {@code push.upload.unknown-session.get}, for a chunk sent to the made-up session. */
  @Test
  @CheckId("push.upload.unknown-session.patch")
  @Covers({"R33"})
  void PATCH_to_an_upload_session_that_does_not_exist_answers_404_BLOB_UPLOAD_UNKNOWN() {
    byte[] chunk = Content.newContent(512);
    RegistryResponse patch = registry.patchUpload(Uploads.unknownSession(registry.startUpload(repo)), chunk,
        Uploads.range(0, chunk.length));
    assertThat(patch).hasStatus(404);
    Uploads.hasErrorCodeIn(patch, ErrorCode.BLOB_UPLOAD_UNKNOWN, ErrorCode.BLOB_UPLOAD_INVALID);
  }

  /** As {@code push.upload.unknown-session.get}, for a closing PUT with the whole blob; nothing may be stored. */
  @Test
  @CheckId("push.upload.unknown-session.put")
  @Covers({"R33"})
  void PUT_to_an_upload_session_that_does_not_exist_answers_404_BLOB_UPLOAD_UNKNOWN_and_stores_nothing() {
    byte[] content = Content.newContent(512);
    Digest digest = Digest.sha256(content);
    RegistryResponse put = registry.completeUpload(Uploads.unknownSession(registry.startUpload(repo)), digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).hasStatus(404);
    Uploads.hasErrorCodeIn(put, ErrorCode.BLOB_UPLOAD_UNKNOWN, ErrorCode.BLOB_UPLOAD_INVALID);
    assertThat(registry.headBlob(repo, digest)).as("HEAD of the blob PUT to the made-up session").hasStatus(404);
  }

  /** R35 (SHOULD): DELETE of the session's Location cancels the upload with 204; 405 (or 400 UNSUPPORTED) = not offered. */
  @Test
  @CheckId(value = "push.upload.cancel", level = Level.SHOULD)
  @Covers({"R35"})
  @RequiresFeature(Feature.UPLOAD_CANCEL)
  void DELETE_of_an_upload_session_cancels_it_with_204() {
    String location = sessionWithData();
    RegistryResponse cancel = registry.cancelUpload(location);
    Unsupported.ifRegistryAnswers(cancel, "cancelling an upload", 405, 400);
    assertThat(cancel).hasStatus(204);
  }

  @Test
  @CheckId("push.upload.cancelled-session.get")
  @Covers({"R33", "R35"})
  @RequiresFeature(Feature.UPLOAD_CANCEL)
  void GET_of_a_cancelled_upload_session_answers_404_BLOB_UPLOAD_UNKNOWN() {
    RegistryResponse status = registry.uploadStatus(cancelledSession());
    assertThat(status).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UPLOAD_UNKNOWN);
  }

  @Test
  @CheckId("push.upload.cancelled-session.patch")
  @Covers({"R33", "R35"})
  @RequiresFeature(Feature.UPLOAD_CANCEL)
  void PATCH_to_a_cancelled_upload_session_answers_404_BLOB_UPLOAD_UNKNOWN() {
    String location = cancelledSession();
    byte[] chunk = Content.newContent(256);
    RegistryResponse patch = registry.patchUpload(location, chunk, Uploads.range(256, chunk.length));
    assertThat(patch).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UPLOAD_UNKNOWN);
  }

  @Test
  @CheckId("push.upload.cancelled-session.put")
  @Covers({"R33", "R35"})
  @RequiresFeature(Feature.UPLOAD_CANCEL)
  void PUT_to_a_cancelled_upload_session_answers_404_BLOB_UPLOAD_UNKNOWN_and_stores_nothing() {
    byte[] content = Content.newContent(512);
    Digest digest = Digest.sha256(content);
    RegistryResponse put = registry.completeUpload(cancelledSession(), digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UPLOAD_UNKNOWN);
    assertThat(registry.headBlob(repo, digest)).as("HEAD of the blob PUT to the cancelled session").hasStatus(404);
  }

  @Test
  @CheckId("push.upload.finished-session.get")
  @Covers({"R33"})
  void GET_of_a_finished_upload_session_answers_404_BLOB_UPLOAD_UNKNOWN() {
    RegistryResponse status = registry.uploadStatus(finishedSession());
    assertThat(status).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UPLOAD_UNKNOWN);
  }

  @Test
  @CheckId("push.upload.finished-session.patch")
  @Covers({"R33"})
  void PATCH_to_a_finished_upload_session_answers_404_BLOB_UPLOAD_UNKNOWN() {
    String location = finishedSession();
    byte[] chunk = Content.newContent(256);
    RegistryResponse patch = registry.patchUpload(location, chunk, Uploads.range(1024, chunk.length));
    assertThat(patch).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UPLOAD_UNKNOWN);
  }

  /** Closing a session twice: the second PUT (another blob, to make a silent success visible) finds no session. */
  @Test
  @CheckId("push.upload.finished-session.put")
  @Covers({"R33"})
  void PUT_to_a_finished_upload_session_answers_404_BLOB_UPLOAD_UNKNOWN_and_stores_nothing() {
    String location = finishedSession();
    byte[] content = Content.newContent(512);
    Digest digest = Digest.sha256(content);
    RegistryResponse put = registry.completeUpload(location, digest, content);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UPLOAD_UNKNOWN);
    assertThat(registry.headBlob(repo, digest)).as("HEAD of the blob PUT to the finished session").hasStatus(404);
  }

  /** POST, then one PATCH with a chunk: a session that holds data. Returns the Location the PATCH answered with. */
  private String sessionWithData() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    byte[] chunk = Content.newContent(256);
    RegistryResponse patch = registry.patchUpload(location(post), chunk, Uploads.range(0, chunk.length));
    assertThat(patch).as("PATCH of the first chunk").hasStatus(202);
    return location(patch);
  }

  /** A session that held data and was cancelled; any 2xx for the DELETE is taken as cancelled (the 204 is checked apart). */
  private String cancelledSession() {
    String location = sessionWithData();
    RegistryResponse cancel = registry.cancelUpload(location);
    Unsupported.ifRegistryAnswers(cancel, "cancelling an upload", 405, 400);
    assertThat(cancel).as("DELETE that cancels the session")
        .hasStatusIn("the upload was cancelled (the spec's 204 is checked by push.upload.cancel)", 200, 202, 204);
    return location;
  }

  /** A session closed by PUT ?digest= (201); returns the Location that PUT was sent to. */
  private String finishedSession() {
    RegistryResponse post = registry.startUpload(repo);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    byte[] content = Content.newContent(1024);
    Digest digest = Digest.sha256(content);
    RegistryResponse patch = registry.patchUpload(location(post), content, Uploads.range(0, content.length));
    assertThat(patch).as("PATCH of the whole blob").hasStatus(202);
    String location = location(patch);
    RegistryResponse put = registry.completeUpload(location, digest, null);
    scenario.cleanup().recordBlob(repo, digest);
    assertThat(put).as("PUT that closes the session").hasStatus(201);
    return location;
  }
}
