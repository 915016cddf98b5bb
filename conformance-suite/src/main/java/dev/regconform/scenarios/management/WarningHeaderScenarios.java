package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.RegistryResponse;
import dev.regconform.client.WarningHeader;
import dev.regconform.fixtures.images.TestBlob;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.model.ImageManifest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Warning headers (spec "Warnings") on the answers to a typical push and pull. */
@Tag("pull")
@DisplayName("Warning headers")
public class WarningHeaderScenarios extends ScenarioSupport {

  /**
   * Pushes an image (each blob by POST, PATCH, status GET and PUT, as docker does; the manifest by tag and by
   * digest) and pulls it (HEAD and GET of each blob, and of the manifest by tag and by digest, the
   * tag list, a missing manifest and blob), and checks every {@code Warning} header of those answers: each warning
   * {@code 299 - "text"} without a date, at most 4096 bytes per response (R74). Warnings are optional, so a
   * registry that sends none passes: the check is a guard, like the ones against 5xx answers.
   */
  @Test
  @CheckId("api.warnings.well-formed")
  @Covers("R74")
  void every_Warning_header_of_a_push_and_pull_is_299_dash_quoted_text_within_4096_bytes() {
    TestImage image = scenario.newImage(700);
    ImageManifest manifest = image.manifest();
    List<RegistryResponse> answers = new ArrayList<>();
    answers.add(registry.checkVersion());

    for (TestBlob blob : image.blobs()) {
      RegistryResponse start = record(answers, registry.startUpload(repo), 202);
      RegistryResponse patch = record(answers, registry.patchUpload(Content.location(start), blob.file()), 202);
      answers.add(registry.uploadStatus(Content.location(patch)));
      record(answers, registry.completeUpload(Content.location(patch), blob.digest(), null), 201);
      scenario.cleanup().recordBlob(repo, blob.digest());
    }

    record(answers, registry.putManifest(repo, "warnings", manifest.mediaType(), manifest.raw()), 201);
    scenario.cleanup().recordManifest(repo, manifest.digest());
    answers.add(registry.putManifest(repo, manifest.digest().toString(), manifest.mediaType(), manifest.raw()));

    for (TestBlob blob : image.blobs()) {
      answers.add(registry.headBlob(repo, blob.digest()));
      answers.add(registry.getBlob(repo, blob.digest()));
    }
    for (String reference : List.of("warnings", manifest.digest().toString())) {
      answers.add(registry.headManifest(repo, reference, ANY_MANIFEST));
      answers.add(registry.getManifest(repo, reference, ANY_MANIFEST));
    }
    answers.add(registry.listTags(repo));
    answers.add(registry.getManifest(repo, "no-such-tag", ANY_MANIFEST));
    answers.add(registry.getBlob(repo, ManagementRequests.neverPushed()));

    List<String> problems = new ArrayList<>();
    for (RegistryResponse answer : answers) {
      for (String problem : WarningHeader.problems(answer)) {
        problems.add(problem + "\n  in the answer to " + answer.requestLine() + " (" + answer.status() + "):\n    "
            + answer.describe().replace("\n", "\n    "));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.format("%nExpecting every Warning header of the %d answers to a push and pull"
          + " to be 299 - \"<text>\" (no warn-date), at most %d bytes per response,%nbut:%n  %s", answers.size(),
          WarningHeader.MAX_BYTES, String.join("\n  ", problems)));
    }
  }

  /** Keeps {@code answer} and asserts its status, so a push that breaks fails here showing the exchange. */
  private static RegistryResponse record(List<RegistryResponse> answers, RegistryResponse answer, int status) {
    answers.add(answer);
    assertThat(answer).hasStatus(status);
    return answer;
  }
}
