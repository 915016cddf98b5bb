package dev.regconform.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {
  static final Digest FOO = Digest.sha256("foo".getBytes(UTF_8));

  @Nested
  class The_first_component_is_a_host {
    @ParameterizedTest(name = "{0} -> host {1}, repository {2}")
    @CsvSource({
        "ghcr.io/owner/app,           ghcr.io,          owner/app",
        "localhost/app,               localhost,        app",
        "localhost:5000/app,          localhost:5000,   app",
        "registry:5000/owner/app,     registry:5000,    owner/app",
        "127.0.0.1:5000/owner/app,    127.0.0.1:5000,   owner/app",
        "[::1]:5000/app,              [::1]:5000,       app",
        "[::1]/app,                   [::1],            app",
        "my-registry.example.com/a/b/c, my-registry.example.com, a/b/c",
    })
    void when_it_has_a_dot_a_colon_or_is_localhost(String text, String host, String repository) {
      Reference ref = Reference.parse(text);

      assertThat(ref.registry()).isEqualTo(host);
      assertThat(ref.repository()).isEqualTo(repository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner/app", "app", "library/ubuntu", "localhostx/app", "a/b/c"})
    void not_when_it_is_a_plain_lower_case_name(String text) {
      Reference ref = Reference.parse(text);

      assertThat(ref.registry()).isNull();
      assertThat(ref.repository()).isEqualTo(text);
    }

    @Test
    void a_host_with_a_port_keeps_the_tag_apart() {
      Reference ref = Reference.parse("localhost:5000/app:1.3");

      assertThat(ref.registry()).isEqualTo("localhost:5000");
      assertThat(ref.repository()).isEqualTo("app");
      assertThat(ref.tag()).isEqualTo("1.3");
    }

    @Test
    void a_port_must_be_numeric() {
      assertThatIllegalArgumentException().isThrownBy(() -> Reference.parse("ghcr.io:https/app"))
          .withMessageContaining("Invalid registry host 'ghcr.io:https'");
    }
  }

  @Nested
  class Tags_and_digests {
    @Test
    void neither_tag_nor_digest_means_tag_latest() {
      Reference ref = Reference.parse("ghcr.io/owner/app");

      assertThat(ref.tag()).isEqualTo(Reference.DEFAULT_TAG).isEqualTo("latest");
      assertThat(ref.digest()).isNull();
      assertThat(ref.manifestReference()).isEqualTo("latest");
    }

    @Test
    void digest_only_means_no_tag() {
      Reference ref = Reference.parse("owner/app@" + FOO);

      assertThat(ref.tag()).isNull();
      assertThat(ref.tagIfAny()).isEmpty();
      assertThat(ref.digest()).isEqualTo(FOO);
      assertThat(ref.manifestReference()).isEqualTo(FOO.toString());
    }

    @Test
    void tag_and_digest_are_both_kept_and_the_digest_is_what_is_fetched() {
      Reference ref = Reference.parse("localhost:5000/owner/app:1.3@" + FOO);

      assertThat(ref.tag()).isEqualTo("1.3");
      assertThat(ref.digestIfAny()).contains(FOO);
      assertThat(ref.manifestReference()).isEqualTo(FOO.toString());
    }

    @Test
    void tag_only_is_fetched_by_tag() {
      assertThat(Reference.parse("owner/app:v1").manifestReference()).isEqualTo("v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "1.3.0", "_x", "A-Z_a-z.0-9", "latest"})
    void valid_tags(String tag) {
      assertThat(Reference.parse("app:" + tag).tag()).isEqualTo(tag);
      assertThat(Reference.isValidTag(tag)).isTrue();
    }

    @Test
    void a_tag_may_be_128_characters_long() {
      String tag = "t".repeat(128);

      assertThat(Reference.parse("app:" + tag).tag()).isEqualTo(tag);
    }

    @Test
    void a_bad_digest_is_reported_with_the_whole_reference() {
      assertThatIllegalArgumentException().isThrownBy(() -> Reference.parse("app@sha256:abc"))
          .withMessageStartingWith("Invalid reference 'app@sha256:abc'")
          .withMessageContaining("64 lower-case hex characters");
    }

    @Test
    void withTag_and_withDigest_replace_only_their_part() {
      Reference ref = Reference.parse("ghcr.io/owner/app:1");

      assertThat(ref.withTag("2")).hasToString("ghcr.io/owner/app:2");
      assertThat(ref.withDigest(FOO)).hasToString("ghcr.io/owner/app:1@" + FOO);
    }

    @Test
    void of_builds_host_less_references() {
      assertThat(Reference.of("owner/app", "1")).isEqualTo(new Reference(null, "owner/app", "1", null));
      assertThat(Reference.of("owner/app", FOO)).hasToString("owner/app@" + FOO);
    }
  }

  @Nested
  class Path_components {
    @ParameterizedTest
    @ValueSource(strings = {"a.b", "a_b", "a__b", "a-b", "a--b", "a---b", "a0/b1/c2", "x.y_z__w-v--u", "0"})
    void may_be_joined_by_dot_underscore_double_underscore_or_dashes(String repository) {
      assertThat(Reference.parse(repository + ":1").repository()).isEqualTo(repository);
      assertThat(Reference.isValidRepository(repository)).isTrue();
    }
  }

  @Nested
  class Rejected_references_say_what_is_wrong {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "owner/App                   | upper case is not allowed",
        "ghcr.io/Owner/app           | upper case is not allowed",
        "ghcr.io//app                | leading, trailing or double '/'",
        "owner/app/                  | leading, trailing or double '/'",
        "owner//app                  | leading, trailing or double '/'",
        "/owner/app                  | leading, trailing or double '/'",
        "owner/../app                | each path component must be",
        "owner/a..b                  | each path component must be",
        "owner/app-                  | each path component must be",
        "owner/app_                  | each path component must be",
        "owner/app.:1                | each path component must be",
        "owner/a___b                 | each path component must be",
        "owner/-app                  | each path component must be",
        "app:.hidden                 | must not start with '.' or '-'",
        "app:-dash                   | must not start with '.' or '-'",
        "app:v1+build                | Invalid tag 'v1+build'",
        "app:                        | Invalid tag ''",
        "owner/app:1:2               | Invalid repository name 'owner/app:1'",
    })
    void rejected(String text, String reason) {
      assertThatIllegalArgumentException().isThrownBy(() -> Reference.parse(text))
          .withMessageStartingWith("Invalid reference '" + text + "'")
          .withMessageContaining(reason);
    }

    @Test
    void a_tag_of_129_characters() {
      assertThatIllegalArgumentException().isThrownBy(() -> Reference.parse("app:" + "t".repeat(129)))
          .withMessageContaining("a tag is 1 to 128 characters");
    }

    @Test
    void a_name_longer_than_255_characters_including_the_host() {
      String host = "ghcr.io";
      String repository = "a".repeat(255 - host.length() - 1);

      assertThat(Reference.parse(host + "/" + repository).repository()).hasSize(247);
      assertThatIllegalArgumentException().isThrownBy(() -> Reference.parse(host + "/" + repository + "b"))
          .withMessageContaining("256 characters long (host included), more than the 255 allowed");
      assertThat(Reference.isValidRepository("a".repeat(256))).isFalse();
    }

    @Test
    void an_empty_reference() {
      assertThatIllegalArgumentException().isThrownBy(() -> Reference.parse(""))
          .withMessage("Invalid reference '': empty");
    }
  }

  @Nested
  class Formatting {
    @ParameterizedTest
    @ValueSource(strings = {
        "app:latest",
        "owner/app:1.3",
        "ghcr.io/owner/app:v1",
        "localhost:5000/a/b/c:x",
        "[::1]:5000/app:1",
        "127.0.0.1:5000/owner/app@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        "ghcr.io/owner/app:1@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
    })
    void toString_parses_back_to_an_equal_reference(String text) {
      Reference ref = Reference.parse(text);

      assertThat(ref).hasToString(text);
      assertThat(Reference.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void the_default_tag_is_written_out() {
      assertThat(Reference.parse("ghcr.io/owner/app")).hasToString("ghcr.io/owner/app:latest");
    }
  }

  @Nested
  class Equality {
    @Test
    void references_with_the_same_parts_are_equal() {
      assertThat(Reference.parse("ghcr.io/owner/app"))
          .isEqualTo(Reference.parse("ghcr.io/owner/app:latest"))
          .isEqualTo(new Reference("ghcr.io", "owner/app", "latest", null))
          .hasSameHashCodeAs(new Reference("ghcr.io", "owner/app", "latest", null));
    }

    @Test
    void any_differing_part_makes_them_unequal() {
      Reference ref = Reference.parse("ghcr.io/owner/app:1");

      assertThat(ref).isNotEqualTo(Reference.parse("docker.io/owner/app:1"))
          .isNotEqualTo(Reference.parse("ghcr.io/owner/other:1"))
          .isNotEqualTo(Reference.parse("ghcr.io/owner/app:2"))
          .isNotEqualTo(ref.withDigest(FOO));
    }
  }
}
