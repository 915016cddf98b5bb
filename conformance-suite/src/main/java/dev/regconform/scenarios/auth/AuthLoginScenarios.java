package dev.regconform.scenarios.auth;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.auth.Realm.repositoryScope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regconform.client.Challenge;
import dev.regconform.client.Credentials;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.Unsupported;
import dev.regconform.scenarios.auth.Realm.TokenAnswer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Logging in as a client does: the registry's challenge to an anonymous request, the token flow from it with the run's
 * credentials ({@code docker login} included), and refusal of a wrong password.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Docker token authentication</a>
 */
@Tag("auth")
@DisplayName("Authentication: challenge and login")
public class AuthLoginScenarios extends AuthSupport {

  @Test
  @CheckId("auth.challenge.anonymous-refused")
  @Covers({"R70", "R81"})
  void without_credentials_the_registry_answers_401_with_a_challenge_that_parses() {
    probe.requireAuthentication();
    RegistryResponse refused = probe.anonymousPush().orElse(probe.base());
    Challenge challenge = probe.challenge().orElseThrow();
    List<String> missing = new ArrayList<>();
    missing.addAll(challenge.param("realm").filter(r -> !r.isBlank()).isPresent() ? List.of() : List.of("realm"));
    if (challenge.isBearer() && challenge.param("service").filter(s -> !s.isBlank()).isEmpty()) {
      missing.add("service");
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("Expecting the " + challenge.scheme() + " challenge of\n  <" + refused.requestLine()
          + ">\nto have the parameters " + missing + " a client needs to authenticate\nbut it was:\n  <"
          + refused.header(Headers.WWW_AUTHENTICATE).orElse("") + ">\nExchange:\n  "
          + refused.describe().replace("\n", "\n  "));
    }
  }

  @Test
  @CheckId("auth.token.flow")
  @Covers({"R70", "R81", "R85"})
  void a_token_from_the_challenges_realm_with_the_credentials_opens_v2() {
    probe.requireBearer(credentials, "there is no token flow; Basic credentials go with every request "
        + "(auth.login.docker-flow checks that they open /v2/)");
    TokenAnswer answer = realm().get(credentials, repositoryScope(repo, "pull"));

    assertThat(answer.response()).as("token request with the configured credentials").hasStatus(200);
    String token = answer.require("a token (token or access_token)");
    assertThat(AuthorizedRequests.bearer(registry, token).base()).as("GET /v2/ with the token").hasStatus(200);
  }

  @Test
  @CheckId(value = "auth.token.response-fields", level = Level.SHOULD)
  @Covers({"R85"})
  void the_token_answer_has_equal_token_fields_an_expires_in_of_at_least_60_s_and_an_rfc_3339_issued_at() {
    probe.requireBearer(credentials, "there are no token answers");
    TokenAnswer answer = realm().get(credentials, repositoryScope(repo, "pull"));
    answer.require("a token (token or access_token)");
    JsonNode json = answer.json().orElseThrow();

    List<String> problems = new ArrayList<>();
    if (json.hasNonNull("token") && json.hasNonNull("access_token")
        && !json.get("token").asText().equals(json.get("access_token").asText())) {
      problems.add("token and access_token differ (the spec: if both are given they should be equivalent)");
    }
    if (json.has("expires_in") && (!json.get("expires_in").canConvertToLong() || json.get("expires_in").asLong() < 60)) {
      problems.add("expires_in is " + json.get("expires_in") + " (the spec: seconds, never less than 60)");
    }
    if (json.has("issued_at")) {
      try {
        OffsetDateTime.parse(json.get("issued_at").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        problems.add("issued_at '" + json.get("issued_at").asText() + "' is not an RFC 3339 date-time");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("Expecting the token answer to\n  <" + answer.response().requestLine()
          + ">\nto follow the token spec, but:\n  " + String.join("\n  ", problems) + "\nExchange:\n  "
          + answer.response().describe().replace("\n", "\n  "));
    }
  }

  @Test
  @CheckId("auth.token.wrong-password-refused")
  @Covers({"R81", "R85"})
  void a_wrong_password_gets_401_and_no_token() {
    probe.requireAuthenticationWith(credentials);
    Credentials wrong = new Credentials(credentials.username(), "regconform-wrong-" + UUID.randomUUID());

    if (probe.mode() == AuthProbe.Mode.BASIC) {
      assertThat(new AuthorizedRequests(registry, wrong.basicHeaderValue()).base())
          .as("GET /v2/ with a wrong password").hasStatus(401);
      return;
    }
    TokenAnswer answer = realm().get(wrong, repositoryScope(repo, "pull"));
    assertThat(answer.response()).as("token request with a wrong password").hasStatus(401);
    if (answer.token().isPresent()) {
      throw new AssertionError("Expecting no token for a wrong password, but the answer holds one:\n  "
          + answer.response().describe().replace("\n", "\n  "));
    }
  }

  @Test
  @CheckId("auth.login.docker-flow")
  @Covers({"R70", "R81", "R85"})
  void docker_login_gets_a_token_without_scope_with_basic_credentials_and_then_v2_answers_200() {
    probe.requireAuthenticationWith(credentials);
    if (probe.mode() == AuthProbe.Mode.BASIC) {
      // docker login against Basic: GET /v2/ → 401 Basic → GET /v2/ with the credentials.
      assertThat(new AuthorizedRequests(registry, credentials.basicHeaderValue()).base())
          .as("GET /v2/ with the configured credentials").hasStatus(200);
      return;
    }
    // docker login against Bearer: GET realm?service=…&account=<user> with Basic credentials, no scope.
    TokenAnswer answer = realm().get(credentials);
    assertThat(answer.response()).as("token request without scope, as docker login sends it").hasStatus(200);
    String token = answer.require("a token for docker login");
    assertThat(AuthorizedRequests.bearer(registry, token).base()).as("GET /v2/ with the login token").hasStatus(200);
  }

  @Test
  @CheckId(value = "auth.login.oauth2-password-grant", level = Level.MAY)
  @Covers({"R70"})
  void the_oauth2_password_grant_posted_to_the_realm_gets_an_access_token() {
    probe.requireBearer(credentials, "the OAuth2 form belongs to the token protocol");
    TokenAnswer answer = realm().postPassword(credentials, "regconform", repositoryScope(repo, "pull"));
    Unsupported.ifRegistryAnswers(answer.response(), "the OAuth2 password grant (POST to the realm)", 404, 405);

    assertThat(answer.response()).as("POST grant_type=password to the realm").hasStatus(200);
    if (answer.json().map(j -> !j.hasNonNull("access_token")).orElse(true)) {
      throw new AssertionError("Expecting the OAuth2 answer to hold access_token (oauth.md: required)\nExchange:\n  "
          + answer.response().describe().replace("\n", "\n  "));
    }
    assertThat(AuthorizedRequests.bearer(registry, answer.require("an access_token")).base())
        .as("GET /v2/ with the access_token").hasStatus(200);
  }
}
