package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentTagsTest {
  private final SplittableRandom random = new SplittableRandom(3);

  @Test
  void has_nothing_to_pick_before_a_tag_is_added() {
    assertThat(new RecentTags(4).pick(random)).isEmpty();
  }

  @Test
  void picks_among_the_last_tags_added_only() {
    RecentTags tags = new RecentTags(3);
    for (int i = 0; i < 10; i++) {
      tags.add("t" + i);
    }
    Set<String> picked = new HashSet<>();

    for (int i = 0; i < 300; i++) {
      picked.add(tags.pick(random).orElseThrow());
    }

    assertThat(picked).containsExactlyInAnyOrder("t7", "t8", "t9");
  }
}
