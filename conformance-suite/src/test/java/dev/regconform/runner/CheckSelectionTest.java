package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CheckSelectionTest {

  @Test
  void a_star_matches_any_characters_and_the_rest_is_literal() {
    CheckSelection selection = CheckSelection.of("robustness.*");

    assertThat(selection.selects("robustness.bad-manifest.malformed-json")).isTrue();
    assertThat(selection.selects("robustnessXbad")).as("'.' is literal, not any character").isFalse();
    assertThat(selection.selects("push.robustness.x")).as("patterns match the whole id").isFalse();
  }

  @Test
  void brackets_of_a_format_suffix_are_literal() {
    CheckSelection selection = CheckSelection.of("pull.by-digest.*[oci]");

    assertThat(selection.selects("pull.by-digest.manifest-bytes[oci]")).isTrue();
    assertThat(selection.selects("pull.by-digest.manifest-bytes[docker-v2s2]")).isFalse();
  }

  @Test
  void several_comma_separated_patterns_select_what_any_of_them_matches() {
    CheckSelection selection = CheckSelection.of(" errors.unknown-blob , tags.* ");

    assertThat(selection.selects("errors.unknown-blob")).isTrue();
    assertThat(selection.selects("tags.list.exact")).isTrue();
    assertThat(selection.selects("errors.unknown-tag")).isFalse();
    assertThat(selection).hasToString("errors.unknown-blob,tags.*");
  }

  @Test
  void an_empty_list_or_a_character_no_id_has_is_refused_in_one_line() {
    assertThatIllegalArgumentException().isThrownBy(() -> CheckSelection.of(" , ")).withMessageContaining("needs a pattern");
    assertThatIllegalArgumentException().isThrownBy(() -> CheckSelection.of("Pull.?"))
        .withMessage("--check pattern 'Pull.?' has a character no check id has (ids are lower case letters, digits, "
            + "'.', '-', '_' and a [format] suffix; '*' matches any)");
  }

  @Test
  void every_shipped_check_id_is_found_and_a_pattern_selects_among_them() {
    assertThat(SuiteRunner.checkIds()).hasSizeGreaterThan(300)
        .contains("pull.by-tag.manifest-bytes[oci]", "robustness.bad-manifest.malformed-json");
    assertThat(SuiteRunner.checkIds()).filteredOn(CheckSelection.of("errors.unknown-*")::selects)
        .containsExactlyInAnyOrder("errors.unknown-tag", "errors.unknown-manifest-digest", "errors.unknown-blob");
  }
}
