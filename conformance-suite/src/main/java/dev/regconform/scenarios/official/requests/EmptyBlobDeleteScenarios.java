package dev.regconform.scenarios.official.requests;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Deletion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two blobs every registry holds many references to, the zero-byte blob and the empty JSON {@code {}}, delete like
 * any other (the official suite's H17 runs H15 on them): 202, then HEAD answers 404. Each is pushed into a repository
 * of its own. A 400 or 405 to the DELETE means blob deletion is not offered: unsupported.
 */
@RegistryConformance
@Tag("delete")
@DisplayName("Deleting the empty blobs")
public class EmptyBlobDeleteScenarios {
  private Scenario scenario;
  private RegistryClient registry;

  @BeforeAll
  void setUp(Scenario scenario) {
    this.scenario = scenario;
    this.registry = scenario.client();
  }

  @Test
  @CheckId("delete.blob.empty.gone")
  @Covers({"R68", "R69", "R16"})
  @RequiresFeature(Feature.DELETE_BLOBS)
  void the_zero_byte_blob_deletes_with_202_and_then_answers_404_to_HEAD() {
    assertDeletes(scenario.repository("zero"), new byte[0]);
  }

  @Test
  @CheckId("delete.blob.empty-json.gone")
  @Covers({"R68", "R69", "R16"})
  @RequiresFeature(Feature.DELETE_BLOBS)
  void the_empty_JSON_blob_deletes_with_202_and_then_answers_404_to_HEAD() {
    assertDeletes(scenario.repository("empty-json"), "{}".getBytes(StandardCharsets.US_ASCII));
  }

  private void assertDeletes(String repo, byte[] content) {
    Digest digest = Digest.sha256(content);
    scenario.pusher().pushBytes(repo, content);
    RegistryResponse delete = registry.deleteBlob(repo, digest);
    Deletion.unsupportedIfRefused(delete, "blob deletion");
    assertThat(delete).hasStatus(202);
    assertThat(registry.headBlob(repo, digest)).as("HEAD of the blob after its deletion").hasStatus(404).hasEmptyBody();
  }
}
