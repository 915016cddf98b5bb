package dev.regconform.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Answers a registry's {@code WWW-Authenticate} challenges: Basic with the credentials; Bearer with a token
 * from the challenge's realm, fetched with the credentials (or anonymously) as the Docker token spec says,
 * and cached per request scope for as long as its {@code expires_in} says (60 s when absent or lower, as the spec
 * and Docker's client have it), less a margin so that a token does not expire on its way. This class is thread-safe.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Docker token authentication</a>
 */
final class RegistryAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The spec's default lifetime, and the least a client assumes (token.md: "should never be less than 60"). */
  static final Duration MINIMUM_LIFETIME = Duration.ofSeconds(60);
  /** A token is fetched anew this long before it expires. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

  private final Credentials credentials;
  private final Clock clock;
  private final Map<String, CachedToken> tokensByScope = new ConcurrentHashMap<>();
  private volatile boolean basicRequested;

  private record CachedToken(String token, Instant renewAt) {}

  RegistryAuthenticator(Credentials credentials) {
    this(credentials, Clock.systemUTC());
  }

  RegistryAuthenticator(Credentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The Authorization value to send up front for a request of {@code scope} (null: no scope known). */
  Optional<String> authorizationFor(String scope) {
    if (basicRequested && credentials != null) {
      return Optional.of(credentials.basicHeaderValue());
    }
    String key = scope == null ? "" : scope;
    CachedToken cached = tokensByScope.get(key);
    if (cached == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(cached.renewAt())) {
      tokensByScope.remove(key, cached);
      return Optional.empty();
    }
    return Optional.of("Bearer " + cached.token());
  }

  /**
   * The Authorization value that answers {@code unauthorized}'s challenge, or empty when none can.
   *
   * @param requestScope the scope the request needed, used when the challenge names none
   * @param tokenGet GETs a token URL with an optional Basic Authorization value
   */
  Optional<String> answer(RegistryResponse unauthorized, String requestScope,
      BiFunction<String, String, RegistryResponse> tokenGet) {
    Optional<Challenge> challenge = unauthorized.header(Headers.WWW_AUTHENTICATE).flatMap(Challenge::parse);
    if (challenge.isEmpty()) {
      return Optional.empty();
    }
    if (challenge.get().isBasic()) {
      basicRequested = true;
      return Optional.ofNullable(credentials).map(Credentials::basicHeaderValue);
    }
    if (!challenge.get().isBearer() || challenge.get().param("realm").isEmpty()) {
      return Optional.empty();
    }
    RegistryResponse tokenResponse = tokenGet.apply(tokenUrl(challenge.get(), requestScope),
        credentials == null ? null : credentials.basicHeaderValue());
    if (tokenResponse.status() != 200) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(tokenResponse.body());
      // Docker's client prefers access_token when both are there; the spec says they should be equal.
      String token = root.path("access_token").asText("");
      if (token.isEmpty()) {
        token = root.path("token").asText("");
      }
      if (token.isEmpty()) {
        return Optional.empty();
      }
      tokensByScope.put(requestScope == null ? "" : requestScope,
          new CachedToken(token, clock.instant().plus(lifetime(root)).minus(EXPIRY_MARGIN)));
      return Optional.of("Bearer " + token);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code expires_in} in seconds, at least {@link #MINIMUM_LIFETIME}; that when absent or not a number. */
  static Duration lifetime(JsonNode tokenResponse) {
    JsonNode expiresIn = tokenResponse.path("expires_in");
    if (!expiresIn.canConvertToLong()) {
      return MINIMUM_LIFETIME;
    }
    Duration given = Duration.ofSeconds(expiresIn.asLong());
    return given.compareTo(MINIMUM_LIFETIME) < 0 ? MINIMUM_LIFETIME : given;
  }

  /** {@code realm?service=…&scope=…&scope=…&account=…}: one scope parameter per space-delimited entry. */
  private String tokenUrl(Challenge challenge, String requestScope) {
    String scope = challenge.param("scope").orElse(requestScope == null ? "" : requestScope);
    List<Map.Entry<String, String>> query = new ArrayList<>();
    challenge.param("service").filter(s -> !s.isEmpty()).ifPresent(s -> query.add(Map.entry("service", s)));
    for (String entry : scope.strip().split("\\s+")) {
      if (!entry.isEmpty()) {
        query.add(Map.entry("scope", entry));
      }
    }
    if (credentials != null) {
      query.add(Map.entry("account", credentials.username()));
    }
    StringBuilder url = new StringBuilder(challenge.param("realm").orElseThrow());
    char sep = url.indexOf("?") < 0 ? '?' : '&';
    for (Map.Entry<String, String> param : query) {
      url.append(sep).append(param.getKey()).append('=').append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return url.toString();
  }
}
