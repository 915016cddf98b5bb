package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeTest {

  @Nested
  class Bearer {
    @Test
    void parses_realm_service_and_scope_from_quoted_values() {
      Optional<Challenge> challenge = Challenge.parse(
          "Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:owner/app:pull\"");

      assertThat(challenge).hasValueSatisfying(c -> {
        assertThat(c.isBearer()).isTrue();
        assertThat(c.isBasic()).isFalse();
        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.params()).containsOnly(
            entry("realm", "https://ghcr.io/token"),
            entry("service", "ghcr.io"),
            entry("scope", "repository:owner/app:pull"));
      });
    }

    @Test
    void parses_a_quoted_value_of_any_length_without_overflowing_the_stack() {
      // The earlier pattern recursed once per character: a long enough value overflowed the stack.
      String scope = "repository:a/b:pull,push ".repeat(8_000) + "with \\\"escapes\\\"";

      Challenge challenge = Challenge.parse("Bearer realm=\"http://127.0.0.1:1/token\",scope=\"" + scope + "\"")
          .orElseThrow();

      assertThat(challenge.params().get("scope")).as("the scope, %s characters", scope.length())
          .hasSize(scope.length() - 2).endsWith("with \"escapes\"");
      assertThat(challenge.params()).containsEntry("realm", "http://127.0.0.1:1/token");
    }

    @Test
    void keeps_commas_inside_a_quoted_scope() {
      Challenge challenge = Challenge.parse(
          "Bearer realm=\"http://127.0.0.1:1/token\",service=\"s\",scope=\"repository:a/b:pull,push\"").orElseThrow();

      assertThat(challenge.param("scope")).contains("repository:a/b:pull,push");
      assertThat(challenge.param("service")).contains("s");
    }

    @Test
    void keeps_an_equals_sign_and_a_question_mark_inside_a_quoted_realm() {
      Challenge challenge = Challenge.parse("Bearer realm=\"https://auth.example/token?x=1&y=2\",service=\"svc\"")
          .orElseThrow();

      assertThat(challenge.param("realm")).contains("https://auth.example/token?x=1&y=2");
      assertThat(challenge.params()).hasSize(2);
    }

    @Test
    void keeps_several_space_separated_scopes_as_one_value() {
      Challenge challenge = Challenge.parse(
          "Bearer realm=\"r\",scope=\"repository:a:pull repository:b:pull,push\"").orElseThrow();

      assertThat(challenge.param("scope")).contains("repository:a:pull repository:b:pull,push");
    }

    @Test
    void unescapes_backslash_escapes_inside_quoted_values() {
      Challenge challenge = Challenge.parse("Bearer realm=\"r\",error_description=\"say \\\"hi\\\"\"").orElseThrow();

      assertThat(challenge.param("error_description")).contains("say \"hi\"");
    }

    @Test
    void accepts_unquoted_values() {
      Challenge challenge = Challenge.parse("Bearer realm=https://auth.example/token,service=registry").orElseThrow();

      assertThat(challenge.param("realm")).contains("https://auth.example/token");
      assertThat(challenge.param("service")).contains("registry");
    }

    @Test
    void a_scheme_without_parameters_has_no_params() {
      Challenge challenge = Challenge.parse("Bearer").orElseThrow();

      assertThat(challenge.isBearer()).isTrue();
      assertThat(challenge.params()).isEmpty();
      assertThat(challenge.param("realm")).isEmpty();
    }
  }

  @Nested
  class Basic {
    @Test
    void parses_the_realm() {
      Challenge challenge = Challenge.parse("Basic realm=\"Registry Realm\"").orElseThrow();

      assertThat(challenge.isBasic()).isTrue();
      assertThat(challenge.isBearer()).isFalse();
      assertThat(challenge.params()).containsOnly(entry("realm", "Registry Realm"));
    }
  }

  @Nested
  class Spacing_and_case {
    @ParameterizedTest
    @ValueSource(strings = {
        "bearer realm=\"r\",service=\"s\"",
        "BEARER realm=\"r\",service=\"s\"",
        "  Bearer   realm=\"r\" ,  service=\"s\"  ",
        "Bearer realm = \"r\", service = \"s\"",
        "Bearer realm=\"r\",\t service=\"s\"",
        "BeArEr REALM=\"r\",Service=\"s\""})
    void scheme_and_parameter_names_are_case_insensitive_and_whitespace_is_tolerated(String header) {
      Challenge challenge = Challenge.parse(header).orElseThrow();

      assertThat(challenge.scheme()).isEqualTo("bearer");
      assertThat(challenge.params()).containsOnly(entry("realm", "r"), entry("service", "s"));
    }

    @Test
    void parameter_values_keep_their_case() {
      Challenge challenge = Challenge.parse("BASIC Realm=\"MyRealm\"").orElseThrow();

      assertThat(challenge.isBasic()).isTrue();
      assertThat(challenge.param("realm")).contains("MyRealm");
    }
  }

  @Nested
  class Blank_headers {
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void give_no_challenge(String header) {
      assertThat(Challenge.parse(header)).isEmpty();
    }
  }

  @Test
  void params_cannot_be_modified() {
    Challenge challenge = Challenge.parse("Basic realm=\"x\"").orElseThrow();

    assertThat(challenge.params()).isUnmodifiable();
  }
}
