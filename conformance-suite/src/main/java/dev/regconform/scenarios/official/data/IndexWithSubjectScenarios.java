package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Feature;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.ManifestFormatException;
import dev.regconform.model.MediaTypes;
import dev.regconform.model.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code index-with-subject} data set (and the index part of G58): an OCI image index whose
 * {@code subject} is an image, and an index as a subject in turn: an artifact index with an {@code artifactType}
 * whose subject is that index, listing an artifact that names the index as its subject too. Every registry must
 * accept them, with or without the referrers API (a registry without it ignores the field); one with the API answers
 * each PUT with {@code OCI-Subject} and lists both referrers of the index.
 */
@DataSetName("index-with-subject")
@DisplayName("Data set: index with a subject, and an index as a subject")
public class IndexWithSubjectScenarios extends DataSetLifecycle {
  private static final String INDEX_ARTIFACT_TYPE = "application/vnd.regconform.index-referrer.v1";

  private Descriptor imageSubject;
  private Descriptor indexSubject;
  private DataSetManifest index;
  private DataSetManifest artifact;
  private DataSetManifest artifactIndex;

  @Override
  protected List<DataSetManifest> prepare(Scenario scenario) {
    DataSetManifest subjectImage = DataSets.image(scenario, "the subject image", scenario.newImage(128));
    imageSubject = Descriptor.of(subjectImage.mediaType(), subjectImage.body());
    DataSetManifest child = DataSets.image(scenario, "the image the index lists", scenario.newImage(128));
    ImageIndex withSubject = ImageIndex.of(MediaTypes.OCI_INDEX, null,
        List.of(Descriptor.of(child.mediaType(), child.body()).withPlatform(Platform.of("linux", "amd64"))),
        imageSubject, Map.of("dev.regconform.data-set", "index-with-subject"));
    index = DataSetManifest.of("the index with a subject", withSubject, "index-with-subject");
    indexSubject = Descriptor.of(MediaTypes.OCI_INDEX, withSubject.raw());

    DataSets.pushBlob(scenario, repo, MediaTypes.OCI_EMPTY, DataSets.EMPTY_JSON);
    Descriptor layer = DataSets.pushBlob(scenario, repo, MediaTypes.OCTET_STREAM, DataSets.unique("index referrer"));
    ImageManifest referrer = ImageManifest.of(MediaTypes.OCI_MANIFEST, INDEX_ARTIFACT_TYPE, DataSets.EMPTY_CONFIG,
        List.of(layer), indexSubject, Map.of("dev.regconform.referrer", "artifact of an index"));
    artifact = DataSetManifest.of("the artifact whose subject is the index", referrer);
    ImageIndex referrerIndex = ImageIndex.of(MediaTypes.OCI_INDEX, INDEX_ARTIFACT_TYPE,
        List.of(new Descriptor(MediaTypes.OCI_MANIFEST, referrer.digest(), referrer.raw().length, null, null, null,
            INDEX_ARTIFACT_TYPE)),
        indexSubject, Map.of("dev.regconform.referrer", "artifact index of an index"));
    artifactIndex = DataSetManifest.of("the artifact index whose subject is the index", referrerIndex);
    return List.of(subjectImage.withTags("subject"), child, index, artifact, artifactIndex);
  }

  /** G58 requires OCI-Subject on the PUT of an index with a subject too; without the referrers API: unsupported. */
  @Test
  @CheckId("manifests.data.index-with-subject.oci-subject")
  @Covers({"R46"})
  @RequiresFeature(Feature.REFERRERS)
  void pushing_an_index_with_a_subject_answers_OCI_Subject_with_the_subject_digest() {
    requireReferrersApi();
    putsOf(index).forEach(put -> assertThat(put).hasStatus(201)
        .hasHeader(DataSets.OCI_SUBJECT, imageSubject.digest().toString()));
    for (DataSetManifest m : List.of(artifact, artifactIndex)) {
      putsOf(m).forEach(put -> assertThat(put).hasStatus(201)
          .hasHeader(DataSets.OCI_SUBJECT, indexSubject.digest().toString()));
    }
  }

  @Test
  @CheckId("referrers.subject-index.listed")
  @Covers({"R56", "R57"})
  @RequiresFeature(Feature.REFERRERS)
  void the_referrers_of_an_index_list_the_artifact_and_the_artifact_index_that_name_it() {
    requireReferrersApi();
    requireEveryManifestStored();
    RegistryResponse list = registry.listReferrers(repo, indexSubject.digest().toString(), null);
    assertThat(list).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
    List<Descriptor> listed;
    try {
      listed = ImageIndex.parse(list.body()).manifests();
    } catch (ManifestFormatException e) {
      throw new AssertionError("Expecting an image index from\n  " + list.describe() + "\nbut: " + e.getMessage());
    }
    assertThat(listed).as("referrers of the index %s, from%n  %s", indexSubject.digest(), list.describe())
        .extracting(Descriptor::digest, Descriptor::mediaType, Descriptor::size, Descriptor::artifactType)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(artifact.digest(), MediaTypes.OCI_MANIFEST,
                (long) artifact.body().length, INDEX_ARTIFACT_TYPE),
            org.assertj.core.groups.Tuple.tuple(artifactIndex.digest(), MediaTypes.OCI_INDEX,
                (long) artifactIndex.body().length, INDEX_ARTIFACT_TYPE));
  }

  private void requireReferrersApi() {
    List<RegistryResponse> withSubject = List.of(index, artifact, artifactIndex).stream()
        .flatMap(m -> putsOf(m).stream()).toList();
    if (withSubject.stream().noneMatch(p -> p.header(DataSets.OCI_SUBJECT).isPresent())) {
      DataSets.requireReferrersApi(registry.listReferrers(repo, imageSubject.digest().toString(), null), withSubject);
    }
  }
}
