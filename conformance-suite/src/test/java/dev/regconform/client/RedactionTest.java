package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @Nested
  class Headers {
    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "SET-COOKIE", "X-Registry-Auth"})
    void credential_headers_are_masked_whatever_their_case(String name) {
      assertThat(Redaction.isSecretHeader(name)).isTrue();
      assertThat(Redaction.headerValue(name, "Bearer eyJhbGciOi.secret")).isEqualTo(Redaction.MASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "Location", "Docker-Content-Digest", "WWW-Authenticate"})
    void other_headers_are_shown_as_they_are(String name) {
      assertThat(Redaction.isSecretHeader(name)).isFalse();
      assertThat(Redaction.headerValue(name, "application/json")).isEqualTo("application/json");
    }
  }

  @Nested
  class Urls {
    @Test
    void the_state_query_value_is_masked() {
      assertThat(Redaction.url("http://127.0.0.1:5000/v2/a/b/blobs/uploads/123?_state=c2VjcmV0Cg%3D%3D&digest=sha256:ab"))
          .isEqualTo("http://127.0.0.1:5000/v2/a/b/blobs/uploads/123?_state=***&digest=sha256:ab");
    }

    @Test
    void the_state_query_value_is_masked_when_it_is_not_the_first_parameter() {
      assertThat(Redaction.url("/v2/a/blobs/uploads/123?digest=sha256:ab&_state=c2VjcmV0"))
          .isEqualTo("/v2/a/blobs/uploads/123?digest=sha256:ab&_state=***");
    }

    @Test
    void a_url_without_state_is_unchanged() {
      String url = "http://127.0.0.1:5000/v2/a/b/manifests/1.3?n=10&last=x";

      assertThat(Redaction.url(url)).isEqualTo(url);
    }
  }

  @Nested
  class Free_text {
    @ParameterizedTest
    @ValueSource(strings = {"token", "access_token", "refresh_token", "password"})
    void secret_json_fields_are_masked(String field) {
      String json = "{\"" + field + "\": \"s3cr3t-value\", \"expires_in\": 300}";

      assertThat(Redaction.text(json))
          .isEqualTo("{\"" + field + "\": \"***\", \"expires_in\": 300}")
          .doesNotContain("s3cr3t");
    }

    @Test
    void a_token_of_any_length_is_masked_without_overflowing_the_stack() throws InterruptedException {
      // A token-auth Distribution's JWT carries its x5c certificate chain: kilobytes. The earlier pattern recursed once
      // per character, and on a worker thread's smaller stack (as the scenario classes run) overflowed.
      String token = "eyJ" + "A".repeat(60_000) + "\\\"escaped\\\"" + "B".repeat(60_000);
      String json = "{\"token\":\"" + token + "\",\"expires_in\":300}";
      String[] masked = new String[1];
      Thread worker = new Thread(null, () -> masked[0] = Redaction.text(json), "small-stack", 256 * 1024);
      worker.start();
      worker.join();

      assertThat(masked[0]).as("the token response, masked on a thread with a 256 KiB stack")
          .isEqualTo("{\"token\":\"***\",\"expires_in\":300}");
    }

    @Test
    void every_secret_field_of_a_token_response_is_masked() {
      String json = "{\"token\":\"t-1\",\"access_token\":\"t-2\",\"refresh_token\":\"t-3\",\"issued_at\":\"2024-01-01T00:00:00Z\"}";

      assertThat(Redaction.text(json))
          .isEqualTo("{\"token\":\"***\",\"access_token\":\"***\",\"refresh_token\":\"***\",\"issued_at\":\"2024-01-01T00:00:00Z\"}");
    }

    @Test
    void a_password_with_an_escaped_quote_is_masked_entirely() {
      String json = "{\"password\":\"pa\\\"ss-word\",\"user\":\"me\"}";

      assertThat(Redaction.text(json))
          .isEqualTo("{\"password\":\"***\",\"user\":\"me\"}")
          .doesNotContain("ss-word");
    }

    @Test
    void a_token_cut_off_at_the_end_of_the_text_is_masked() {
      String truncated = "{\"expires_in\":300,\"token\":\"eyJhbGciOiJFUzI1NiJ9.eyJpc3Mi";

      assertThat(Redaction.text(truncated))
          .isEqualTo("{\"expires_in\":300,\"token\":\"***")
          .doesNotContain("eyJ");
    }

    @Test
    void bearer_and_basic_credentials_are_masked() {
      assertThat(Redaction.text("sent Authorization: Bearer xyz.abc-DEF_123 to the registry"))
          .isEqualTo("sent Authorization: Bearer *** to the registry");
      assertThat(Redaction.text("header was Basic abc= then"))
          .isEqualTo("header was Basic *** then");
    }

    @Test
    void prose_naming_the_scheme_is_left_alone() {
      assertThat(Redaction.text("unauthorized: no basic auth credentials"))
          .isEqualTo("unauthorized: no basic auth credentials");
      assertThat(Redaction.text("a Bearer token is required")).isEqualTo("a Bearer token is required");
      assertThat(Redaction.text("Basic authentication failed, Basic dXNlcjpwYXNz sent"))
          .isEqualTo("Basic authentication failed, Basic *** sent");
    }

    @Test
    void the_scheme_word_is_matched_case_insensitively() {
      assertThat(Redaction.text("authorization: bearer xyz")).isEqualTo("authorization: bearer ***");
    }

    @Test
    void secret_fields_of_a_form_body_are_masked() {
      String form = "grant_type=password&service=registry&client_id=regconform&username=octocat"
          + "&password=s3cr%3At&scope=repository%3Aa%3Apull&refresh_token=r-1";

      assertThat(Redaction.text(form))
          .isEqualTo("grant_type=password&service=registry&client_id=regconform&username=octocat"
              + "&password=***&scope=repository%3Aa%3Apull&refresh_token=***")
          .doesNotContain("s3cr").doesNotContain("r-1");
    }

    @Test
    void a_form_field_that_only_ends_like_a_secret_one_is_left_alone() {
      assertThat(Redaction.text("grant_type=password&my_password_hint=x")).isEqualTo("grant_type=password&my_password_hint=x");
    }

    @Test
    void a_state_value_in_text_is_masked() {
      assertThat(Redaction.text("PUT http://h/v2/a/blobs/uploads/1?_state=abc&digest=sha256:00 -> 400"))
          .isEqualTo("PUT http://h/v2/a/blobs/uploads/1?_state=***&digest=sha256:00 -> 400");
    }

    @Test
    void a_challenge_keeps_its_realm_service_and_scope() {
      String challenge = "Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:a/b:pull\"";

      assertThat(Redaction.text(challenge)).isEqualTo(challenge);
      assertThat(Redaction.text("Basic realm=\"Registry Realm\"")).isEqualTo("Basic realm=\"Registry Realm\"");
    }

    @Test
    void text_without_secrets_is_unchanged() {
      String text = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{\"Tag\":\"1.3\"}}]}\n"
          + "GET http://127.0.0.1:5000/v2/acme/app/manifests/1.3 -> 404, digest sha256:2c26b46b68ffc68f";

      assertThat(Redaction.text(text)).isEqualTo(text);
    }
  }
}
