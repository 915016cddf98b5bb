package dev.regconform.scenarios.discovery;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks a paginated list ({@code tags/list} or {@code _catalog}) the way a client does: asks for {@code n}
 * entries, follows the {@code Link: <…>; rel="next"} header when there is one, and otherwise asks again with
 * {@code last=<final entry of the page>} while pages come back full. Bounded: it gives up (failing the check)
 * after {@code maxPages} pages.
 */
final class Pager {
  /** One page: the exchange and the entries it listed. */
  record Page(RegistryResponse response, List<String> entries) {}

  private final RegistryClient client;
  private final String field;
  private final String scope;
  private final Function<String, RegistryResponse> request;
  private final int n;

  /**
   * @param field the array the body lists ({@code tags} or {@code repositories})
   * @param scope the token scope for following a {@code Link}, e.g. {@code repository:x:pull}
   * @param request sends {@code ?n=<n>} with {@code last=} the argument (null for the first page)
   */
  Pager(RegistryClient client, String field, String scope, int n, Function<String, RegistryResponse> request) {
    this.client = client;
    this.field = field;
    this.scope = scope;
    this.n = n;
    this.request = request;
  }

  /**
   * Every page from {@code startAfter} (null: from the beginning) until the list ends or {@code enough} holds
   * for the entries read so far. Fails when a page is not a 200 list or holds more than {@code n} entries.
   */
  List<Page> walk(String startAfter, Predicate<List<String>> enough, int maxPages) {
    List<Page> pages = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    RegistryResponse response = request.apply(startAfter);
    while (true) {
      assertThat(response).hasStatus(200);
      List<String> entries = Listing.require(response, field);
      if (entries.size() > n) {
        throw new AssertionError("Page " + (pages.size() + 1) + " lists " + entries.size() + " entries for n=" + n
            + " (the registry does not honour n):\n  " + response.describe().replace("\n", "\n  "));
      }
      pages.add(new Page(response, entries));
      seen.addAll(entries);
      if (enough.test(seen)) {
        return pages;
      }
      Optional<String> next = client.nextLink(response);
      if (next.isEmpty() && (entries.size() < n || entries.isEmpty())) {
        return pages;
      }
      if (pages.size() >= maxPages) {
        throw new AssertionError("Still not at the end of the list after " + maxPages + " pages of n=" + n
            + "; entries so far: " + seen + "\nLast exchange:\n  " + response.describe().replace("\n", "\n  "));
      }
      response = next.isPresent() ? client.exchange("GET", next.get(), Map.of(), null, scope)
          : request.apply(entries.get(entries.size() - 1));
    }
  }

  /** The entries of every page, in order. */
  static List<String> entries(List<Page> pages) {
    return pages.stream().flatMap(p -> p.entries().stream()).toList();
  }
}
