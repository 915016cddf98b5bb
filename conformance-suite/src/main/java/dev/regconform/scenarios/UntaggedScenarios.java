package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.ForImageFormat;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Manifests pushed by digest alone have no tag (spec end-7 with a digest reference): they pull by digest
 * and never show up in the tag list (end-8a), which holds exactly the tags pushed.
 */
@RegistryConformance
@Tag("untagged")
public abstract class UntaggedScenarios {
  private static final List<String> TAGS = List.of("1.3", "latest");

  private RegistryClient registry;
  private String repo;
  private TestImage tagged;
  private TestImage untagged;
  private RegistryResponse untaggedPut;

  /** Pushes one image tagged 1.3 and latest, and one more by digest only. */
  @BeforeAll
  void pushTaggedAndUntaggedImages(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    tagged = scenario.newImage(1024);
    untagged = scenario.newImage(1024);
    scenario.pusher().pushImage(repo, tagged, TAGS.toArray(String[]::new));
    untagged.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
    Digest digest = untagged.manifest().digest();
    untaggedPut = registry.putManifest(repo, digest.toString(), untagged.manifest().mediaType(), untagged.manifest().raw());
    scenario.cleanup().recordManifest(repo, digest);
  }

  @Test
  @CheckId("untagged.push-by-digest")
  @Covers({"R41", "R42"})
  void a_manifest_pushed_by_digest_alone_answers_201_with_that_digest() {
    assertThat(untaggedPut).hasStatus(201).hasLocationHeader().hasContentDigest(untagged.manifest().digest());
  }

  @Test
  @CheckId("untagged.pull-by-digest")
  @Covers({"R6", "R40", "R5", "R7"})
  void a_manifest_pushed_by_digest_alone_pulls_by_digest_with_the_exact_bytes() {
    assertThat(registry.getManifest(repo, untagged.manifest().digest().toString(), Accept.ANY_MANIFEST))
        .hasStatus(200)
        .hasBody(untagged.manifest().raw())
        .hasContentDigest(untagged.manifest().digest());
  }

  @Test
  @CheckId("untagged.not-in-tag-list")
  @Covers({"R48"})
  void a_manifest_pushed_by_digest_alone_gets_no_tag() {
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    List<String> tags = RegistryClient.tagsOf(list).orElseThrow(() -> new AssertionError(
        "Expecting a tag list {\"name\":…,\"tags\":[…]} from\n  " + list.describe()));
    assertThat(tags).as("tags of %s after pushing %s by digest only", repo, untagged.manifest().digest())
        .doesNotContain(untagged.manifest().digest().toString(), untagged.manifest().digest().hex())
        .allMatch(TAGS::contains);
  }

  @Test
  @CheckId("tags.list.exact")
  @Covers({"R48"})
  void the_tag_list_holds_exactly_the_tags_pushed() {
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    List<String> tags = RegistryClient.tagsOf(list).orElseThrow(() -> new AssertionError(
        "Expecting a tag list {\"name\":…,\"tags\":[…]} from\n  " + list.describe()));
    assertThat(tags).as("tags of %s (order is checked elsewhere)", repo).containsExactlyInAnyOrderElementsOf(TAGS);
  }

  @ForImageFormat(ImageFormat.OCI)
  @DisplayName("Untagged OCI manifests")
  public static final class OciImage extends UntaggedScenarios {}

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  @DisplayName("Untagged Docker schema 2 manifests")
  public static final class DockerImage extends UntaggedScenarios {}
}
