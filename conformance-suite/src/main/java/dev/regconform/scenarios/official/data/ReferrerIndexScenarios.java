package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.Manifest;
import dev.regconform.model.ManifestFormatException;
import dev.regconform.model.MediaTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Image indexes as referrers (G58/G63, the official suite's {@code index-with-subject} data set listed by H24): a
 * subject image, an artifact index with an {@code artifactType} whose entry is an artifact that also refers to the
 * subject, and an index with a subject but no {@code artifactType}. The referrers list must hold both indexes, as
 * image indexes, the first with its {@code artifactType} and the second with none (R57). An image-manifest artifact
 * refers to the subject as well, so a registry with the API says so with {@code OCI-Subject} even if it cannot store
 * indexes. A second repository holds nothing but a subject image: its referrers list is an empty index, not a 404.
 */
@RegistryConformance
@Tag("referrers")
@DisplayName("Data set: indexes as referrers")
public class ReferrerIndexScenarios {
  private static final String INDEX_ARTIFACT_TYPE = "application/vnd.regconform.index-artifact.v1";

  private RegistryClient registry;
  private String repo;
  private String subjectOnlyRepo;
  private Descriptor subject;
  private Descriptor loneSubject;
  private ImageIndex artifactIndex;
  private ImageIndex plainIndex;
  private RegistryResponse artifactIndexPut;
  private RegistryResponse plainIndexPut;
  private List<RegistryResponse> putsWithSubject;
  private RegistryResponse probe;

  @BeforeAll
  void pushSubjectAndIndexReferrers(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    subjectOnlyRepo = scenario.repository("subject-only");

    TestImage subjectImage = scenario.newImage(128);
    scenario.pusher().pushImage(repo, subjectImage, "subject");
    subject = Descriptor.of(MediaTypes.OCI_MANIFEST, subjectImage.manifest().raw());
    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("referrer layer"));

    ImageManifest artifact = ImageManifest.of(MediaTypes.OCI_MANIFEST, INDEX_ARTIFACT_TYPE, DataSets.EMPTY_CONFIG,
        List.of(layer), subject, Map.of("dev.regconform.referrer", "index entry"));
    RegistryResponse artifactPut = putByDigest(scenario, artifact);
    artifactIndex = ImageIndex.of(MediaTypes.OCI_INDEX, INDEX_ARTIFACT_TYPE,
        List.of(new Descriptor(MediaTypes.OCI_MANIFEST, artifact.digest(), artifact.raw().length, null, null, null,
            INDEX_ARTIFACT_TYPE)),
        subject, Map.of("dev.regconform.referrer", "artifact index"));
    artifactIndexPut = putByDigest(scenario, artifactIndex);

    TestImage child = scenario.newImage(128);
    scenario.pusher().pushImage(repo, child, child.manifest().digest().toString());
    plainIndex = ImageIndex.of(MediaTypes.OCI_INDEX, null,
        List.of(Descriptor.of(MediaTypes.OCI_MANIFEST, child.manifest().raw())), subject,
        Map.of("dev.regconform.referrer", "index without artifactType"));
    plainIndexPut = putByDigest(scenario, plainIndex);
    putsWithSubject = List.of(artifactPut, artifactIndexPut, plainIndexPut);
    probe = registry.listReferrers(repo, subject.digest().toString(), null);

    TestImage lone = scenario.newImage(128);
    scenario.pusher().pushImage(subjectOnlyRepo, lone, "subject");
    loneSubject = Descriptor.of(MediaTypes.OCI_MANIFEST, lone.manifest().raw());
  }

  @Test
  @CheckId("referrers.index.artifact-type")
  @Covers({"R56", "R57"})
  @RequiresFeature(Feature.REFERRERS)
  void an_image_index_with_a_subject_is_listed_as_a_referrer_with_its_artifactType() {
    DataSets.requireReferrersApi(probe, putsWithSubject);
    DataSets.assertAccepted(artifactIndexPut, artifactIndex.digest());
    Descriptor entry = entryFor(artifactIndex);
    assertThat(entry.mediaType()).as("mediaType of the index %s in %s", artifactIndex.digest(), probe.describe())
        .isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(entry.size()).as("size of the index %s in %s", artifactIndex.digest(), probe.describe())
        .isEqualTo(artifactIndex.raw().length);
    assertThat(entry.artifactType()).as("artifactType of the index %s in %s", artifactIndex.digest(),
        probe.describe()).isEqualTo(INDEX_ARTIFACT_TYPE);
  }

  @Test
  @CheckId("referrers.index.no-artifact-type")
  @Covers({"R56", "R57"})
  @RequiresFeature(Feature.REFERRERS)
  void an_image_index_without_artifactType_is_listed_as_a_referrer_without_one() {
    DataSets.requireReferrersApi(probe, putsWithSubject);
    DataSets.assertAccepted(plainIndexPut, plainIndex.digest());
    Descriptor entry = entryFor(plainIndex);
    assertThat(entry.mediaType()).as("mediaType of the index %s in %s", plainIndex.digest(), probe.describe())
        .isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(entry.artifactType()).as("artifactType of the index %s, which has none, in %s", plainIndex.digest(),
        probe.describe()).isNull();
  }

  @Test
  @CheckId("referrers.list.subject-only-repository")
  @Covers({"R54", "R56", "R59"})
  @RequiresFeature(Feature.REFERRERS)
  void the_referrers_of_the_only_manifest_of_a_repository_are_an_empty_index() {
    DataSets.requireReferrersApi(probe, putsWithSubject);
    RegistryResponse list = registry.listReferrers(subjectOnlyRepo, loneSubject.digest().toString(), null);
    assertThat(list).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
    ImageIndex index = parse(list);
    assertThat(index.schemaVersion()).as("schemaVersion of %s", list.describe()).isEqualTo(2);
    assertThat(index.mediaType()).as("mediaType of %s", list.describe()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(index.manifests()).as("entries of %s", list.describe()).isEmpty();
  }

  private RegistryResponse putByDigest(Scenario scenario, Manifest manifest) {
    return DataSets.putManifest(scenario, repo, manifest.digest().toString(), manifest.mediaType(), manifest.raw(),
        manifest.digest());
  }

  private Descriptor entryFor(ImageIndex referrer) {
    List<Descriptor> listed = parse(probe).manifests();
    return listed.stream().filter(d -> d.digest().equals(referrer.digest())).findFirst()
        .orElseThrow(() -> new AssertionError("Expecting the referrers list to hold the index " + referrer.digest()
            + " (" + referrer.annotations() + ") but it lists " + listed.stream().map(Descriptor::digest).toList()
            + "\n  " + probe.describe()));
  }

  private static ImageIndex parse(RegistryResponse response) {
    assertThat(response).hasStatus(200);
    try {
      return ImageIndex.parse(response.body());
    } catch (ManifestFormatException e) {
      throw new AssertionError("Expecting an image index from\n  " + response.describe() + "\nbut: " + e.getMessage());
    }
  }
}
