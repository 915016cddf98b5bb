package dev.regconform.scenarios.auth;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Challenge;
import dev.regconform.client.Credentials;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import dev.regconform.scenarios.ScenarioSupport;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the auth checks start from: how the registry authenticates ({@link AuthProbe}), the run's credentials and auth
 * settings, and the assertions of a refusal.
 */
abstract class AuthSupport extends ScenarioSupport {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How the registry asked an anonymous client to authenticate. */
  protected AuthProbe probe;
  /** The run's credentials, null when none are configured. */
  protected Credentials credentials;
  /** The optional auth settings. */
  protected AuthSettings settings;

  @BeforeAll
  final void probeAuthentication() {
    credentials = scenario.target().credentials();
    settings = AuthSettings.of(scenario);
    probe = AuthProbe.of(registry, credentials, scenario.repository("anonymous-push"));
  }

  /** The token endpoint of the registry's Bearer challenge. */
  protected Realm realm() {
    return new Realm(registry, probe.challenge().orElseThrow());
  }

  /** Whether the registry asks for tokens and credentials are configured, so setup may push for the checks. */
  protected boolean canPushWithTokens() {
    return probe.mode() == AuthProbe.Mode.BEARER && credentials != null;
  }

  /**
   * A refusal: 401 (with a challenge, which RFC 9110 requires of every 401) or 403.
   *
   * @param what the request and the credential it carried, e.g. "a push with a pull-only token"
   */
  protected static void assertRefused(RegistryResponse response, String what) {
    assertThat(response).as(what).hasStatusIn("refused: 401 (authenticate) or 403 (denied)", 401, 403);
    if (response.status() == 401) {
      assertThat(response).as(what + ": a 401 says how to authenticate").hasHeader(Headers.WWW_AUTHENTICATE);
    }
  }

  /** The parsed challenge of a 401, if any. */
  protected static Optional<Challenge> challengeOf(RegistryResponse response) {
    return response.header(Headers.WWW_AUTHENTICATE).flatMap(Challenge::parse);
  }

  /** A random blob of 64 bytes, never pushed before. */
  protected static byte[] freshBytes() {
    byte[] bytes = new byte[64];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A short random suffix for tags in repositories shared between runs. */
  protected static String randomSuffix() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
