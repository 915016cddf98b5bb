package dev.regconform.scenarios.auth;

import dev.regconform.assertions.UnacceptableResponseError;
import dev.regconform.client.Challenge;
import dev.regconform.client.Credentials;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.junit.Unsupported;
import java.util.Map;
import java.util.Optional;

/**
 * How the registry asks clients to authenticate, learned the way a client learns it: {@code GET /v2/} without
 * credentials, and, when that answers 200 although credentials are configured, an anonymous push (POST of an upload)
 * into the run's namespace, which must then be what is protected.
 *
 * @param mode what was found
 * @param challenge the parsed challenge (BEARER and BASIC)
 * @param base the anonymous {@code GET /v2/}
 * @param anonymousPush the anonymous POST, when one was needed
 * @param problem for BROKEN and NONE, why, with the exchanges
 */
record AuthProbe(Mode mode, Optional<Challenge> challenge, RegistryResponse base, Optional<RegistryResponse> anonymousPush,
    String problem) {

  enum Mode {
    /** A Bearer challenge with a realm: the Docker token protocol. */
    BEARER,
    /** A Basic challenge. */
    BASIC,
    /** No authentication at all, and no credentials configured to expect any. */
    NONE,
    /** An answer no client can authenticate against, or an unauthenticated push let through: a failure. */
    BROKEN,
    /** An answer that shows neither (e.g. 404 to GET /v2/): nothing to check. */
    UNKNOWN
  }

  /** Probes the registry with anonymous requests; {@code pushRepository} is where an anonymous push is tried. */
  static AuthProbe of(RegistryClient client, Credentials credentials, String pushRepository) {
    RegistryResponse base = client.exchangeAs("GET", "/v2/", Map.of(), null, null);
    if (base.status() == 401) {
      return fromChallenge(base, base, Optional.empty(), "GET /v2/ without credentials");
    }
    if (base.status() != 200) {
      return new AuthProbe(Mode.UNKNOWN, Optional.empty(), base, Optional.empty(),
          "GET /v2/ without credentials answered " + base.status() + ", neither 200 nor 401, so how the registry "
              + "authenticates cannot be learned:\n" + base.describe());
    }
    if (credentials == null) {
      return new AuthProbe(Mode.NONE, Optional.empty(), base, Optional.empty(),
          "the registry asks for no authentication (GET /v2/ without credentials answered 200) and no credentials are "
              + "configured (" + AuthSettings.CREDENTIALS_OPTIONS + ")");
    }
    // Credentials are configured, yet /v2/ is open: then pushing at least must be protected.
    RegistryResponse push = client.exchangeAs("POST", "/v2/" + pushRepository + "/blobs/uploads/", Map.of(),
        new byte[0], null);
    if (push.status() == 401) {
      return fromChallenge(base, push, Optional.of(push), "an anonymous POST /v2/" + pushRepository + "/blobs/uploads/");
    }
    if (push.status() >= 200 && push.status() < 300) {
      push.header(Headers.LOCATION).ifPresent(location -> client.cancelUpload(client.resolve(location)));
      return new AuthProbe(Mode.BROKEN, Optional.empty(), base, Optional.of(push),
          "the registry lets unauthenticated pushes through: credentials are configured, but GET /v2/ without them "
              + "answered 200 and an anonymous push (POST /v2/" + pushRepository + "/blobs/uploads/) answered "
              + push.status() + " instead of 401 with a challenge:\n" + push.describe());
    }
    return new AuthProbe(Mode.UNKNOWN, Optional.empty(), base, Optional.of(push),
        "GET /v2/ without credentials answered 200, and an anonymous push answered " + push.status()
            + " without a challenge, so how the registry authenticates cannot be learned:\n" + push.describe());
  }

  private static AuthProbe fromChallenge(RegistryResponse base, RegistryResponse unauthorized,
      Optional<RegistryResponse> push, String what) {
    Optional<String> header = unauthorized.header(Headers.WWW_AUTHENTICATE);
    Optional<Challenge> challenge = header.flatMap(Challenge::parse);
    if (challenge.isEmpty()) {
      return new AuthProbe(Mode.BROKEN, Optional.empty(), base, push, what + " answered 401 without a "
          + "WWW-Authenticate challenge, so no client can learn how to authenticate (RFC 9110 11.6.1: a 401 MUST "
          + "carry one):\n" + unauthorized.describe());
    }
    if (challenge.get().isBasic()) {
      return new AuthProbe(Mode.BASIC, challenge, base, push, "");
    }
    if (challenge.get().isBearer() && challenge.get().param("realm").filter(r -> !r.isBlank()).isPresent()) {
      return new AuthProbe(Mode.BEARER, challenge, base, push, "");
    }
    return new AuthProbe(Mode.BROKEN, challenge, base, push, what + " answered 401 with a WWW-Authenticate challenge "
        + "that is neither Basic nor Bearer with a realm: '" + header.get() + "'\n" + unauthorized.describe());
  }

  /** Ends the check unless the registry authenticates: unsupported (none, unknown) or failed (broken, at any level). */
  void requireAuthentication() {
    switch (mode) {
      case NONE, UNKNOWN -> Unsupported.because(problem);
      // Fails whatever the check's level: broken authentication is no recommendation missed.
      case BROKEN -> throw new UnacceptableResponseError(anonymousPush.orElse(base).status(), problem);
      default -> { }
    }
  }

  /** As {@link #requireAuthentication()}, and the credentials must be configured (else disabled). */
  void requireAuthenticationWith(Credentials credentials) {
    requireAuthentication();
    NotConfiguredException.unless(credentials != null, AuthSettings.CREDENTIALS_OPTIONS);
  }

  /** As {@link #requireAuthenticationWith}, and the scheme must be Bearer (else unsupported, saying {@code why}). */
  Challenge requireBearer(Credentials credentials, String why) {
    requireAuthenticationWith(credentials);
    if (mode != Mode.BEARER) {
      Unsupported.because("the registry asks for Basic authentication (" + base.header(Headers.WWW_AUTHENTICATE)
          .or(() -> anonymousPush.flatMap(p -> p.header(Headers.WWW_AUTHENTICATE))).orElse("") + "): " + why);
    }
    return challenge.orElseThrow();
  }
}
