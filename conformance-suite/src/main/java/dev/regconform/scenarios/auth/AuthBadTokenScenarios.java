package dev.regconform.scenarios.auth;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.auth.Realm.repositoryScope;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.fixtures.auth.SigningAlgorithm;
import dev.regconform.fixtures.auth.TokenSigner;
import dev.regconform.fixtures.images.TestImage;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.Unsupported;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens that are wrong in one way each must be refused (401), on a pull the same token's good original is
 * allowed. The first four are made from a real token (so its claims must be a JWT's); expired, not yet valid, wrong
 * audience and wrong issuer need the registry's trusted signing key ({@code --token-signing-key} with
 * {@code --token-certificate}), since without it every such token would just be an unknown key's.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/jwt/">Token authentication implementation</a>
 */
@Tag("auth")
@DisplayName("Authentication: bad tokens")
public class AuthBadTokenScenarios extends AuthSupport {
  private static final String BASIC = "only Bearer tokens can be forged";
  private static final long BEYOND_LEEWAY_SECONDS = 600;

  private TestImage image;

  @BeforeAll
  void pushAnImage() {
    if (canPushWithTokens()) {
      image = scenario.newImage(128);
      scenario.pusher().pushImage(repo, image, "v1");
    }
  }

  @Test
  @CheckId("auth.bad-token.altered-payload")
  @Covers({"R83"})
  void a_token_whose_claims_were_changed_after_signing_is_refused() {
    Jwt good = goodJwt();
    ObjectNode claims = good.claimsCopy();
    escalate(claims);
    assertRefusedInPlaceOf(good, good.withClaims(claims), "its claims changed after signing (more access, later exp)");
  }

  @Test
  @CheckId("auth.bad-token.alg-none")
  @Covers({"R83"})
  void an_unsecured_token_with_alg_none_is_refused() {
    Jwt good = goodJwt();
    assertRefusedInPlaceOf(good, Jwt.unsecured(good.claimsCopy()), "alg none and no signature");
  }

  @Test
  @CheckId("auth.bad-token.unknown-key")
  @Covers({"R83"})
  void a_token_signed_by_an_unknown_key_is_refused() {
    Jwt good = goodJwt();
    TokenSigner unknown = TokenSigner.withNewKey(algorithmOf(good));
    assertRefusedInPlaceOf(good, unknown.sign(Jwt.asMap(good.claimsCopy())),
        "the same claims signed by an unknown key (its own self-signed certificate in x5c)");
  }

  @Test
  @CheckId("auth.bad-token.garbage")
  @Covers({"R83"})
  void a_token_that_is_no_token_is_refused() {
    Jwt good = goodJwt();
    assertRefusedInPlaceOf(good, "regconform-not-a-token-" + UUID.randomUUID(), "no JWT at all");
  }

  @Test
  @CheckId(value = "auth.bad-token.invalid-token-error", level = Level.SHOULD)
  @Covers({"R83", "R84"})
  void the_refusal_of_a_bad_token_says_invalid_token_in_its_challenge() {
    Jwt good = goodJwt();
    ObjectNode altered = good.claimsCopy();
    escalate(altered);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("altered payload", good.withClaims(altered));
    bad.put("alg none", Jwt.unsecured(good.claimsCopy()));
    bad.put("unknown key", TokenSigner.withNewKey(algorithmOf(good)).sign(Jwt.asMap(good.claimsCopy())));
    bad.put("garbage", "regconform-not-a-token-" + UUID.randomUUID());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> token : bad.entrySet()) {
      RegistryResponse refused = pullWith(token.getValue());
      assertRefused(refused, "GET with a bad token (" + token.getKey() + ")");
      String error = challengeOf(refused).flatMap(c -> c.param("error")).orElse("<none>");
      if (!error.equals("invalid_token")) {
        problems.add(token.getKey() + ": error=" + error + " in " + refused.describe().replace("\n", "\n    "));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("Expecting the challenge refusing a bad token to say error=\"invalid_token\" "
          + "(RFC 6750 3.1), but:\n  " + String.join("\n  ", problems));
    }
  }

  @Test
  @CheckId("auth.bad-token.expired")
  @Covers({"R83"})
  void an_expired_token_is_refused() {
    Jwt good = goodJwt();
    TokenSigner trusted = trustedSigner(good);
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = fresh(good);
    claims.put("iat", now - 2 * BEYOND_LEEWAY_SECONDS).put("nbf", now - 2 * BEYOND_LEEWAY_SECONDS)
        .put("exp", now - BEYOND_LEEWAY_SECONDS);
    assertRefusedInPlaceOf(good, trusted.sign(Jwt.asMap(claims)), "signed by the trusted key, exp 10 minutes ago");
  }

  @Test
  @CheckId("auth.bad-token.not-yet-valid")
  @Covers({"R83"})
  void a_token_not_yet_valid_is_refused() {
    Jwt good = goodJwt();
    TokenSigner trusted = trustedSigner(good);
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = fresh(good);
    claims.put("nbf", now + BEYOND_LEEWAY_SECONDS).put("exp", now + 2 * BEYOND_LEEWAY_SECONDS);
    assertRefusedInPlaceOf(good, trusted.sign(Jwt.asMap(claims)), "signed by the trusted key, nbf 10 minutes ahead");
  }

  @Test
  @CheckId("auth.bad-token.wrong-audience")
  @Covers({"R83"})
  void a_token_for_another_service_is_refused() {
    Jwt good = goodJwt();
    TokenSigner trusted = trustedSigner(good);
    ObjectNode claims = fresh(good);
    claims.put("aud", claims.path("aud").asText("registry") + "-elsewhere");
    assertRefusedInPlaceOf(good, trusted.sign(Jwt.asMap(claims)), "signed by the trusted key, aud another service");
  }

  @Test
  @CheckId("auth.bad-token.wrong-issuer")
  @Covers({"R83"})
  void a_token_from_another_issuer_is_refused() {
    Jwt good = goodJwt();
    TokenSigner trusted = trustedSigner(good);
    ObjectNode claims = fresh(good);
    claims.put("iss", claims.path("iss").asText("issuer") + "-impostor");
    assertRefusedInPlaceOf(good, trusted.sign(Jwt.asMap(claims)), "signed by the trusted key, iss another issuer");
  }

  /** A real pull token for this class's repository, as a JWT; unsupported when the registry's tokens are none. */
  private Jwt goodJwt() {
    probe.requireBearer(credentials, BASIC);
    String scope = repositoryScope(repo, "pull");
    String token = realm().get(credentials, scope).require("a token for " + scope);
    Optional<Jwt> jwt = Jwt.parse(token);
    if (jwt.isEmpty()) {
      Unsupported.because("the registry's tokens are not JWTs (three base64url parts with JSON header and claims), "
          + "so no variant of one can be made");
    }
    return jwt.get();
  }

  /**
   * The good token pulls (200), the bad one in its place is refused with 401 — 403 would say the token was accepted
   * as an identity.
   */
  private void assertRefusedInPlaceOf(Jwt good, String bad, String what) {
    assertThat(pullWith(good.token()))
        .as("GET with the good token the bad one is made from").hasStatus(200);
    RegistryResponse refused = pullWith(bad);
    assertThat(refused).as("GET with a bad token: " + what).hasStatus(401);
  }

  private RegistryResponse pullWith(String token) {
    return AuthorizedRequests.bearer(registry, token).getManifest(repo, "v1", image.manifest().mediaType());
  }

  /** The signer of the trusted key, proven trusted by a re-signed copy of the good token being accepted. */
  private TokenSigner trustedSigner(Jwt good) {
    Path[] files = settings.requireSigningKey();
    TokenSigner signer;
    try {
      signer = TokenSigner.fromPem(Files.readString(files[0]), Files.readString(files[1]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token signing key or certificate: " + e.getMessage(), e);
    }
    RegistryResponse control = pullWith(signer.sign(Jwt.asMap(fresh(good))));
    if (control.status() != 200) {
      throw new IllegalStateException("The key given with --token-signing-key is not one the registry trusts: the good "
          + "token's claims signed with it got " + control.status() + " instead of 200, so the tokens made with it "
          + "would prove nothing. Give the key (and its certificate) the registry's rootcertbundle trusts.\n"
          + control.describe());
    }
    return signer;
  }

  /** The good token's claims with a new {@code jti}, so a registry that remembers token ids does not refuse a copy. */
  private static ObjectNode fresh(Jwt good) {
    ObjectNode claims = good.claimsCopy();
    claims.put("jti", UUID.randomUUID().toString());
    return claims;
  }

  /** More access (push and delete beside pull) and an hour more: what an attacker would change. */
  private static void escalate(ObjectNode claims) {
    if (claims.path("access").isArray()) {
      for (var entry : claims.get("access")) {
        if (entry.path("actions").isArray()) {
          ((ArrayNode) entry.get("actions")).add("push").add("delete");
        }
      }
    } else {
      claims.put("sub", claims.path("sub").asText("") + "-admin");
    }
    if (claims.path("exp").canConvertToLong()) {
      claims.put("exp", claims.get("exp").asLong() + 3600);
    }
  }

  private static SigningAlgorithm algorithmOf(Jwt good) {
    return good.header().path("alg").asText("").startsWith("RS") ? SigningAlgorithm.RS256 : SigningAlgorithm.ES256;
  }
}
