package dev.regconform.scenarios.upload;

import dev.regconform.scenarios.UploadSessions;
import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;
import static dev.regconform.scenarios.upload.Uploads.range;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mounting a blob from another repository (spec "Mounting a blob from another repository", end-11): with
 * {@code from}, without it (automatic), and the 202 upload session a registry answers when it cannot mount.
 * Every check mounts into a repository of its own, so no check sees another's mount.
 */
@RegistryConformance
@Tag("push")
@DisplayName("Cross-repository mounts")
public class MountScenarios {

  private Scenario scenario;
  private RegistryClient registry;
  private String source;
  private String other;
  private TestBlob blob;
  private byte[] content;

  /** One blob in the source repository; another repository that exists but does not hold it. */
  @BeforeAll
  void pushSourceBlob(Scenario scenario) {
    this.scenario = scenario;
    this.registry = scenario.client();
    this.source = scenario.repository("source");
    this.other = scenario.repository("other");
    this.blob = scenario.newImage(2048).layers().get(0);
    this.content = blob.readAllBytes();
    scenario.pusher().pushBlob(source, blob);
    scenario.pusher().pushBlob(other, scenario.newImage(512).layers().get(0));
  }

  /**
   * R11, R16: "if the blob is not found in the repository, the response code MUST be 404". The baseline every mount
   * check stands on: a blob pushed into one repository is not in another until it is pushed or mounted there.
   */
  @Test
  @CheckId("push.mount.not-shared-before-mount")
  @Covers({"R11", "R16"})
  void a_blob_pushed_to_one_repository_is_not_found_in_another_before_it_is_mounted_there() {
    assertThat(registry.headBlob(other, blob.digest())).as("HEAD of the blob in a repository it was never pushed to")
        .hasStatus(404);
    assertThat(registry.getBlob(other, blob.digest())).as("GET of the blob in a repository it was never pushed to")
        .hasStatus(404);
  }

  /** R36: 201 with a Location that serves the blob. A 202 is the spec's "cannot mount": unsupported, once the answer is shown to be a session. */
  @Test
  @CheckId("push.mount.from")
  @Covers({"R36", "R38"})
  @RequiresFeature(Feature.MOUNT)
  void a_blob_mounted_from_another_repository_answers_201_and_is_served_by_the_target() {
    // OCI_CROSSMOUNT_NAMESPACE names the repository to mount into, for registries that allow only some names.
    String target = scenario.configuration(Scenario.CROSSMOUNT_NAMESPACE).orElse(scenario.repository("from"));
    RegistryResponse mount = registry.mountBlob(target, blob.digest(), source);
    scenario.cleanup().recordBlob(target, blob.digest());
    Uploads.unsupportedIfSessionInstead(registry, mount, "cross-repository mount");

    assertThat(mount).hasStatus(201).hasLocationHeader();
    Uploads.hasContentDigestOf(mount, content);
    assertThat(registry.getLocation(location(mount), List.of())).as("GET of the Location of the mounted blob")
        .hasStatus(200).hasBodyMatching(blob.digest(), blob.size());
    assertThat(registry.getBlob(target, blob.digest())).as("GET of the blob in the repository it was mounted into")
        .hasStatus(200).hasBodyMatching(blob.digest(), blob.size());
  }

  /** R37 (MAY): without {@code from} the registry may find the blob itself (the official OCI_AUTOMATIC_CROSSMOUNT); 202 = not offered. */
  @Test
  @CheckId(value = "push.mount.automatic", level = Level.MAY)
  @Covers({"R37"})
  @RequiresFeature({Feature.MOUNT, Feature.AUTOMATIC_MOUNT})
  void a_blob_mounted_without_from_answers_201_and_is_served_by_the_target() {
    String target = scenario.configuration(Scenario.CROSSMOUNT_NAMESPACE).map(ns -> ns + "-automatic")
        .orElse(scenario.repository("automatic"));
    RegistryResponse mount = registry.mountBlob(target, blob.digest(), null);
    scenario.cleanup().recordBlob(target, blob.digest());
    // OCI_AUTOMATIC_CROSSMOUNT=0 says the registry is known to answer 202 here: that answer is then the pass.
    Optional<String> expected = scenario.configuration(Scenario.AUTOMATIC_MOUNT_EXPECT);
    if (expected.filter("202"::equals).isPresent()) {
      assertThat(mount).as("mount without from, expected 202 (OCI_AUTOMATIC_CROSSMOUNT=0)").hasStatus(202)
          .hasLocationHeader();
      UploadSessions.abandon(registry, location(mount));
      return;
    }
    if (expected.isEmpty()) {
      Uploads.unsupportedIfSessionInstead(registry, mount, "automatic mount (without from)");
    }

    assertThat(mount).hasStatus(201).hasLocationHeader();
    assertThat(registry.getBlob(target, blob.digest())).as("GET of the blob in the repository it was mounted into")
        .hasStatus(200).hasBodyMatching(blob.digest(), blob.size());
  }

  /**
   * R38 (SHOULD): a blob that exists nowhere cannot be mounted; the registry falls back to an upload session (202
   * with a Location), which then takes the blob as a client would send it: PATCH, PUT.
   */
  @Test
  @CheckId(value = "push.mount.unknown-blob", level = Level.SHOULD)
  @Covers({"R38", "R20"})
  @RequiresFeature(Feature.MOUNT)
  void mounting_a_blob_that_exists_nowhere_answers_202_with_an_upload_session_that_takes_the_blob() {
    String target = scenario.repository("unknown");
    byte[] missing = Content.newContent(1024);
    Digest digest = Digest.sha256(missing);
    RegistryResponse mount = registry.mountBlob(target, digest, source);
    scenario.cleanup().recordBlob(target, digest);
    assertThat(mount).hasStatus(202).hasLocationHeader();

    RegistryResponse patch = registry.patchUpload(location(mount), missing, range(0, missing.length));
    assertThat(patch).as("PATCH to the session the mount opened").hasStatus(202);
    RegistryResponse put = registry.completeUpload(location(patch), digest, null);
    assertThat(put).as("PUT that closes the session the mount opened").hasStatus(201).hasLocationHeader();
    assertThat(registry.getBlob(target, digest)).hasStatus(200).hasBodyMatching(digest, missing.length);
  }

  /**
   * R38 (SHOULD): {@code from} names a repository that exists but does not hold the blob, so the registry cannot
   * mount from it: 202 and an upload session, and the blob does not appear in the target. A registry that looked
   * the digest up anywhere would hand a client the content of repositories it never named, knowing only a digest.
   */
  @Test
  @CheckId(value = "push.mount.from-repository-without-blob", level = Level.SHOULD)
  @Covers({"R38"})
  @RequiresFeature(Feature.MOUNT)
  void mounting_from_a_repository_that_lacks_the_blob_answers_202_and_mounts_nothing() {
    String target = scenario.repository("elsewhere");
    RegistryResponse mount = registry.mountBlob(target, blob.digest(), other);
    scenario.cleanup().recordBlob(target, blob.digest());
    assertThat(mount).hasStatus(202).hasLocationHeader();
    assertThat(registry.headBlob(target, blob.digest())).as("HEAD of the blob in the target after the refused mount")
        .hasStatus(404);
    UploadSessions.abandon(registry, location(mount));
  }
}
