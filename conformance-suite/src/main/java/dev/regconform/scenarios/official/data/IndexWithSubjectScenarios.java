package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Descriptor;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.MediaTypes;
import dev.regconform.model.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The official suite's {@code index-with-subject} data set (and the index part of G58): an OCI image index whose
 * {@code subject} is an image pushed before it. Every registry must accept it, with or without the referrers API
 * (a registry without it ignores the field); one with the API answers the PUT with {@code OCI-Subject}.
 */
@RegistryConformance
@Tag("manifests")
@DisplayName("Data set: index with a subject")
public class IndexWithSubjectScenarios {
  static final String TAG = "index-with-subject";

  private RegistryClient registry;
  private String repo;
  private Descriptor subject;
  private ImageIndex index;
  private RegistryResponse put;

  @BeforeAll
  void pushIndexWithSubject(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    TestImage subjectImage = scenario.newImage(128);
    scenario.pusher().pushImage(repo, subjectImage, "subject");
    subject = Descriptor.of(MediaTypes.OCI_MANIFEST, subjectImage.manifest().raw());
    TestImage child = scenario.newImage(128);
    scenario.pusher().pushImage(repo, child, child.manifest().digest().toString());
    index = ImageIndex.of(MediaTypes.OCI_INDEX, null,
        List.of(Descriptor.of(MediaTypes.OCI_MANIFEST, child.manifest().raw())
            .withPlatform(Platform.of("linux", "amd64"))),
        subject, Map.of("dev.regconform.data-set", "index-with-subject"));
    put = DataSets.putManifest(scenario, repo, TAG, index.mediaType(), index.raw(), index.digest());
  }

  @Test
  @CheckId("manifests.data.index-with-subject.push")
  @Covers({"R41", "R42"})
  void an_index_with_a_subject_is_accepted_with_its_digest() {
    DataSets.assertAccepted(put, index.digest());
  }

  @Test
  @CheckId("manifests.data.index-with-subject.pull")
  @Covers({"R40"})
  void the_index_with_a_subject_pulls_back_as_sent_by_tag_and_by_digest() {
    DataSets.requireStored(put, "manifests.data.index-with-subject.push");
    DataSets.assertPullsBack(registry, repo, TAG, index.raw(), index.digest());
    DataSets.assertPullsBack(registry, repo, index.digest().toString(), index.raw(), index.digest());
  }

  @Test
  @CheckId(value = "manifests.data.index-with-subject.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void the_index_with_a_subject_is_served_as_an_OCI_index() {
    DataSets.requireStored(put, "manifests.data.index-with-subject.push");
    DataSets.assertServedAs(registry, repo, TAG, MediaTypes.OCI_INDEX);
    DataSets.assertServedAs(registry, repo, index.digest().toString(), MediaTypes.OCI_INDEX);
  }

  /** G58 requires OCI-Subject on the PUT of an index with a subject too; without the referrers API: unsupported. */
  @Test
  @CheckId("manifests.data.index-with-subject.oci-subject")
  @Covers({"R46"})
  @RequiresFeature(Feature.REFERRERS)
  void pushing_an_index_with_a_subject_answers_OCI_Subject_with_the_subject_digest() {
    if (put.header(DataSets.OCI_SUBJECT).isEmpty()) {
      DataSets.requireReferrersApi(registry.listReferrers(repo, subject.digest().toString(), null), List.of(put));
    }
    assertThat(put).hasStatus(201).hasHeader(DataSets.OCI_SUBJECT, subject.digest().toString());
  }
}
