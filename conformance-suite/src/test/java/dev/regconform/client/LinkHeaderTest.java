package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void next_is_the_target_of_the_rel_next_entry() {
    assertThat(LinkHeader.next(List.of("</v2/acme/app/tags/list?n=2&last=b>; rel=\"next\"")))
        .contains("/v2/acme/app/tags/list?n=2&last=b");
    assertThat(LinkHeader.next(List.of("<https://r.example/v2/_catalog?last=a%2Fb&n=1>; rel=next")))
        .contains("https://r.example/v2/_catalog?last=a%2Fb&n=1");
  }

  @Test
  void next_is_found_among_several_entries_and_headers() {
    assertThat(LinkHeader.next(List.of("</a>; rel=\"prev\", </b>; rel=\"next\""))).contains("/b");
    assertThat(LinkHeader.next(List.of("</a>; rel=\"prev\"", "</c>; rel=\"next\""))).contains("/c");
  }

  @Test
  void no_next_entry_gives_empty() {
    assertThat(LinkHeader.next(List.of())).isEmpty();
    assertThat(LinkHeader.next(List.of("</a>; rel=\"prev\""))).isEmpty();
    assertThat(LinkHeader.next(List.of("/a; rel=next"))).isEmpty();
  }

  @Test
  void well_formed_means_angle_brackets_and_a_rel() {
    assertThat(LinkHeader.isWellFormed(List.of("</v2/x/tags/list?n=1&last=a>; rel=\"next\""))).isTrue();
    assertThat(LinkHeader.isWellFormed(List.of("</a>; rel=\"prev\", </b>; rel=\"next\""))).isTrue();
    assertThat(LinkHeader.isWellFormed(List.of("/v2/x/tags/list?n=1; rel=next"))).isFalse();
    assertThat(LinkHeader.isWellFormed(List.of("</v2/x/tags/list?n=1>"))).isFalse();
  }
}
