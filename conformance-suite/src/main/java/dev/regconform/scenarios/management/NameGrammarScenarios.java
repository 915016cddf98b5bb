package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Accept.ANY_MANIFEST;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryError;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageManifest;
import dev.regconform.scenarios.ScenarioSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The grammar of names and references (spec "Pulling manifests"): a tag is at most 128 characters matching
 * {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}, case counts; a repository name is components matching
 * {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*} separated by {@code /}. And what a client gets for names that break
 * it, for repositories that do not exist, and for a digest reference that is no digest.
 *
 * <p>The spec constrains references but does not say which status refuses a bad one. A registry that stores an
 * invalid tag or creates an invalid repository breaks the grammar (MUST, here "not accepted": no 2xx); answering
 * 400 with the spec's code (NAME_INVALID for names; the table has no tag code, so any of the spec's codes) is what
 * the error table implies for a client's mistake, checked as a recommendation.
 */
@Tag("errors")
@DisplayName("Names and references")
public class NameGrammarScenarios extends ScenarioSupport {
  /** 128 characters, every kind the grammar allows after the first. */
  static final String TAG_128 = "A" + "b9_.-Z".repeat(21) + "x";
  private static final Map<String, String> INVALID_TAGS = Map.of(
      "too-long", TAG_128 + "9",
      "leading-period", ".hidden",
      "leading-dash", "-dash",
      "colon", "v1:colon");

  private TestImage image;

  @BeforeAll
  void pushBlobs(Scenario scenario) {
    this.image = scenario.newImage(512);
    image.blobs().forEach(b -> scenario.pusher().pushBlob(repo, b));
  }

  @Test
  @CheckId("names.tag.128-characters")
  @Covers({"R3"})
  void a_tag_of_128_characters_is_accepted_and_pulls() {
    assertThat(TAG_128).hasSize(128).matches("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    RegistryResponse put = putImage(TAG_128);
    assertThat(put).hasStatus(201);

    assertThat(registry.getManifest(repo, TAG_128, ANY_MANIFEST))
        .hasStatus(200).hasBody(image.manifest().raw()).hasContentDigest(image.manifest().digest());
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(RegistryClient.tagsOf(list).orElse(List.of())).as("tags of %s from%n  %s", repo, list.describe())
        .contains(TAG_128);
  }

  @Test
  @CheckId("names.tag.case-sensitive")
  @Covers({"R3"})
  void tags_that_differ_only_in_case_are_different_tags() {
    TestImage other = scenario.newImage(256);
    scenario.pusher().pushImage(repo, other, "casetag");
    assertThat(putImage("CaseTag")).hasStatus(201);

    assertThat(registry.getManifest(repo, "CaseTag", ANY_MANIFEST))
        .hasStatus(200).hasBody(image.manifest().raw()).hasContentDigest(image.manifest().digest());
    assertThat(registry.getManifest(repo, "casetag", ANY_MANIFEST))
        .hasStatus(200).hasBody(other.manifest().raw()).hasContentDigest(other.manifest().digest());
  }

  @Test
  @CheckId("names.tag.invalid.too-long")
  @Covers({"R3", "R72"})
  void a_tag_of_129_characters_is_not_accepted() {
    assertInvalidTagNotAccepted(INVALID_TAGS.get("too-long"));
  }

  @Test
  @CheckId("names.tag.invalid.leading-period")
  @Covers({"R3", "R72"})
  void a_tag_starting_with_a_period_is_not_accepted() {
    assertInvalidTagNotAccepted(INVALID_TAGS.get("leading-period"));
  }

  @Test
  @CheckId("names.tag.invalid.leading-dash")
  @Covers({"R3", "R72"})
  void a_tag_starting_with_a_dash_is_not_accepted() {
    assertInvalidTagNotAccepted(INVALID_TAGS.get("leading-dash"));
  }

  @Test
  @CheckId("names.tag.invalid.colon")
  @Covers({"R3", "R72"})
  void a_tag_containing_a_colon_is_not_accepted() {
    assertInvalidTagNotAccepted(INVALID_TAGS.get("colon"));
  }

  @Test
  @CheckId(value = "names.tag.invalid.answers-400", level = Level.SHOULD)
  @Covers({"R3", "R72"})
  void an_invalid_tag_is_answered_400_with_a_spec_error_code() {
    SoftAssertions softly = new SoftAssertions();
    for (String tag : INVALID_TAGS.values()) {
      RegistryResponse put = putImage(tag);
      softly.check(() -> assertThat(put).hasStatus(400));
      softly.check(() -> assertThat(put.errors()).as("error codes of%n  %s", put.describe()).isNotEmpty()
          .allMatch(e -> ErrorCode.fromWire(e.code()).isPresent()));
    }
    softly.assertAll();
  }

  @Test
  @CheckId("names.repository.nested-components")
  @Covers({"R2"})
  void a_repository_name_of_several_path_components_works_for_push_and_pull() {
    String nested = repo + "/nested/deeper";
    TestImage nestedImage = scenario.newImage(256);
    scenario.pusher().pushImage(nested, nestedImage, "1.0");
    ImageManifest manifest = nestedImage.manifest();

    assertThat(registry.getManifest(nested, "1.0", ANY_MANIFEST)).hasStatus(200).hasBody(manifest.raw());
    assertThat(registry.getManifest(nested, manifest.digest().toString(), ANY_MANIFEST))
        .hasStatus(200).hasBody(manifest.raw());
    assertThat(registry.getBlob(nested, manifest.config().digest()))
        .hasStatus(200).hasBodyMatching(manifest.config().digest(), manifest.config().size());
    RegistryResponse list = registry.listTags(nested);
    assertThat(list).hasStatus(200);
    assertThat(RegistryClient.tagsOf(list).orElse(List.of())).as("tags of %s from%n  %s", nested, list.describe())
        .containsExactly("1.0");
  }

  @Test
  @CheckId("names.repository.invalid-not-accepted")
  @Covers({"R2", "R72"})
  void an_upload_to_an_invalid_repository_name_is_not_accepted() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : invalidNames()) {
      RegistryResponse start = startUploadAndCancel(name);
      softly.check(() -> assertThat(ManagementRequests.isSuccess(start.status()))
          .as("a 2xx for the invalid name '%s':%n  %s", name, start.describe()).isFalse());
      softly.check(() -> ErrorBodies.assertConforms(start));
    }
    softly.assertAll();
  }

  @Test
  @CheckId(value = "names.repository.invalid-name-invalid", level = Level.SHOULD)
  @Covers({"R2", "R72"})
  void an_invalid_repository_name_is_answered_400_NAME_INVALID() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : invalidNames()) {
      RegistryResponse start = startUploadAndCancel(name);
      softly.check(() -> assertThat(start).hasStatus(400).hasErrorCode(ErrorCode.NAME_INVALID));
    }
    softly.assertAll();
  }

  @Test
  @CheckId("names.repository.nonexistent-manifest-404")
  @Covers({"R44", "R8", "R72"})
  void pulling_a_manifest_from_a_repository_that_does_not_exist_answers_404() {
    String missing = scenario.repository("never-pushed");
    for (String reference : List.of("latest", image.manifest().digest().toString())) {
      RegistryResponse get = registry.getManifest(missing, reference, ANY_MANIFEST);
      assertThat(get).hasStatus(404);
      ErrorBodies.assertConforms(get);
      assertCodesAmong(get, ErrorCode.NAME_UNKNOWN, ErrorCode.MANIFEST_UNKNOWN);
    }
  }

  @Test
  @CheckId("names.repository.nonexistent-blob-404")
  @Covers({"R44", "R11", "R16", "R72"})
  void pulling_a_blob_from_a_repository_that_does_not_exist_answers_404_even_if_another_repository_has_it() {
    String missing = scenario.repository("never-pushed");
    Digest config = image.manifest().config().digest();

    RegistryResponse get = registry.getBlob(missing, config);
    assertThat(get).hasStatus(404);
    ErrorBodies.assertConforms(get);
    assertCodesAmong(get, ErrorCode.NAME_UNKNOWN, ErrorCode.BLOB_UNKNOWN);
    assertThat(registry.headBlob(missing, config)).hasStatus(404).hasEmptyBody();
  }

  @Test
  @CheckId("names.digest.malformed-reference")
  @Covers({"R8", "R72"})
  void a_manifest_reference_that_looks_like_a_digest_but_is_malformed_answers_400_or_404() {
    // The official suite's G19 probe: not a valid digest, nor a valid tag (':' is not allowed in tags).
    RegistryResponse get = registry.getManifest(repo, "sha256:totallywrong", ANY_MANIFEST);
    assertThat(get).hasStatusIn("a client error: the reference is malformed (400) or names nothing (404)", 400, 404);
    ErrorBodies.assertConforms(get);
  }

  private RegistryResponse putImage(String tag) {
    RegistryResponse put = registry.putManifest(repo, tag, image.manifest().mediaType(), image.manifest().raw());
    if (ManagementRequests.isSuccess(put.status())) {
      scenario.cleanup().recordManifest(repo, image.manifest().digest());
    }
    return put;
  }

  private void assertInvalidTagNotAccepted(String tag) {
    RegistryResponse put = putImage(tag);
    assertThat(ManagementRequests.isSuccess(put.status()))
        .as("a 2xx for the invalid tag '%s' (the tag grammar is [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}):%n  %s",
            tag, put.describe())
        .isFalse();
    ErrorBodies.assertConforms(put);
  }

  /**
   * Names that break the grammar in one place each: upper case, two separators in a row, a component ending in a
   * separator, a component starting with one.
   */
  private List<String> invalidNames() {
    return List.of(repo + "-UPPER", repo + "..double", repo + "-", repo + "/_leading");
  }

  /** POST to start an upload; if the registry opened one anyway, cancels it so nothing is left behind. */
  private RegistryResponse startUploadAndCancel(String name) {
    RegistryResponse start = registry.startUpload(name);
    if (ManagementRequests.isSuccess(start.status()) && start.header(Headers.LOCATION).isPresent()) {
      registry.cancelUpload(start.header(Headers.LOCATION).get());
    }
    return start;
  }

  private static void assertCodesAmong(RegistryResponse response, ErrorCode... allowed) {
    Set<String> codes = Set.of(java.util.Arrays.stream(allowed).map(Enum::name).toArray(String[]::new));
    List<RegistryError> errors = response.errors();
    assertThat(errors).as("error codes of%n  %s%n(any of %s)", response.describe(), codes)
        .allMatch(e -> codes.contains(e.code()));
  }
}
