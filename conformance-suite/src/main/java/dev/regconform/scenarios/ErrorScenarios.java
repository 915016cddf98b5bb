package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a client sees for content that does not exist in a repository that does: 404 and the spec's error code. */
@RegistryConformance
@Tag("errors")
@DisplayName("Unknown content")
public class ErrorScenarios {
  private RegistryClient registry;
  private String repo;
  private Digest unknown;

  /** The repository exists (holds one image), so the 404s are about the content, not the name. */
  @BeforeAll
  void pushImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    TestImage image = scenario.newImage(512);
    scenario.pusher().pushImage(repo, image, "present");
    unknown = Digest.sha256(("regconform: never pushed " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @CheckId("errors.unknown-tag")
  @Covers({"R8", "R72"})
  void pulling_an_unknown_tag_answers_404_MANIFEST_UNKNOWN() {
    assertThat(registry.getManifest(repo, "no-such-tag", Accept.ANY_MANIFEST))
        .hasStatus(404).hasErrorCode(ErrorCode.MANIFEST_UNKNOWN);
  }

  @Test
  @CheckId("errors.unknown-manifest-digest")
  @Covers({"R8", "R72"})
  void pulling_an_unknown_manifest_digest_answers_404_MANIFEST_UNKNOWN() {
    assertThat(registry.getManifest(repo, unknown.toString(), Accept.ANY_MANIFEST))
        .hasStatus(404).hasErrorCode(ErrorCode.MANIFEST_UNKNOWN);
  }

  @Test
  @CheckId("errors.unknown-blob")
  @Covers({"R11", "R16", "R72"})
  void pulling_an_unknown_blob_answers_404_BLOB_UNKNOWN_and_HEAD_answers_404() {
    assertThat(registry.getBlob(repo, unknown)).hasStatus(404).hasErrorCode(ErrorCode.BLOB_UNKNOWN);
    assertThat(registry.headBlob(repo, unknown)).hasStatus(404).hasEmptyBody();
  }
}
