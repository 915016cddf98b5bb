package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.scenarios.Deletion;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Content management (spec "Content Management"): deleting a manifest by digest (end-9), a tag (end-9 with a tag),
 * a blob (end-10), and what a client sees afterwards. Each check works in a repository of its own, so what one
 * deletes cannot change what another sees. A registry may not offer a kind of deletion: it then answers 400 or
 * 405 and the check is unsupported ({@link Deletion}).
 */
@RegistryConformance
@Tag("delete")
@DisplayName("Deleting content")
public class ContentDeleteScenarios extends ScenarioSupport {

  @Test
  @CheckId("delete.manifest.by-digest")
  @Covers({"R66"})
  @RequiresFeature(Feature.DELETE_MANIFESTS)
  void DELETE_of_a_manifest_by_digest_answers_202() {
    String repo = scenario.repository("by-digest");
    TestImage image = pushImage(repo, "1.0");

    assertDeleted(registry.deleteManifest(repo, image.manifest().digest().toString()), "manifest deletion");
  }

  @Test
  @CheckId("delete.manifest.by-digest.gone")
  @Covers({"R67", "R66", "R16", "R72"})
  @RequiresFeature(Feature.DELETE_MANIFESTS)
  void a_manifest_deleted_by_digest_answers_404_MANIFEST_UNKNOWN_to_GET_and_404_to_HEAD() {
    String repo = scenario.repository("digest-gone");
    TestImage image = pushImage(repo, "1.0");
    String digest = image.manifest().digest().toString();

    assertDeleted(registry.deleteManifest(repo, digest), "manifest deletion");

    RegistryResponse get = registry.getManifest(repo, digest, ANY_MANIFEST);
    assertThat(get).hasStatus(404).hasErrorCode(ErrorCode.MANIFEST_UNKNOWN);
    ErrorBodies.assertConforms(get);
    assertThat(registry.headManifest(repo, digest, ANY_MANIFEST)).hasStatus(404).hasEmptyBody();
  }

  @Test
  @CheckId("delete.manifest.by-digest.tags-gone")
  @Covers({"R67", "R66", "R48"})
  @RequiresFeature(Feature.DELETE_MANIFESTS)
  void every_tag_of_a_manifest_deleted_by_digest_answers_404_and_leaves_the_tag_list() {
    String repo = scenario.repository("tags-gone");
    TestImage kept = pushImage(repo, "kept");
    TestImage deleted = pushImage(repo, "first", "second");

    assertDeleted(registry.deleteManifest(repo, deleted.manifest().digest().toString()), "manifest deletion");

    for (String tag : List.of("first", "second")) {
      RegistryResponse get = registry.getManifest(repo, tag, ANY_MANIFEST);
      assertThat(get).hasStatus(404);
      ErrorBodies.assertConforms(get);
    }
    assertThat(registry.getManifest(repo, "kept", ANY_MANIFEST)).hasStatus(200).hasBody(kept.manifest().raw());
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(RegistryClient.tagsOf(list).orElse(List.of())).as("tags of %s after the delete, from%n  %s", repo,
        list.describe()).contains("kept").doesNotContain("first", "second");
  }

  @Test
  @CheckId("delete.tag.only-that-tag")
  @Covers({"R64", "R65", "R72"})
  @RequiresFeature(Feature.DELETE_TAGS)
  void DELETE_of_a_tag_answers_202_and_removes_only_that_tag() {
    String repo = scenario.repository("by-tag");
    TestImage image = pushImage(repo, "doomed", "survivor");

    assertDeleted(registry.deleteManifest(repo, "doomed"), "tag deletion");

    RegistryResponse gone = registry.getManifest(repo, "doomed", ANY_MANIFEST);
    assertThat(gone).hasStatus(404);
    ErrorBodies.assertConforms(gone);
    assertThat(registry.getManifest(repo, "survivor", ANY_MANIFEST))
        .hasStatus(200).hasBody(image.manifest().raw()).hasContentDigest(image.manifest().digest());
    assertThat(registry.getManifest(repo, image.manifest().digest().toString(), ANY_MANIFEST))
        .hasStatus(200).hasBody(image.manifest().raw());
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(RegistryClient.tagsOf(list).orElse(List.of())).as("tags of %s after the delete, from%n  %s", repo,
        list.describe()).contains("survivor").doesNotContain("doomed");
  }

  /**
   * A registry that does not delete tags says so with 400 or 405 (R64), and the spec's code for "the operation was
   * unsupported due to a missing implementation or invalid set of parameters" is {@code UNSUPPORTED}. A 400 with a
   * code that blames the request instead, such as {@code DIGEST_INVALID} (Distribution 2.8 takes the tag for a
   * malformed digest), tells a client its input was wrong rather than that the registry does not offer this. A 405
   * speaks for itself and passes unless its body names another code. A registry that deletes the tag passes here
   * ({@code delete.tag.only-that-tag} checks the effect); any other answer is left to that check.
   */
  @Test
  @CheckId(value = "delete.by-tag.refusal-says-unsupported", level = Level.SHOULD)
  @Covers({"R64", "R72", "R80"})
  @RequiresFeature(Feature.DELETE_TAGS)
  void a_refused_tag_DELETE_answers_UNSUPPORTED_not_an_error_about_the_request() {
    String repo = scenario.repository("refused-tag");
    pushImage(repo, "refused", "kept");

    RegistryResponse delete = registry.deleteManifest(repo, "refused");
    if (delete.status() == 202) {
      return;
    }
    Assumptions.assumeTrue(delete.status() == 400 || delete.status() == 405, () -> "the registry neither deleted "
        + "the tag nor refused with 400 or 405 (delete.tag.only-that-tag reports that): " + delete.requestLine()
        + " answered " + delete.status());
    if (delete.status() == 400 || !delete.errors().isEmpty()) {
      assertThat(delete).hasErrorCode(ErrorCode.UNSUPPORTED);
    }
  }

  @Test
  @CheckId("delete.manifest.unknown-digest-404")
  @Covers({"R66", "R72"})
  @RequiresFeature(Feature.DELETE_MANIFESTS)
  void DELETE_of_a_manifest_digest_the_repository_does_not_have_answers_404() {
    String repo = scenario.repository("unknown-digest");
    pushImage(repo, "present");

    RegistryResponse delete = registry.deleteManifest(repo, ManagementRequests.neverPushed().toString());
    Deletion.unsupportedIfRefused(delete, "manifest deletion");
    assertThat(delete).hasStatus(404);
    ErrorBodies.assertConforms(delete);
  }

  @Test
  @CheckId("delete.manifest.nonexistent-repository-404")
  @Covers({"R66", "R72"})
  @RequiresFeature(Feature.DELETE_MANIFESTS)
  void DELETE_of_a_manifest_in_a_repository_that_does_not_exist_answers_404() {
    RegistryResponse delete = registry.deleteManifest(scenario.repository("never-pushed"),
        ManagementRequests.neverPushed().toString());
    Deletion.unsupportedIfRefused(delete, "manifest deletion");
    assertThat(delete).hasStatus(404);
    ErrorBodies.assertConforms(delete);
  }

  @Test
  @CheckId("delete.blob.by-digest")
  @Covers({"R68"})
  @RequiresFeature(Feature.DELETE_BLOBS)
  void DELETE_of_a_blob_answers_202() {
    String repo = scenario.repository("blob");
    TestBlob blob = pushBlob(repo);

    assertDeleted(registry.deleteBlob(repo, blob.digest()), "blob deletion");
  }

  @Test
  @CheckId("delete.blob.by-digest.gone")
  @Covers({"R69", "R68", "R16", "R72"})
  @RequiresFeature(Feature.DELETE_BLOBS)
  void a_deleted_blob_answers_404_to_HEAD_and_404_BLOB_UNKNOWN_to_GET() {
    String repo = scenario.repository("blob-gone");
    TestBlob blob = pushBlob(repo);

    assertDeleted(registry.deleteBlob(repo, blob.digest()), "blob deletion");

    assertThat(registry.headBlob(repo, blob.digest())).hasStatus(404).hasEmptyBody();
    RegistryResponse get = registry.getBlob(repo, blob.digest());
    assertThat(get).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UNKNOWN);
    ErrorBodies.assertConforms(get);
  }

  @Test
  @CheckId("delete.blob.unknown-404")
  @Covers({"R68", "R72"})
  @RequiresFeature(Feature.DELETE_BLOBS)
  void DELETE_of_a_blob_the_repository_does_not_have_answers_404_BLOB_UNKNOWN() {
    String repo = scenario.repository("unknown-blob");
    pushBlob(repo);

    RegistryResponse delete = registry.deleteBlob(repo, ManagementRequests.neverPushed());
    Deletion.unsupportedIfRefused(delete, "blob deletion");
    assertThat(delete).hasStatus(404);
    ErrorBodies.assertConforms(delete);
    if (!delete.errors().isEmpty()) {
      assertThat(delete).hasErrorCode(ErrorCode.BLOB_UNKNOWN);
    }
  }

  private TestImage pushImage(String repo, String... tags) {
    TestImage image = scenario.newImage(512);
    scenario.pusher().pushImage(repo, image, tags);
    return image;
  }

  /** A blob of its own, not referenced by any manifest (some registries keep referenced blobs). */
  private TestBlob pushBlob(String repo) {
    TestBlob blob = scenario.newImage(700).layers().get(0);
    scenario.pusher().pushBlob(repo, blob);
    return blob;
  }

  private static void assertDeleted(RegistryResponse delete, String feature) {
    Deletion.unsupportedIfRefused(delete, feature);
    assertThat(delete).hasStatus(202);
  }
}
