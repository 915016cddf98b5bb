package dev.regconform.scenarios.discovery;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.regconform.junit.Unsupported;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The repository catalog, {@code GET /v2/_catalog[?n=&last=]}: Docker's registry API, not in the OCI
 * distribution spec's endpoint table, so no requirement id of the spec applies and every check is a SHOULD
 * (a deviation is a warning). A registry that does not offer it (404, 405, or 401/403 for a user without
 * catalog access) gets "unsupported".
 *
 * <p>This run creates four repositories under its namespace, one of them nested one level deeper
 * ({@code …-n/deep}), and checks that the catalog lists them with their full names, in lexical order, and
 * that pagination ({@code n}, {@code last}, {@code Link}) covers them. Pagination checks start at
 * {@code last=<this scenario's prefix>}, so they work on a registry with any number of other repositories.
 */
@RegistryConformance
@Tag("discovery")
@DisplayName("Discovery: catalog")
// Alone: other scenario classes create and delete repositories; a registry whose catalog pages by offset could then
// shift a page under this class's walk, a failure of the toolkit's making.
@Isolated
@RequiresFeature(Feature.CATALOG)
public class DiscoveryCatalogScenarios {
  private static final String SCOPE = "registry:catalog:*";

  private RegistryClient registry;
  private String prefix;
  private List<String> repos;

  /** One small image in each of four repositories: {@code <prefix>-a}, {@code -b}, {@code -c}, {@code -n/deep}. */
  @BeforeAll
  void pushRepositories(Scenario scenario) {
    registry = scenario.client();
    prefix = scenario.repository();
    repos = List.of(scenario.repository("a"), scenario.repository("b"), scenario.repository("c"),
        scenario.repository("n") + "/deep");
    TestImage image = scenario.newImage(128);
    for (String repo : repos) {
      scenario.pusher().pushImage(repo, image, "catalogued");
    }
  }

  @Test
  @CheckId(value = "catalog.list.json-object", level = Level.SHOULD)
  @Covers({"R86"})
  void the_catalog_is_a_JSON_object_with_a_repositories_array() {
    RegistryResponse list = catalog(null, null);
    assertThat(list).hasStatus(200).hasContentType("application/json");
    Listing.require(list, "repositories");
  }

  @Test
  @CheckId(value = "catalog.list.full-names", level = Level.SHOULD)
  @Covers({"R86"})
  void the_catalog_lists_every_repository_with_its_full_name() {
    catalog(null, null);
    Pager pager = new Pager(registry, "repositories", SCOPE, 100, last -> registry.listRepositories(100, last));
    List<String> all = Pager.entries(pager.walk(null, seen -> seen.containsAll(repos), 100));
    assertThat(all).as("the catalog (n=100, every page) after pushing to %s", repos).containsAll(repos);
  }

  @Test
  @CheckId(value = "catalog.list.order", level = Level.SHOULD)
  @Covers({"R86"})
  void the_catalog_lists_repositories_in_lexical_order() {
    RegistryResponse page = catalog(100, prefix);
    List<String> listed = Listing.require(page, "repositories");
    Assumptions.assumeTrue(listed.containsAll(repos), () -> "the catalog after '" + prefix + "' does not list "
        + repos + " (catalog.list.full-names reports that): " + listed);
    // Only this run's repositories: how a registry orders names it did not get from us is not ours to judge here.
    List<String> mine = listed.stream().filter(repos::contains).toList();
    assertThat(mine).as("this run's repositories as the catalog lists them after '%s'\n  %s", prefix, page.describe())
        .isEqualTo(Listing.sorted(repos, Listing.ASCII));
  }

  @Test
  @CheckId(value = "catalog.page.n-exact", level = Level.SHOULD)
  @Covers({"R86"})
  void n_limits_the_catalog_to_exactly_n_repositories() {
    RegistryResponse page = catalog(2, null);
    assertThat(Listing.require(page, "repositories"))
        .as("repositories for n=2 (this run alone created %d)\n  %s", repos.size(), page.describe()).hasSize(2);
  }

  @Test
  @CheckId(value = "catalog.page.link-next", level = Level.SHOULD)
  @Covers({"R86"})
  void a_catalog_page_with_more_repositories_after_it_links_to_the_next_page() {
    RegistryResponse page = catalog(2, prefix);
    assertThat(LinkHeader.next(page.headers(Headers.LINK)))
        .as("a Link: <…>; rel=\"next\" header on 2 repositories after '%s', followed by at least %s\n  %s", prefix,
            repos.subList(2, repos.size()), page.describe())
        .isPresent();
  }

  @Test
  @CheckId(value = "catalog.page.link-well-formed", level = Level.SHOULD)
  @Covers({"R86"})
  void a_Link_header_on_the_catalog_is_RFC_5988_with_rel_next() {
    RegistryResponse page = catalog(2, prefix);
    List<String> links = page.headers(Headers.LINK);
    Assumptions.assumeFalse(links.isEmpty(), "the registry sent no Link header on a page of the catalog");
    assertThat(LinkHeader.isWellFormed(links)).as("Link %s is <target>; rel=\"next\" (RFC 5988)\n  %s", links,
        page.describe()).isTrue();
    assertThat(registry.nextLink(page)).as("a rel=\"next\" entry in Link %s pointing at the catalog", links)
        .hasValueSatisfying(url -> assertThat(url).contains("/v2/_catalog"));
  }

  @Test
  @CheckId(value = "catalog.page.walk-complete", level = Level.SHOULD)
  @Covers({"R86"})
  void paging_through_the_catalog_returns_every_repository_once_in_order() {
    catalog(null, null);
    String lastMine = repos.get(repos.size() - 1);
    Pager pager = new Pager(registry, "repositories", SCOPE, 2, last -> registry.listRepositories(2, last));
    List<String> all = Pager.entries(pager.walk(prefix,
        seen -> seen.stream().anyMatch(r -> r.compareTo(lastMine) >= 0), 10));
    List<String> mine = all.stream().filter(r -> r.compareTo(lastMine) <= 0).toList();
    assertThat(mine).as("the repositories listed on pages of n=2 after '%s'", prefix)
        .doesNotHaveDuplicates().isEqualTo(repos);
  }

  @Test
  @CheckId(value = "catalog.page.n-zero", level = Level.SHOULD)
  @Covers({"R86"})
  void n_zero_returns_an_empty_catalog_and_no_Link() {
    RegistryResponse page = catalog(0, null);
    assertThat(Listing.require(page, "repositories")).as("repositories for n=0\n  %s", page.describe()).isEmpty();
    assertThat(page.headers(Headers.LINK)).as("Link headers for n=0\n  %s", page.describe()).isEmpty();
  }

  @Test
  @CheckId(value = "catalog.last.strictly-after", level = Level.SHOULD)
  @Covers({"R86"})
  void last_returns_the_repositories_after_it() {
    RegistryResponse page = catalog(2, repos.get(0));
    assertThat(Listing.require(page, "repositories")).as("the 2 repositories after '%s'\n  %s", repos.get(0),
        page.describe()).isEqualTo(repos.subList(1, 3));
  }

  /** One catalog request; unsupported when the registry does not offer the catalog, else it must answer 200. */
  private RegistryResponse catalog(Integer n, String last) {
    RegistryResponse response = registry.listRepositories(n, last);
    Unsupported.ifRegistryAnswers(response, "the catalog (/v2/_catalog)", 400, 401, 403, 404, 405);
    assertThat(response).hasStatus(200);
    return response;
  }
}
