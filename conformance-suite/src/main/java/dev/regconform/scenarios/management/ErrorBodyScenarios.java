package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The form of the answers about content that is not there or requests that are wrong: a HEAD of a missing
 * manifest is a bodiless 404 (R16), and every 4xx with a JSON body is the spec's error document (R72).
 */
@Tag("errors")
@DisplayName("Error answers")
public class ErrorBodyScenarios extends ScenarioSupport {
  private TestImage image;

  /** The repository exists (holds one image), so the 404s are about the content, not the name. */
  @BeforeAll
  void pushImage(Scenario scenario) {
    this.image = scenario.newImage(512);
    scenario.pusher().pushImage(repo, image, "present");
  }

  @Test
  @CheckId("errors.head-unknown-manifest")
  @Covers({"R16", "R8"})
  void HEAD_of_an_unknown_tag_or_manifest_digest_answers_404_without_a_body() {
    assertThat(registry.headManifest(repo, "no-such-tag", ANY_MANIFEST)).hasStatus(404).hasEmptyBody();
    assertThat(registry.headManifest(repo, ManagementRequests.neverPushed().toString(), ANY_MANIFEST))
        .hasStatus(404).hasEmptyBody();
  }

  @Test
  @CheckId("errors.body.every-4xx-conforms")
  @Covers({"R72"})
  void every_4xx_answer_with_a_JSON_body_is_the_spec_s_error_document_with_the_spec_s_codes() {
    List<RegistryResponse> answers = new ArrayList<>();
    Digest unknown = ManagementRequests.neverPushed();
    answers.add(registry.getManifest(repo, "no-such-tag", ANY_MANIFEST));
    answers.add(registry.getManifest(repo, unknown.toString(), ANY_MANIFEST));
    answers.add(registry.getBlob(repo, unknown));
    answers.add(registry.getManifest(scenario.repository("never-pushed"), "latest", ANY_MANIFEST));
    answers.add(registry.listTags(scenario.repository("never-pushed")));
    answers.add(registry.exchange("GET", "/v2/" + repo + "/blobs/uploads/" + UUID.randomUUID(), java.util.Map.of(),
        null, "repository:" + repo + ":pull,push"));

    byte[] garbage = "regconform: not a manifest".getBytes(StandardCharsets.UTF_8);
    answers.add(recorded(registry.putManifest(repo, "garbage", MediaTypes.OCI_MANIFEST, garbage), Digest.sha256(garbage)));
    Descriptor missingLayer = Descriptor.of(image.manifest().layers().get(0).mediaType(), unknown, 1234);
    ImageManifest missing = ImageManifest.of(image.manifest().mediaType(), image.manifest().config(), List.of(missingLayer));
    answers.add(recorded(registry.putManifest(repo, "missing-blob", missing.mediaType(), missing.raw()), missing.digest()));
    answers.add(recorded(registry.putManifest(repo, unknown.toString(), image.manifest().mediaType(), image.manifest().raw()),
        unknown));

    RegistryResponse start = registry.startUpload(repo);
    if (start.header(Headers.LOCATION).isPresent()) {
      RegistryResponse wrongDigest = registry.completeUpload(start.header(Headers.LOCATION).get(), unknown,
          "regconform: these bytes do not have that digest".getBytes(StandardCharsets.UTF_8));
      if (ManagementRequests.isSuccess(wrongDigest.status())) {
        scenario.cleanup().recordBlob(repo, unknown);
      }
      answers.add(wrongDigest);
    }

    List<String> problems = new ArrayList<>();
    for (RegistryResponse answer : answers) {
      List<String> wrong = ErrorBodies.problems(answer);
      if (!wrong.isEmpty()) {
        problems.add(answer.requestLine() + " -> " + answer.status() + ": " + String.join("; ", wrong)
            + "\n    " + answer.describe().replace("\n", "\n    "));
      }
    }
    assertThat(problems)
        .as("4xx answers whose JSON body is not {\"errors\":[{\"code\":…,\"message\":…,\"detail\":…}]} with the"
            + " spec's codes, among:%n  %s", String.join("\n  ", answers.stream().map(a -> a + "").toList()))
        .isEmpty();
  }

  private RegistryResponse recorded(RegistryResponse put, Digest digest) {
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, digest);
    }
    return put;
  }
}
