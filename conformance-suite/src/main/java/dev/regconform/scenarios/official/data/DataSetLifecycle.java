package dev.regconform.scenarios.official.data;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.CheckIds;
import dev.regconform.junit.Covers;
import dev.regconform.junit.DataSetName;
import dev.regconform.junit.Feature;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.junit.Scenario;
import dev.regconform.scenarios.Accept;
import dev.regconform.scenarios.Deletion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the official suite's rewrite does with every data set (catalog 2.3, H19-H26), once for all of ours: each
 * manifest is PUT by its digest and then under its tags, in the order the data set gives (children before the
 * indexes that list them); then the tag list, HEAD and GET by every reference, the Content-Type; and last every
 * manifest is deleted by digest, newest first, and must be gone by every reference.
 *
 * <p>A subclass, annotated with its {@link DataSetName}, pushes the blobs its manifests need and returns the
 * manifests; its own checks (referrers, layers, …) read the same state before the deletion, which runs last.
 */
@RegistryConformance
@Tag("manifests")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DataSetLifecycle {
  static final String PUSH_CHECK = "manifests.data.{data-set}.push";

  protected RegistryClient registry;
  protected String repo;
  private String name;
  private List<DataSetManifest> manifests;
  /** For every manifest, the answers to its PUTs: by digest first, then one per tag. */
  private final Map<DataSetManifest, List<RegistryResponse>> puts = new LinkedHashMap<>();

  /**
   * Pushes the blobs the data set's manifests refer to (and any content they need beside them) and returns the
   * manifests in push order. Runs once, before any check.
   */
  protected abstract List<DataSetManifest> prepare(Scenario scenario);

  @BeforeAll
  final void pushDataSet(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    name = getClass().getAnnotation(DataSetName.class).value();
    manifests = List.copyOf(prepare(scenario));
    for (DataSetManifest m : manifests) {
      List<RegistryResponse> answers = new ArrayList<>();
      for (String reference : m.references()) {
        answers.add(DataSets.putManifest(scenario, repo, reference, m.mediaType(), m.body(), m.digest()));
      }
      puts.put(m, answers);
    }
  }

  @Test
  @Order(1)
  @CheckId(PUSH_CHECK)
  @Covers({"R41", "R42"})
  void every_manifest_of_the_data_set_is_accepted_by_digest_and_by_tag() {
    puts.forEach((manifest, answers) -> answers.forEach(put -> DataSets.assertAccepted(put, manifest.digest())));
  }

  @Test
  @Order(2)
  @CheckId("manifests.data.{data-set}.tag-list")
  @Covers({"R48"})
  void the_tag_list_holds_every_tag_of_the_data_set() {
    List<String> tags = manifests.stream().flatMap(m -> m.tags().stream()).toList();
    requireEveryManifestStored();
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(RegistryClient.tagsOf(list).orElse(List.of()))
        .as("tags of %s after pushing the %s data set, from%n  %s", repo, name, list.describe())
        .containsAll(tags);
  }

  @Test
  @Order(3)
  @CheckId("manifests.data.{data-set}.head")
  @Covers({"R13", "R14", "R15"})
  void every_manifest_answers_HEAD_by_digest_and_by_tag_with_its_size_and_digest() {
    requireEveryManifestStored();
    for (DataSetManifest m : manifests) {
      for (String reference : m.references()) {
        assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200).hasEmptyBody()
            .hasContentLength(m.body().length).hasContentDigest(m.digest());
      }
    }
  }

  @Test
  @Order(4)
  @CheckId("manifests.data.{data-set}.pull")
  @Covers({"R6", "R40"})
  void every_manifest_pulls_back_as_sent_by_digest_and_by_tag() {
    requireEveryManifestStored();
    for (DataSetManifest m : manifests) {
      for (String reference : m.references()) {
        DataSets.assertPullsBack(registry, repo, reference, m.body(), m.digest());
      }
    }
  }

  @Test
  @Order(5)
  @CheckId(value = "manifests.data.{data-set}.content-type", level = Level.SHOULD)
  @Covers({"R5"})
  void every_manifest_is_served_with_the_media_type_it_was_pushed_as() {
    requireEveryManifestStored();
    for (DataSetManifest m : manifests) {
      for (String reference : m.references()) {
        DataSets.assertServedAs(registry, repo, reference, m.mediaType());
        assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).hasStatus(200)
            .hasContentType(m.mediaType());
      }
    }
  }

  /** Runs after every other check of the class, as the official suite deletes each data set last. */
  @Test
  @Order(Integer.MAX_VALUE)
  @CheckId("manifests.data.{data-set}.delete")
  @Covers({"R66", "R67"})
  @RequiresFeature(Feature.DELETE_MANIFESTS)
  void deleting_every_manifest_newest_first_leaves_no_reference_that_pulls() {
    requireEveryManifestStored();
    List<DataSetManifest> newestFirst = new ArrayList<>(manifests);
    Collections.reverse(newestFirst);
    for (DataSetManifest m : newestFirst) {
      RegistryResponse delete = registry.deleteManifest(repo, m.digest().toString());
      Deletion.unsupportedIfRefused(delete, "manifest deletion");
      assertThat(delete).as("delete %s of the %s data set", m, name).hasStatus(202);
    }
    for (DataSetManifest m : manifests) {
      for (String reference : m.references()) {
        assertThat(registry.getManifest(repo, reference, Accept.ANY_MANIFEST)).as("GET of the deleted %s", m)
            .hasStatus(404);
        assertThat(registry.headManifest(repo, reference, Accept.ANY_MANIFEST)).as("HEAD of the deleted %s", m)
            .hasStatus(404);
      }
    }
  }

  /** The answers to every PUT of {@code manifest}: by digest, then one per tag. */
  protected final List<RegistryResponse> putsOf(DataSetManifest manifest) {
    return puts.get(manifest);
  }

  /** Skips a check that reads the data set back when a PUT was refused (the push check reports that). */
  protected final void requireEveryManifestStored() {
    String pushCheck = PUSH_CHECK.replace(CheckIds.DATA_SET, name);
    puts.values().forEach(answers -> answers.forEach(put -> DataSets.requireStored(put, pushCheck)));
  }
}
