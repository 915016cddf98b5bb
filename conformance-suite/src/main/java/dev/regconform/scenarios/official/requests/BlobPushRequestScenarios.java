package dev.regconform.scenarios.official.requests;

import dev.regconform.scenarios.UploadSessions;
import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import dev.regconform.scenarios.management.ErrorBodies;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Blob pushes of the official suite that no other check sends: a single POST whose body does not match its digest
 * (H18 "post only"), the empty JSON blob {@code {}} (H17), and a mount without {@code from} of a digest that exists
 * nowhere (G41).
 */
@Tag("push")
@DisplayName("Blob pushes: single POST with a wrong digest, the empty JSON blob, mount of nothing")
public class BlobPushRequestScenarios extends ScenarioSupport {
  /** The empty JSON object of the image spec ({@code application/vnd.oci.empty.v1+json}): two bytes. */
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.US_ASCII);



  /**
   * R19, R24: a single POST {@code ?digest=D} whose body is not D's content (the official suite appends "oh no") must
   * not store it: 400 DIGEST_INVALID. A registry without single POST answers 202 and opens a session (R24's fallback):
   * then the body must not have been stored under D either, and the check ends unsupported, as the official suite's
   * H18 records it.
   */
  @Test
  @CheckId("push.digest.mismatch-single-post")
  @Covers({"R19", "R24"})
  @RequiresFeature(Feature.MONOLITHIC_POST)
  void a_single_POST_whose_body_does_not_match_its_digest_answers_400_DIGEST_INVALID_and_stores_nothing() {
    byte[] original = Content.newContent(2048);
    Digest claimed = Digest.sha256(original);
    byte[] body = Content.tampered(original);
    RegistryResponse post = registry.uploadMonolithic(repo, claimed, body);
    scenario.cleanup().recordBlob(repo, claimed);
    scenario.cleanup().recordBlob(repo, Digest.sha256(body));
    assertThat(post).hasStatusIn("400 DIGEST_INVALID, or 202: single POST is not offered and an upload session opens",
        400, 202);
    assertThat(registry.headBlob(repo, claimed)).as("HEAD by the digest the single POST claimed").hasStatus(404);
    if (post.status() == 202) {
      UploadSessions.abandon(registry, post);
      Unsupported.because("single-POST upload is not offered: " + post.requestLine() + " answered 202 (an upload"
          + " session) and stored nothing under " + claimed);
    }
    assertThat(post).hasErrorCode(ErrorCode.DIGEST_INVALID);
    ErrorBodies.assertConforms(post);
  }

  /**
   * R23, R9, R13, R15: the empty JSON blob is the config of every artifact and the layer of many; like any blob it
   * uploads with 201, HEADs with its size (2) and digest, and downloads as exactly those two bytes.
   */
  @Test
  @CheckId("push.blob.empty-json")
  @Covers({"R23", "R9", "R13", "R15"})
  void the_empty_JSON_blob_uploads_with_201_and_downloads_as_its_2_bytes() {
    Digest digest = Digest.sha256(EMPTY_JSON);
    RegistryResponse put = scenario.pusher().pushBytes(repo, EMPTY_JSON);
    assertThat(put).hasStatus(201).hasLocationHeader().hasContentDigestIfPresent(digest);
    assertThat(registry.headBlob(repo, digest)).hasStatus(200).hasContentLength(EMPTY_JSON.length)
        .hasContentDigest(digest).hasEmptyBody();
    assertThat(registry.getBlob(repo, digest)).hasStatus(200).hasContentDigest(digest)
        .hasBodyMatching(digest, EMPTY_JSON.length);
  }

  /**
   * R38 (SHOULD), R20: a mount without {@code from} of a digest no repository holds cannot be performed, automatic
   * mount or not, so the registry answers 202 with an upload session, and the blob does not appear (G41).
   */
  @Test
  @CheckId(value = "push.mount.unknown-blob-without-from", level = Level.SHOULD)
  @Covers({"R38", "R20"})
  @RequiresFeature(Feature.MOUNT)
  void mounting_without_from_a_blob_that_exists_nowhere_answers_202_with_an_upload_session() {
    String target = scenario.repository("mount-nothing");
    Digest nowhere = Digest.sha256(Content.newContent(1024));
    RegistryResponse mount = registry.mountBlob(target, nowhere, null);
    scenario.cleanup().recordBlob(target, nowhere);
    try {
      assertThat(mount).hasStatus(202).hasLocationHeader();
      assertThat(registry.headBlob(target, nowhere))
          .as("HEAD of the blob after a mount of a digest that exists nowhere").hasStatus(404);
    } finally {
      if (mount.status() == 202) {
        UploadSessions.abandon(registry, mount);
      }
    }
  }
}
