package dev.regconform.scenarios.official.requests;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.ScenarioSupport;
import dev.regconform.scenarios.management.ErrorBodies;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A manifest PUT to a reference that looks like a digest but is none (the official suite's H28): {@code sha256:} with
 * text that is not hex, and an algorithm the image spec does not define ({@code md5:abc}). Such a reference is neither
 * a digest nor a tag (a tag cannot hold ':'), so the manifest must not be stored under it (R3); the official suite
 * requires 400, which the spec names for an invalid digest (R78, DIGEST_INVALID) or manifest (MANIFEST_INVALID): a
 * SHOULD check here, as for other invalid tags (names.tag.invalid.answers-400).
 */
@Tag("manifests")
@DisplayName("Manifest PUT to a malformed digest")
public class MalformedDigestManifestScenarios extends ScenarioSupport {
  private static final List<String> MALFORMED = List.of("sha256:notHex", "md5:abc");



  @Test
  @CheckId("manifests.push.malformed-digest-refused")
  @Covers({"R3", "R78"})
  void a_manifest_PUT_to_a_malformed_digest_is_refused_and_nothing_is_served_under_it() {
    for (String reference : MALFORMED) {
      RegistryResponse put = put(reference);
      Assertions.assertThat(put.status()).as("status of a manifest PUT to the malformed digest %s (not a 2xx):%n  %s",
          reference, put.describe()).matches(s -> s < 200 || s >= 300, "not a 2xx");
      RegistryResponse get = registry.getManifest(repo, reference, Accept.ANY_MANIFEST);
      Assertions.assertThat(get.status()).as("status of a GET by the malformed digest %s after the refused PUT"
          + " (anything but 200):%n  %s", reference, get.describe()).isNotEqualTo(200);
    }
  }

  @Test
  @CheckId(value = "manifests.push.malformed-digest-400", level = Level.SHOULD)
  @Covers({"R78", "R72"})
  void a_manifest_PUT_to_a_malformed_digest_answers_400_DIGEST_INVALID_or_MANIFEST_INVALID() {
    for (String reference : MALFORMED) {
      RegistryResponse put = put(reference);
      assertThat(put).hasStatus(400);
      ErrorBodies.assertConforms(put);
      if (!put.errors().isEmpty()) {
        Assertions.assertThat(put.errors()).as("error codes of%n  %s", put.describe())
            .anyMatch(e -> e.code().equals(ErrorCode.DIGEST_INVALID.name())
                || e.code().equals(ErrorCode.MANIFEST_INVALID.name()));
      }
    }
  }

  /** PUTs a fresh image's manifest (its blobs pushed first) to {@code reference}; records it for cleanup either way. */
  private RegistryResponse put(String reference) {
    TestImage image = scenario.newImage(256);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    // A registry may keep the manifest under its own digest even when it refuses the reference.
    scenario.cleanup().recordManifest(repo, image.manifest().digest());
    return registry.putManifest(repo, reference, image.manifest().mediaType(), image.manifest().raw());
  }
}
