package dev.regconform.scenarios.official.requests;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.management.ErrorBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HEAD and GET of a manifest reference that breaks the tag grammar, {@code .INVALID_MANIFEST_NAME} (a tag cannot start
 * with '.'), in a repository that exists: the official suite's G11, G15 and G47 require 404. No such manifest exists,
 * so 404 is the spec's answer (R8, R16); a registry that first rejects the reference itself with 400 (NAME_INVALID,
 * MANIFEST_INVALID, the endpoint table's 400 for a malformed request) is as right, and passes here. A 5xx is not an
 * answer the spec gives to any client input.
 */
@RegistryConformance
@Tag("errors")
@DisplayName("Manifests by a reference that is no valid tag")
public class InvalidReferenceScenarios {
  private static final String INVALID_REFERENCE = ".INVALID_MANIFEST_NAME";
  private static final String BECAUSE = "no manifest has the reference " + INVALID_REFERENCE
      + ": 404 (the official suite's G11/G15), or 400 for a reference that breaks the tag grammar";

  private RegistryClient registry;
  private String repo;

  /** Pushes an image, so that the repository exists and only the reference is unknown. */
  @BeforeAll
  void pushImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    scenario.pusher().pushImage(repo, scenario.newImage(256), "present");
  }

  @Test
  @CheckId("errors.invalid-reference.head")
  @Covers({"R16"})
  void HEAD_of_a_manifest_by_a_reference_that_is_no_valid_tag_answers_404() {
    RegistryResponse head = registry.headManifest(repo, INVALID_REFERENCE, Accept.ANY_MANIFEST);
    assertThat(head).hasStatusIn(BECAUSE, 404, 400).hasEmptyBody();
  }

  @Test
  @CheckId("errors.invalid-reference.get")
  @Covers({"R8", "R72"})
  void GET_of_a_manifest_by_a_reference_that_is_no_valid_tag_answers_404() {
    RegistryResponse get = registry.getManifest(repo, INVALID_REFERENCE, Accept.ANY_MANIFEST);
    assertThat(get).hasStatusIn(BECAUSE, 404, 400);
    ErrorBodies.assertConforms(get);
  }
}
