package dev.regconform.scenarios.discovery;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.LinkHeader;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Feature;
import dev.regconform.junit.RequiresFeature;
import dev.regconform.model.Descriptor;
import dev.regconform.model.Digest;
import dev.regconform.model.ImageIndex;
import dev.regconform.model.ImageManifest;
import dev.regconform.model.MediaTypes;
import dev.regconform.scenarios.ScenarioSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Referrers list (spec "Listing Referrers", end-12a): its pages, and the list in a repository that does not exist. */
@Tag("referrers")
@DisplayName("Referrers list: pages and empty repositories")
public class ReferrersPagesScenarios extends ScenarioSupport {
  /** Enough referrers that a registry paginating in small pages must send a Link. */
  private static final int REFERRERS = 5;
  private static final int MAX_PAGES = REFERRERS + 3;
  private static final String ARTIFACT_TYPE = "application/vnd.regconform.page.v1+json";
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor EMPTY = Descriptor.of(MediaTypes.OCI_EMPTY, EMPTY_JSON);

  private Descriptor subject;
  private final List<ImageManifest> referrers = new ArrayList<>();
  private final List<RegistryResponse> puts = new ArrayList<>();
  private RegistryResponse probe;

  /** Pushes a subject image and {@value #REFERRERS} artifacts that refer to it, then lists its referrers once. */
  @BeforeAll
  void pushSubjectAndReferrers() {
    TestImage image = scenario.newImage(256);
    scenario.pusher().pushImage(repo, image, "subject");
    subject = Descriptor.of(image.manifest().mediaType(), image.manifest().raw());
    scenario.pusher().pushBytes(repo, EMPTY_JSON);
    long unique = System.nanoTime();
    for (int i = 1; i <= REFERRERS; i++) {
      ImageManifest referrer = ImageManifest.of(MediaTypes.OCI_MANIFEST, ARTIFACT_TYPE, EMPTY, List.of(EMPTY), subject,
          Map.of("dev.regconform.page", "referrer " + i + " of " + REFERRERS + " (" + unique + ")"));
      puts.add(registry.putManifest(repo, referrer.digest().toString(), referrer.mediaType(), referrer.raw()));
      scenario.cleanup().recordManifest(repo, referrer.digest());
      referrers.add(referrer);
    }
    probe = registry.listReferrers(repo, subject.digest().toString(), null);
  }

  /**
   * The spec's 200 for any digest holds "assuming a repository is found"; for a repository that does not exist
   * the general rule applies (404 with {@code NAME_UNKNOWN}). So either answer passes: 200 with an empty image
   * index (Content-Type, {@code schemaVersion} 2, {@code mediaType}, no entries), as for an unknown digest, or 404
   * with {@code NAME_UNKNOWN}. A 404 without that code is the answer of a registry with no referrers route, which
   * this registry is not (it has the API in an existing repository), and fails. The official suite (H3) lists the
   * referrers before anything is pushed and requires the 200.
   */
  @Test
  @CheckId("referrers.list.nonexistent-repository")
  @Covers({"R54", "R59", "R56"})
  @RequiresFeature(Feature.REFERRERS)
  void a_repository_that_does_not_exist_lists_an_empty_index_or_answers_404_NAME_UNKNOWN() {
    ReferrersApi.require(probe, puts);
    RegistryResponse list = registry.listReferrers(scenario.repository("never-pushed"), subject.digest().toString(),
        null);
    if (list.status() == 404) {
      assertThat(list).hasErrorCode(ErrorCode.NAME_UNKNOWN);
      return;
    }
    ReferrersApi.assertEmptyIndex(list);
  }

  /**
   * Follows every {@code Link: <…>; rel="next"} from the first page: each page is a 200 image index, each Link
   * well-formed, and together the pages list every referrer exactly once and nothing else. A list that stops
   * (no Link) before every referrer was listed fails: "a Link header MUST be included in the response when the
   * descriptor list cannot be returned in a single manifest", with no descriptor repeated across pages. A
   * registry that lists all {@value #REFERRERS} at once passes without a Link.
   */
  @Test
  @CheckId("referrers.page.walk-complete")
  @Covers({"R60", "R56"})
  @RequiresFeature(Feature.REFERRERS)
  void following_the_Link_of_every_page_lists_each_referrer_exactly_once() {
    ReferrersApi.require(probe, puts);
    for (int i = 0; i < referrers.size(); i++) {
      assertThat(puts.get(i)).hasStatus(201).hasContentDigest(referrers.get(i).digest());
    }
    List<RegistryResponse> pages = new ArrayList<>();
    List<Digest> listed = new ArrayList<>();
    RegistryResponse page = probe;
    while (true) {
      pages.add(page);
      assertThat(page).hasStatus(200).hasContentType(MediaTypes.OCI_INDEX);
      ImageIndex index = ReferrersApi.index(page);
      assertThat(index.schemaVersion()).as("schemaVersion of page %d: %s", pages.size(), page.describe())
          .isEqualTo(2);
      assertThat(index.mediaType()).as("mediaType of page %d: %s", pages.size(), page.describe())
          .isEqualTo(MediaTypes.OCI_INDEX);
      index.manifests().forEach(d -> listed.add(d.digest()));
      List<String> links = page.headers(Headers.LINK);
      assertThat(LinkHeader.isWellFormed(links)).as("Link of page %d is <target>; rel=\"next\": %s%n  %s",
          pages.size(), links, page.describe()).isTrue();
      Optional<String> next = registry.nextLink(page);
      if (next.isEmpty()) {
        break;
      }
      assertThat(pages).as("pages of the referrers list (still a Link after %d pages):%n%s", MAX_PAGES,
          summary(pages)).hasSizeLessThan(MAX_PAGES);
      page = registry.exchange("GET", next.get(), Map.of(), null, "repository:" + repo + ":pull");
    }
    Set<Digest> seen = new HashSet<>();
    List<Digest> repeated = listed.stream().filter(d -> !seen.add(d)).toList();
    assertThat(repeated).as("referrers listed on more than one page or twice:%n%s", summary(pages)).isEmpty();
    List<Digest> pushed = referrers.stream().map(ImageManifest::digest).toList();
    assertThat(listed).as("the referrers of %s over %d page(s), the last without a Link:%n%s", subject.digest(),
        pages.size(), summary(pages)).containsExactlyInAnyOrderElementsOf(pushed);
  }

  private static String summary(List<RegistryResponse> pages) {
    return pages.stream().map(p -> "  " + p.requestLine() + " -> " + p.status() + ", Link: " + p.headers(Headers.LINK)
        + ", entries: " + entries(p)).collect(Collectors.joining("\n"));
  }

  private static String entries(RegistryResponse page) {
    try {
      return ReferrersApi.index(page).manifests().stream().map(d -> d.digest().toString()).toList().toString();
    } catch (AssertionError notAnIndex) {
      return "(not an image index)";
    }
  }
}
