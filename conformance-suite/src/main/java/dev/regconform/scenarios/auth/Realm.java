package dev.regconform.scenarios.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.client.Challenge;
import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint a Bearer challenge names, asked directly: for tokens of exactly the scopes a check chooses, with
 * the credentials it chooses (or none).
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Docker token authentication</a>
 */
final class Realm {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClient client;
  private final String realm;
  private final Optional<String> service;

  Realm(RegistryClient client, Challenge challenge) {
    this.client = client;
    this.realm = challenge.param("realm").orElseThrow();
    this.service = challenge.param("service").filter(s -> !s.isEmpty());
  }

  /**
   * A token answer and the token in it ({@code access_token}, else {@code token}); empty when the answer is no 200 with
   * one.
   *
   * @param response the exchange
   * @param token the token
   * @param json the body as JSON, empty when it is none
   */
  record TokenAnswer(RegistryResponse response, Optional<String> token, Optional<JsonNode> json) {
    static TokenAnswer of(RegistryResponse response) {
      Optional<JsonNode> json;
      try {
        json = Optional.ofNullable(JSON.readTree(response.body())).filter(JsonNode::isObject);
      } catch (IOException e) {
        json = Optional.empty();
      }
      Optional<String> token = response.status() != 200 ? Optional.empty()
          : json.flatMap(j -> text(j, "access_token").or(() -> text(j, "token")));
      return new TokenAnswer(response, token, json);
    }

    private static Optional<String> text(JsonNode json, String field) {
      return Optional.ofNullable(json.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText)
          .filter(s -> !s.isEmpty());
    }

    /** The token, or an assertion error showing the exchange. */
    String require(String what) {
      return token.orElseThrow(() -> new AssertionError("Expecting the token endpoint to issue " + what
          + "\nbut it did not:\n  " + response.describe().replace("\n", "\n  ")));
    }
  }

  /**
   * {@code GET realm?service=…&scope=…(each)&account=<user>} with Basic {@code credentials}, or anonymously when they
   * are null, as Docker's client asks.
   */
  TokenAnswer get(Credentials credentials, String... scopes) {
    List<String> query = new ArrayList<>();
    service.ifPresent(s -> query.add("service=" + encode(s)));
    for (String scope : scopes) {
      query.add("scope=" + encode(scope));
    }
    if (credentials != null) {
      query.add("account=" + encode(credentials.username()));
    }
    String url = realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + String.join("&", query));
    return TokenAnswer.of(client.exchangeAs("GET", url, Map.of(), null,
        credentials == null ? null : credentials.basicHeaderValue()));
  }

  /**
   * The OAuth2 form ({@code grant_type=password}) the token spec allows besides GET: {@code POST realm} with
   * {@code service}, {@code client_id}, {@code username}, {@code password} and the scopes space-separated.
   */
  TokenAnswer postPassword(Credentials credentials, String clientId, String... scopes) {
    List<String> form = new ArrayList<>();
    form.add("grant_type=password");
    service.ifPresent(s -> form.add("service=" + encode(s)));
    form.add("client_id=" + encode(clientId));
    form.add("username=" + encode(credentials.username()));
    form.add("password=" + encode(credentials.password()));
    if (scopes.length > 0) {
      form.add("scope=" + encode(String.join(" ", scopes)));
    }
    return TokenAnswer.of(client.exchangeAs("POST", realm, Map.of("Content-Type", "application/x-www-form-urlencoded"),
        String.join("&", form).getBytes(StandardCharsets.UTF_8), null));
  }

  /** {@code repository:<name>:<actions>}. */
  static String repositoryScope(String repository, String actions) {
    return "repository:" + repository + ":" + actions;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
