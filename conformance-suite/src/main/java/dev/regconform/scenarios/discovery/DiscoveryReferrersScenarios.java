package dev.regconform.scenarios.discovery;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Referrers (spec "Pushing Manifests with Subject", "Listing Referrers", end-12a/b, and the "Referrers Tag
 * Schema"): artifacts whose {@code subject} points at an image, the {@code OCI-Subject} header on their PUT,
 * the referrers list as an image index, the {@code artifactType} filter, and the fallback tag clients use
 * when a registry has no referrers API.
 *
 * <p>The repository holds a subject image with two referrers: an SBOM artifact ({@code artifactType} set,
 * the empty config {@code {}}) and a signature without {@code artifactType} (so its type is its config's
 * media type), each with an annotation. Two more artifacts refer to a subject that is never pushed, and a
 * second repository holds the same subject with a referrer of its own, which must not leak into the first.
 *
 * <p>A registry without the referrers API answers 404 to {@code GET /v2/<name>/referrers/<digest>} of an
 * existing repository, and sends no {@code OCI-Subject}: the checks that need the API are then
 * "unsupported". A registry that sent {@code OCI-Subject} claims the API, so a 404 from it is a failure
 * (R54: MUST NOT answer 404). The {@code referrers.fallback.*} checks run everywhere: the tag schema is client
 * behaviour that only needs a registry to store an index under a tag.
 */
@Tag("referrers")
@DisplayName("Referrers")
public class DiscoveryReferrersScenarios extends ScenarioSupport {
  static final String OCI_SUBJECT = ReferrersApi.OCI_SUBJECT;
  static final String OCI_FILTERS_APPLIED = "OCI-Filters-Applied";
  private static final String SBOM_TYPE = "application/vnd.regconform.sbom.v1+json";
  private static final String SIGNATURE_CONFIG_TYPE = "application/vnd.regconform.signature.config.v1+json";
  private static final String ANNOTATION = "dev.regconform.referrer";
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor EMPTY = Descriptor.of(MediaTypes.OCI_EMPTY, EMPTY_JSON);
  private static final List<String> ACCEPT_INDEX = List.of(MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST);

  private String otherRepo;
  private Descriptor subject;
  private Digest noReferrers;
  private Descriptor missingSubject;
  private ImageManifest sbom;
  private ImageManifest signature;
  private ImageManifest orphan;
  private ImageManifest orphanSignature;
  private ImageManifest otherRepoReferrer;
  private RegistryResponse sbomPut;
  private RegistryResponse signaturePut;
  private RegistryResponse orphanPut;
  private RegistryResponse otherRepoPut;
  private RegistryResponse probe;
  private ImageIndex fallbackIndex;
  private RegistryResponse fallbackPut;

  /**
   * Pushes the subject, its referrers, the referrers of a missing subject, the second repository, and the
   * fallback index tagged {@code sha256-<subject hex>}. Manifest PUT answers are kept for the checks.
   */
  @BeforeAll
  void pushSubjectAndReferrers(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    otherRepo = scenario.repository("other");
    long unique = System.nanoTime();

    TestImage image = scenario.newImage(256);
    scenario.pusher().pushImage(repo, image, "subject");
    subject = Descriptor.of(image.manifest().mediaType(), image.manifest().raw());
    TestImage bare = scenario.newImage(128);
    scenario.pusher().pushImage(repo, bare, "no-referrers");
    noReferrers = bare.manifest().digest();

    scenario.pusher().pushBytes(repo, EMPTY_JSON);
    byte[] sbomContent = ("{\"sbom\":\"regconform " + unique + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] signatureContent = ("{\"signature\":\"regconform " + unique + "\"}").getBytes(StandardCharsets.UTF_8);
    scenario.pusher().pushBytes(repo, sbomContent);
    scenario.pusher().pushBytes(repo, signatureContent);
    Descriptor sbomLayer = Descriptor.of(SBOM_TYPE, sbomContent);
    Descriptor signatureConfig = Descriptor.of(SIGNATURE_CONFIG_TYPE, signatureContent);
    sbom = ImageManifest.of(MediaTypes.OCI_MANIFEST, SBOM_TYPE, EMPTY, List.of(sbomLayer), subject,
        Map.of(ANNOTATION, "sbom"));
    signature = ImageManifest.of(MediaTypes.OCI_MANIFEST, null, signatureConfig, List.of(EMPTY), subject,
        Map.of(ANNOTATION, "signature"));
    sbomPut = putByDigest(repo, sbom);
    signaturePut = putByDigest(repo, signature);

    missingSubject = Descriptor.of(MediaTypes.OCI_MANIFEST,
        ("{\"regconform\":\"never pushed " + unique + "\"}").getBytes(StandardCharsets.UTF_8));
    orphan = ImageManifest.of(MediaTypes.OCI_MANIFEST, SBOM_TYPE, EMPTY, List.of(EMPTY), missingSubject,
        Map.of(ANNOTATION, "orphan"));
    orphanSignature = ImageManifest.of(MediaTypes.OCI_MANIFEST, null, signatureConfig, List.of(EMPTY), missingSubject,
        Map.of(ANNOTATION, "orphan-signature"));
    orphanPut = putByDigest(repo, orphan);
    putByDigest(repo, orphanSignature);

    scenario.pusher().pushImage(otherRepo, image, "subject");
    scenario.pusher().pushBytes(otherRepo, EMPTY_JSON);
    otherRepoReferrer = ImageManifest.of(MediaTypes.OCI_MANIFEST, SBOM_TYPE, EMPTY, List.of(EMPTY), subject,
        Map.of(ANNOTATION, "other-repository"));
    otherRepoPut = putByDigest(otherRepo, otherRepoReferrer);

    probe = registry.listReferrers(repo, subject.digest().toString(), null);

    fallbackIndex = ImageIndex.of(MediaTypes.OCI_INDEX, null, List.of(referrerDescriptor(sbom),
        referrerDescriptor(signature)), null, null);
    fallbackPut = registry.putManifest(repo, ReferrersTagSchema.tagFor(subject.digest()), MediaTypes.OCI_INDEX,
        fallbackIndex.raw());
    scenario.cleanup().recordManifest(repo, fallbackIndex.digest());
  }

  @Test
  @CheckId("referrers.push.artifact")
  @Covers({"R41", "R42"})
  void an_artifact_manifest_with_a_subject_is_accepted_with_its_digest() {
    assertThat(sbomPut).hasStatus(201).hasLocationHeader().hasContentDigest(sbom.digest());
    assertThat(signaturePut).hasStatus(201).hasLocationHeader().hasContentDigest(signature.digest());
  }

  @Test
  @CheckId("referrers.push.subject-missing")
  @Covers("R17")
  void an_artifact_whose_subject_does_not_exist_is_accepted() {
    assertThat(orphanPut).hasStatus(201).hasContentDigest(orphan.digest());
  }

  @Test
  @CheckId("referrers.push.oci-subject")
  @Covers("R46")
  @RequiresFeature(Feature.REFERRERS)
  void pushing_a_manifest_with_a_subject_answers_OCI_Subject_with_the_subject_digest() {
    assertThat(sbomPut).hasStatus(201);
    if (sbomPut.header(OCI_SUBJECT).isEmpty()) {
      requireReferrersApi();
    }
    assertThat(sbomPut).hasHeader(OCI_SUBJECT, subject.digest().toString());
    assertThat(signaturePut).hasHeader(OCI_SUBJECT, subject.digest().toString());
  }

  @Test
  @CheckId("referrers.list.status")
  @Covers("R54")
  @RequiresFeature(Feature.REFERRERS)
  void listing_the_referrers_of_a_manifest_answers_200() {
    requireReferrersApi();
    assertThat(probe).hasStatus(200);
  }

  @Test
  @CheckId("referrers.list.content-type")
  @Covers("R56")
  @RequiresFeature(Feature.REFERRERS)
  void the_referrers_list_is_served_as_an_OCI_image_index() {
    requireReferrersApi();
    assertThat(probe).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
  }

  @Test
  @CheckId("referrers.list.image-index")
  @Covers("R56")
  @RequiresFeature(Feature.REFERRERS)
  void the_referrers_list_body_is_an_image_index() {
    requireReferrersApi();
    ImageIndex index = index(probe);
    assertThat(index.schemaVersion()).as("schemaVersion of %s", probe.describe()).isEqualTo(2);
    assertThat(index.mediaType()).as("mediaType of %s", probe.describe()).isEqualTo(MediaTypes.OCI_INDEX);
  }

  @Test
  @CheckId("referrers.list.every-referrer")
  @Covers("R56")
  @RequiresFeature(Feature.REFERRERS)
  void the_referrers_list_holds_every_referrer_with_its_media_type_digest_and_size() {
    requireReferrersApi();
    List<Descriptor> listed = index(probe).manifests();
    for (ImageManifest referrer : List.of(sbom, signature)) {
      Descriptor entry = entryFor(listed, referrer);
      assertThat(entry.mediaType()).as("mediaType of %s in %s", referrer.digest(), probe.describe())
          .isEqualTo(MediaTypes.OCI_MANIFEST);
      assertThat(entry.size()).as("size of %s in %s", referrer.digest(), probe.describe())
          .isEqualTo(referrer.raw().length);
    }
    assertThat(listed).as("entries of %s", probe.describe()).hasSize(2);
  }

  @Test
  @CheckId("referrers.list.artifact-type")
  @Covers("R57")
  @RequiresFeature(Feature.REFERRERS)
  void each_referrer_has_its_artifactType_or_else_its_config_media_type() {
    requireReferrersApi();
    List<Descriptor> listed = index(probe).manifests();
    assertThat(entryFor(listed, sbom).artifactType()).as("artifactType of the SBOM (its artifactType) in %s",
        probe.describe()).isEqualTo(SBOM_TYPE);
    assertThat(entryFor(listed, signature).artifactType())
        .as("artifactType of the signature (no artifactType: its config.mediaType) in %s", probe.describe())
        .isEqualTo(SIGNATURE_CONFIG_TYPE);
  }

  @Test
  @CheckId("referrers.list.annotations")
  @Covers("R58")
  @RequiresFeature(Feature.REFERRERS)
  void each_referrer_carries_the_annotations_of_its_manifest() {
    requireReferrersApi();
    List<Descriptor> listed = index(probe).manifests();
    for (ImageManifest referrer : List.of(sbom, signature)) {
      assertThat(entryFor(listed, referrer).annotations()).as("annotations of %s in %s", referrer.digest(),
          probe.describe()).containsAllEntriesOf(referrer.annotations());
    }
  }

  @Test
  @CheckId("referrers.list.none")
  @Covers({"R59", "R54"})
  @RequiresFeature(Feature.REFERRERS)
  void a_manifest_without_referrers_lists_an_empty_index() {
    requireReferrersApi();
    RegistryResponse list = registry.listReferrers(repo, noReferrers.toString(), null);
    assertThat(list).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
    assertThat(index(list).manifests()).as("entries of %s", list.describe()).isEmpty();
  }

  /**
   * A digest never pushed, in a repository that holds content: the full empty index (Content-Type,
   * {@code schemaVersion} 2, {@code mediaType}, no entries), as the official suite's H3 requires. For a repository
   * that does not exist see {@code referrers.list.nonexistent-repository}.
   */
  @Test
  @CheckId("referrers.list.unknown-digest")
  @Covers({"R59", "R54", "R56"})
  @RequiresFeature(Feature.REFERRERS)
  void a_digest_nothing_refers_to_and_never_pushed_lists_an_empty_index() {
    requireReferrersApi();
    Digest unknown = Digest.sha256(("regconform: nothing refers to this " + System.nanoTime())
        .getBytes(StandardCharsets.UTF_8));
    ReferrersApi.assertEmptyIndex(registry.listReferrers(repo, unknown.toString(), null));
  }

  @Test
  @CheckId("referrers.list.missing-subject")
  @Covers({"R17", "R56"})
  @RequiresFeature(Feature.REFERRERS)
  void the_referrers_of_a_subject_never_pushed_are_listed() {
    requireReferrersApi();
    RegistryResponse list = registry.listReferrers(repo, missingSubject.digest().toString(), null);
    assertThat(list).hasStatus(200);
    assertThat(index(list).manifests()).as("entries of %s", list.describe()).extracting(Descriptor::digest)
        .containsExactlyInAnyOrder(orphan.digest(), orphanSignature.digest());
  }

  @Test
  @CheckId("referrers.list.same-repository")
  @Covers("R62")
  @RequiresFeature(Feature.REFERRERS)
  void referrers_pushed_to_another_repository_are_not_listed() {
    requireReferrersApi();
    assertThat(otherRepoPut).hasStatus(201);
    assertThat(index(probe).manifests()).as("entries of %s", probe.describe()).extracting(Descriptor::digest)
        .doesNotContain(otherRepoReferrer.digest());
    RegistryResponse other = registry.listReferrers(otherRepo, subject.digest().toString(), null);
    assertThat(other).hasStatus(200);
    assertThat(index(other).manifests()).as("entries of %s", other.describe()).extracting(Descriptor::digest)
        .containsExactly(otherRepoReferrer.digest());
  }

  @Test
  @CheckId("referrers.list.invalid-digest")
  @Covers("R55")
  @RequiresFeature(Feature.REFERRERS)
  void an_invalid_digest_answers_400() {
    requireReferrersApi();
    assertThat(registry.listReferrers(repo, "sha256:not-a-valid-digest", null)).hasStatus(400);
  }

  @Test
  @CheckId(value = "referrers.filter.applied", level = Level.SHOULD)
  @Covers("R61")
  @RequiresFeature(Feature.REFERRERS)
  void the_artifactType_filter_is_applied_and_says_so() {
    requireReferrersApi();
    RegistryResponse list = registry.listReferrers(repo, subject.digest().toString(), SBOM_TYPE);
    assertThat(list).hasStatus(200).hasHeader(OCI_FILTERS_APPLIED);
  }

  @Test
  @CheckId("referrers.filter.only-matching")
  @Covers("R61")
  @RequiresFeature(Feature.REFERRERS)
  void a_filtered_list_holds_only_matching_referrers_and_an_unfiltered_one_all() {
    requireReferrersApi();
    RegistryResponse list = registry.listReferrers(repo, subject.digest().toString(), SBOM_TYPE);
    assertThat(list).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
    List<Digest> listed = index(list).manifests().stream().map(Descriptor::digest).toList();
    if (filtersApplied(list).contains("artifactType")) {
      assertThat(listed).as("entries of %s (OCI-Filters-Applied: artifactType, so only %s)", list.describe(), SBOM_TYPE)
          .containsExactly(sbom.digest());
    } else {
      assertThat(listed).as("entries of %s (no OCI-Filters-Applied: artifactType, so not filtered)", list.describe())
          .containsExactlyInAnyOrder(sbom.digest(), signature.digest());
    }
  }

  @Test
  @CheckId("referrers.filter.header-value")
  @Covers("R61")
  @RequiresFeature(Feature.REFERRERS)
  void OCI_Filters_Applied_names_the_artifactType_filter() {
    requireReferrersApi();
    RegistryResponse list = registry.listReferrers(repo, subject.digest().toString(), SBOM_TYPE);
    assertThat(list).hasStatus(200);
    Assumptions.assumeTrue(list.header(OCI_FILTERS_APPLIED).isPresent(),
        "the registry did not apply the artifactType filter (no OCI-Filters-Applied header)");
    assertThat(filtersApplied(list)).as("the filters in OCI-Filters-Applied of %s", list.describe())
        .containsExactly("artifactType");
  }

  @Test
  @CheckId("referrers.filter.no-match")
  @Covers({"R61", "R59"})
  @RequiresFeature(Feature.REFERRERS)
  void a_filter_no_referrer_matches_lists_an_empty_index() {
    requireReferrersApi();
    RegistryResponse list = registry.listReferrers(repo, subject.digest().toString(),
        "application/vnd.regconform.no-such-type.v1+json");
    assertThat(list).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
    Assumptions.assumeTrue(filtersApplied(list).contains("artifactType"),
        "the registry did not apply the artifactType filter (no OCI-Filters-Applied: artifactType)");
    assertThat(index(list).manifests()).as("entries of %s", list.describe()).isEmpty();
  }

  @Test
  @CheckId("referrers.fallback.tag-schema")
  @Covers("R76")
  void an_index_tagged_by_the_referrers_tag_schema_is_stored_and_served() {
    String tag = ReferrersTagSchema.tagFor(subject.digest());
    assertThat(fallbackPut).hasStatus(201).hasContentDigest(fallbackIndex.digest());
    assertThat(registry.getManifest(repo, tag, ACCEPT_INDEX))
        .hasStatus(200).hasBody(fallbackIndex.raw()).hasContentType(MediaTypes.OCI_INDEX);
  }

  @Test
  @CheckId("referrers.fallback.tag-listed")
  @Covers({"R76", "R48"})
  void the_referrers_tag_schema_tag_is_in_the_tag_list() {
    String tag = ReferrersTagSchema.tagFor(subject.digest());
    Assumptions.assumeTrue(fallbackPut.status() == 201, () -> "the index tagged " + tag + " was not stored "
        + "(referrers.fallback.tag-schema reports that): " + fallbackPut);
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(Listing.require(list, "tags")).as("tags of %s\n  %s", repo, list.describe()).contains(tag);
  }

  /** A client adding a referrer replaces the index under the same tag. */
  @Test
  @CheckId("referrers.fallback.tag-update")
  @Covers("R76")
  void replacing_the_referrers_tag_schema_index_serves_the_new_index() {
    String tag = ReferrersTagSchema.tagFor(missingSubject.digest());
    ImageIndex first = ImageIndex.of(MediaTypes.OCI_INDEX, null, List.of(referrerDescriptor(orphan)), null, null);
    ImageIndex second = ImageIndex.of(MediaTypes.OCI_INDEX, null,
        List.of(referrerDescriptor(orphan), referrerDescriptor(orphanSignature)), null, null);
    RegistryResponse firstPut = registry.putManifest(repo, tag, MediaTypes.OCI_INDEX, first.raw());
    scenario.cleanup().recordManifest(repo, first.digest());
    assertThat(firstPut).hasStatus(201);
    RegistryResponse secondPut = registry.putManifest(repo, tag, MediaTypes.OCI_INDEX, second.raw());
    scenario.cleanup().recordManifest(repo, second.digest());
    assertThat(secondPut).hasStatus(201).hasContentDigest(second.digest());
    assertThat(registry.getManifest(repo, tag, ACCEPT_INDEX)).hasStatus(200).hasBody(second.raw());
  }

  /** Ends the check as unsupported when the registry has no referrers API ({@link ReferrersApi#require}). */
  private void requireReferrersApi() {
    ReferrersApi.require(probe, List.of(sbomPut, signaturePut));
  }

  private RegistryResponse putByDigest(String repository, ImageManifest manifest) {
    RegistryResponse put = registry.putManifest(repository, manifest.digest().toString(), manifest.mediaType(),
        manifest.raw());
    scenario.cleanup().recordManifest(repository, manifest.digest());
    return put;
  }

  /** The descriptor of a referrer as an index lists it: with its artifact type and annotations. */
  private static Descriptor referrerDescriptor(ImageManifest referrer) {
    String type = referrer.artifactType() != null ? referrer.artifactType() : referrer.config().mediaType();
    return new Descriptor(referrer.mediaType(), referrer.digest(), referrer.raw().length, null,
        referrer.annotations(), null, type);
  }

  private static ImageIndex index(RegistryResponse response) {
    return ReferrersApi.index(response);
  }

  private static Descriptor entryFor(List<Descriptor> listed, ImageManifest referrer) {
    Optional<Descriptor> entry = listed.stream().filter(d -> d.digest().equals(referrer.digest())).findFirst();
    return entry.orElseThrow(() -> new AssertionError("Expecting the referrers list to hold " + referrer.digest()
        + " (" + referrer.annotations() + ") but it lists " + listed.stream().map(Descriptor::digest).toList()));
  }

  /** The filter names of {@code OCI-Filters-Applied} (a comma list, possibly over several headers). */
  private static List<String> filtersApplied(RegistryResponse response) {
    return response.headers(OCI_FILTERS_APPLIED).stream()
        .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
