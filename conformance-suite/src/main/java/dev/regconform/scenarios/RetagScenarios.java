package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Retagging: {@code docker tag} + {@code docker push} of an image the registry already has (spec end-7, end-3). */
@RegistryConformance
@Tag("retag")
public abstract class RetagScenarios extends ScenarioSupport {

  @Test
  @CheckId("retag.second-tag.same-digest")
  @Covers({"R42", "R6", "R40"})
  void a_second_tag_on_the_same_manifest_resolves_to_the_same_digest() {
    String repo = scenario.repository("second-tag");
    TestImage image = scenario.newImage(1024);
    Digest digest = image.manifest().digest();
    scenario.pusher().pushImage(repo, image, "1.3");

    assertThat(registry.putManifest(repo, "stable", image.manifest().mediaType(), image.manifest().raw()))
        .hasStatus(201).hasContentDigest(digest);

    assertThat(registry.getManifest(repo, "stable", Accept.ANY_MANIFEST))
        .hasStatus(200).hasBody(image.manifest().raw()).hasContentDigest(digest);
    assertThat(registry.getManifest(repo, "1.3", Accept.ANY_MANIFEST))
        .hasStatus(200).hasBody(image.manifest().raw()).hasContentDigest(digest);
  }

  @Test
  @CheckId("retag.moved-tag.resolves-to-new-manifest")
  @Covers({"R42", "R6", "R40"})
  void moving_a_tag_to_another_manifest_changes_what_it_resolves_to() {
    String repo = scenario.repository("moved-tag");
    TestImage first = scenario.newImage(1024);
    TestImage second = scenario.newImage(1024);
    scenario.pusher().pushImage(repo, first, "1.3", "1.3.0");
    scenario.pusher().pushImage(repo, second);

    assertThat(registry.putManifest(repo, "1.3", second.manifest().mediaType(), second.manifest().raw()))
        .hasStatus(201).hasContentDigest(second.manifest().digest());
    scenario.cleanup().recordManifest(repo, second.manifest().digest());

    assertThat(registry.getManifest(repo, "1.3", Accept.ANY_MANIFEST))
        .as("the moved tag 1.3 must now resolve to the second manifest")
        .hasStatus(200).hasBody(second.manifest().raw()).hasContentDigest(second.manifest().digest());
    assertThat(registry.getManifest(repo, "1.3.0", Accept.ANY_MANIFEST))
        .as("the tag that was not moved must still resolve to the first manifest")
        .hasStatus(200).hasBody(first.manifest().raw()).hasContentDigest(first.manifest().digest());
    assertThat(registry.getManifest(repo, first.manifest().digest().toString(), Accept.ANY_MANIFEST))
        .as("the first manifest must still pull by digest")
        .hasStatus(200).hasBody(first.manifest().raw());
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Retag an OCI image")
  public static final class OciImage extends RetagScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Retag a Docker schema 2 image")
  public static final class DockerImage extends RetagScenarios {}
}
