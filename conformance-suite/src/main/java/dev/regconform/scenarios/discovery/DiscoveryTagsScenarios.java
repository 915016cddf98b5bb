package dev.regconform.scenarios.discovery;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.LinkHeader;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Listing tags (spec "Listing Tags", end-8a and end-8b): the body, the order, and pagination with {@code n},
 * {@code last} and the {@code Link} header.
 *
 * <p>The repository holds seven tags in mixed case, pushed in an order that is neither sorted nor reverse
 * sorted. Mixed case tells the two orders the spec accepts apart: lexical (case-insensitive:
 * {@code alpha, Bravo, Charlie, …}) and ASCIIbetical ({@code Bravo, Charlie, Foxtrot, alpha, …}); v1.1.1 says
 * "lexical", the HEAD spec allows either, and every check here accepts either. Seven tags also make it
 * unlikely (2 in 5040) that a registry returning storage order happens to return a sorted list.
 *
 * <p><b>A registry that ignores {@code n} or {@code last} fails; it is not "unsupported".</b> Listing tags
 * belongs to the content-discovery category, and the spec's text for {@code n} is a MUST ("Otherwise, the
 * response MUST include &lt;int&gt; results", "When n is zero, this endpoint MUST return an empty list"), as is
 * the order of {@code last} (R50–R53). Unlike a 405 for an optional DELETE, an answer that ignores the
 * parameters signals nothing: it is a wrong answer. Runs that need to tolerate such registries turn the
 * checks off with {@code --disable tag-pagination} (reported as disabled).
 */
@RegistryConformance
@Tag("discovery")
@DisplayName("Discovery: tag list")
public class DiscoveryTagsScenarios {
  /** Pushed in this order, deliberately neither sorted nor reverse sorted in either accepted order. */
  static final List<String> TAGS = List.of("golf", "Bravo", "echo", "alpha", "Foxtrot", "delta", "Charlie");
  private static final int N = 2;

  private RegistryClient registry;
  private String repo;
  private String untaggedRepo;
  private String unknownRepo;

  /** One image with the seven tags; another repository whose only manifest was pushed by digest. */
  @BeforeAll
  void pushTaggedImage(Scenario scenario) {
    registry = scenario.client();
    repo = scenario.repository();
    untaggedRepo = scenario.repository("untagged");
    unknownRepo = scenario.repository("never-created");
    TestImage image = scenario.newImage(256);
    scenario.pusher().pushImage(repo, image, TAGS.toArray(String[]::new));
    TestImage untagged = scenario.newImage(256);
    scenario.pusher().pushImage(untaggedRepo, untagged, untagged.manifest().digest().toString());
  }

  @Test
  @CheckId("tags.list.json-object")
  @Covers("R48")
  void the_tag_list_is_a_JSON_object_with_a_name_and_a_tags_array() {
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    JsonNode body = Listing.object(list).orElseThrow(() -> new AssertionError(
        "Expecting a JSON object {\"name\":…,\"tags\":[…]} from\n  " + list.describe()));
    assertThat(body.path("name").isTextual()).as("a string \"name\" in %s", list.describe()).isTrue();
    Listing.require(list, "tags");
  }

  @Test
  @CheckId("tags.list.name")
  @Covers("R48")
  void the_tag_list_names_the_repository() {
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(Listing.object(list).map(o -> o.path("name").asText(null)))
        .as("\"name\" of %s", list.describe()).contains(repo);
  }

  @Test
  @CheckId(value = "tags.list.content-type", level = Level.SHOULD)
  @Covers("R48")
  void the_tag_list_is_served_as_application_json() {
    assertThat(registry.listTags(repo)).hasStatus(200).hasContentType("application/json");
  }

  @Test
  @CheckId("tags.list.mixed-case")
  @Covers({"R48", "R3"})
  void the_tag_list_holds_every_tag_once_with_its_case_kept() {
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    assertThat(Listing.require(list, "tags")).as("tags of %s after pushing %s\n  %s", repo, TAGS, list.describe())
        .containsExactlyInAnyOrderElementsOf(TAGS);
  }

  @Test
  @CheckId("tags.list.order")
  @Covers("R49")
  void the_tag_list_is_in_lexical_or_ASCIIbetical_order() {
    RegistryResponse list = registry.listTags(repo);
    assertThat(list).hasStatus(200);
    List<String> tags = Listing.require(list, "tags");
    assertThat(Listing.inAcceptedOrder(tags))
        .as("tags %s in lexical order %s or ASCIIbetical order %s\n  %s", tags, Listing.sorted(tags, Listing.LEXICAL),
            Listing.sorted(tags, Listing.ASCII), list.describe())
        .isTrue();
  }

  @Test
  @CheckId("tags.list.unknown-repository")
  @Covers("R44")
  void listing_the_tags_of_a_repository_that_does_not_exist_answers_404() {
    assertThat(registry.listTags(unknownRepo)).hasStatus(404);
  }

  @Test
  @CheckId(value = "tags.list.unknown-repository-code", level = Level.SHOULD)
  @Covers({"R44", "R72"})
  void listing_the_tags_of_a_repository_that_does_not_exist_says_NAME_UNKNOWN() {
    assertThat(registry.listTags(unknownRepo)).hasErrorCode(ErrorCode.NAME_UNKNOWN);
  }

  /** A repository with manifests but no tag: an empty list, or 404 NAME_UNKNOWN (Distribution 2.8). */
  @Test
  @CheckId("tags.list.untagged-repository")
  @Covers({"R48", "R44"})
  void a_repository_with_only_untagged_manifests_lists_no_tags_or_is_unknown() {
    RegistryResponse list = registry.listTags(untaggedRepo);
    assertThat(list).hasStatusIn("an empty tag list, or unknown as a tagged repository", 200, 404);
    if (list.status() == 404) {
      assertThat(list).hasErrorCode(ErrorCode.NAME_UNKNOWN);
    } else {
      assertThat(Listing.require(list, "tags")).as("tags of %s, which has no tag\n  %s", untaggedRepo, list.describe())
          .isEmpty();
    }
  }

  @Test
  @CheckId("tags.page.n-exact")
  @Covers("R50")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void n_limits_the_tag_list_to_exactly_n_tags() {
    RegistryResponse page = registry.listTags(repo, N, null);
    assertThat(page).hasStatus(200);
    assertThat(Listing.require(page, "tags")).as("tags for n=%d of the %d in %s\n  %s", N, TAGS.size(), repo,
        page.describe()).hasSize(N);
  }

  @Test
  @CheckId("tags.page.n-first-tags")
  @Covers({"R50", "R49"})
  @RequiresFeature(Feature.TAG_PAGINATION)
  void n_without_last_returns_the_first_n_tags_in_order() {
    RegistryResponse page = registry.listTags(repo, N, null);
    assertThat(page).hasStatus(200);
    List<String> tags = Listing.require(page, "tags");
    assertThat(tags).as("the first %d tags of %s in lexical order %s or ASCIIbetical order %s\n  %s", N, repo,
            Listing.sorted(TAGS, Listing.LEXICAL), Listing.sorted(TAGS, Listing.ASCII), page.describe())
        .isIn(Listing.sorted(TAGS, Listing.LEXICAL).subList(0, N), Listing.sorted(TAGS, Listing.ASCII).subList(0, N));
  }

  /** MAY: a client without a Link pages on with {@code last}; skipped when the registry returned every tag. */
  @Test
  @CheckId(value = "tags.page.link-next", level = Level.MAY)
  @Covers("R51")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void a_page_with_more_tags_after_it_links_to_the_next_page() {
    RegistryResponse page = registry.listTags(repo, N, null);
    assertThat(page).hasStatus(200);
    assumeTruncated(page);
    assertThat(LinkHeader.next(page.headers(Headers.LINK)))
        .as("a Link: <…>; rel=\"next\" header on a page of %d of %d tags\n  %s", N, TAGS.size(), page.describe())
        .isPresent();
  }

  @Test
  @CheckId("tags.page.link-well-formed")
  @Covers("R51")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void a_Link_header_on_the_tag_list_is_RFC_5988_with_rel_next() {
    RegistryResponse page = registry.listTags(repo, N, null);
    assertThat(page).hasStatus(200);
    List<String> links = page.headers(Headers.LINK);
    Assumptions.assumeFalse(links.isEmpty(), "the registry sent no Link header on a page of the tag list");
    assertThat(LinkHeader.isWellFormed(links)).as("Link %s is <target>; rel=\"next\" (RFC 5988)\n  %s", links,
        page.describe()).isTrue();
    assertThat(LinkHeader.next(links)).as("a rel=\"next\" entry in Link %s", links).isPresent();
    assertThat(registry.nextLink(page).orElseThrow())
        .as("the target of Link %s is the tag list of %s", links, repo).contains("/v2/" + repo + "/tags/list");
  }

  @Test
  @CheckId("tags.page.link-follows")
  @Covers({"R51", "R50"})
  @RequiresFeature(Feature.TAG_PAGINATION)
  void following_the_Link_returns_the_next_n_tags() {
    RegistryResponse first = registry.listTags(repo, N, null);
    assertThat(first).hasStatus(200);
    Optional<String> next = registry.nextLink(first);
    Assumptions.assumeTrue(next.isPresent(), "the registry sent no Link: <…>; rel=\"next\" on a page of the tag list");
    RegistryResponse second = registry.exchange("GET", next.get(), Map.of(), null, "repository:" + repo + ":pull");
    assertThat(second).hasStatus(200);
    List<String> firstTags = Listing.require(first, "tags");
    List<String> secondTags = Listing.require(second, "tags");
    String last = firstTags.get(firstTags.size() - 1);
    assertThat(secondTags).as("the page the Link of %s points at: the %d tags after '%s'\n  %s", first.requestLine(),
            N, last, second.describe())
        .isIn(Listing.after(TAGS, last, Listing.LEXICAL).subList(0, N),
            Listing.after(TAGS, last, Listing.ASCII).subList(0, N));
  }

  @Test
  @CheckId("tags.page.walk-complete")
  @Covers({"R50", "R51", "R53"})
  @RequiresFeature(Feature.TAG_PAGINATION)
  void paging_through_the_tag_list_returns_every_tag_once_in_order() {
    Pager pager = new Pager(registry, "tags", "repository:" + repo + ":pull", N, last -> registry.listTags(repo, N, last));
    List<String> all = Pager.entries(pager.walk(null, seen -> false, 10));
    assertThat(all).as("the tags of every page of n=%d of %s, in order", N, repo)
        .doesNotHaveDuplicates()
        .isIn(Listing.sorted(TAGS, Listing.LEXICAL), Listing.sorted(TAGS, Listing.ASCII));
  }

  @Test
  @CheckId("tags.page.n-zero")
  @Covers("R52")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void n_zero_returns_an_empty_list_and_no_Link() {
    RegistryResponse page = registry.listTags(repo, 0, null);
    assertThat(page).hasStatus(200);
    assertThat(Listing.require(page, "tags")).as("tags for n=0\n  %s", page.describe()).isEmpty();
    assertThat(page.headers(Headers.LINK)).as("Link headers for n=0\n  %s", page.describe()).isEmpty();
  }

  @Test
  @CheckId("tags.page.n-above-count")
  @Covers("R50")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void n_above_the_number_of_tags_returns_every_tag() {
    RegistryResponse page = registry.listTags(repo, 100, null);
    assertThat(page).hasStatus(200);
    assertThat(Listing.require(page, "tags")).as("tags for n=100 of %s\n  %s", repo, page.describe())
        .containsExactlyInAnyOrderElementsOf(TAGS);
  }

  @Test
  @CheckId("tags.last.strictly-after")
  @Covers("R53")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void last_without_n_returns_every_tag_after_it_in_order() {
    String last = "Charlie";
    RegistryResponse page = registry.listTags(repo, null, last);
    assertThat(page).hasStatus(200);
    assertThat(Listing.require(page, "tags")).as("tags after '%s' in lexical or ASCIIbetical order\n  %s", last,
            page.describe())
        .isIn(Listing.after(TAGS, last, Listing.LEXICAL), Listing.after(TAGS, last, Listing.ASCII));
  }

  @Test
  @CheckId("tags.last.with-n")
  @Covers({"R53", "R50"})
  @RequiresFeature(Feature.TAG_PAGINATION)
  void last_with_n_returns_the_n_tags_after_it() {
    String last = "Bravo";
    RegistryResponse page = registry.listTags(repo, N, last);
    assertThat(page).hasStatus(200);
    assertThat(Listing.require(page, "tags")).as("the %d tags after '%s' in lexical or ASCIIbetical order\n  %s", N,
            last, page.describe())
        .isIn(Listing.after(TAGS, last, Listing.LEXICAL).subList(0, N),
            Listing.after(TAGS, last, Listing.ASCII).subList(0, N));
  }

  /** {@code golf} is the final tag in both accepted orders. */
  @Test
  @CheckId("tags.last.final-tag")
  @Covers("R53")
  @RequiresFeature(Feature.TAG_PAGINATION)
  void last_set_to_the_final_tag_returns_an_empty_list() {
    RegistryResponse page = registry.listTags(repo, null, "golf");
    assertThat(page).hasStatus(200);
    assertThat(Listing.require(page, "tags")).as("tags after the final tag 'golf'\n  %s", page.describe()).isEmpty();
  }

  /** Skips the check (it is about what follows a truncated page) when the registry returned every tag. */
  private static void assumeTruncated(RegistryResponse page) {
    List<String> tags = Listing.require(page, "tags");
    Assumptions.assumeTrue(tags.size() < TAGS.size(), () -> "the registry returned all " + tags.size()
        + " tags for n=" + N + ", so no tags remain for a Link to point at (tags.page.n-exact reports that)");
  }
}
