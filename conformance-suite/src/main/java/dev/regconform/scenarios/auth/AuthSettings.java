package dev.regconform.scenarios.auth;

import dev.regconform.client.Credentials;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.junit.Scenario;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The run's settings for the auth checks, beyond the target's own credentials, as configuration parameters (the
 * command line sets them from its options; a reference registry from what it knows about itself).
 *
 * @param readOnly credentials that may pull but not push (a ghcr.io PAT with only {@code read:packages})
 * @param publicRepository a repository anyone may pull, that the main credentials may push to
 * @param privateRepository a repository only authenticated users may pull, that the main credentials may push to
 * @param signingKey the registry's trusted token signing key (PKCS#8 PEM file)
 * @param certificate the certificate of that key (PEM file), as the registry's {@code rootcertbundle} holds it
 */
public record AuthSettings(Optional<Credentials> readOnly, Optional<String> publicRepository,
    Optional<String> privateRepository, Optional<Path> signingKey, Optional<Path> certificate) {
  public static final String READ_ONLY_USERNAME = "regconform.auth.read-only.username";
  public static final String READ_ONLY_PASSWORD = "regconform.auth.read-only.password";
  public static final String PUBLIC_REPOSITORY = "regconform.auth.public-repository";
  public static final String PRIVATE_REPOSITORY = "regconform.auth.private-repository";
  public static final String TOKEN_SIGNING_KEY = "regconform.auth.token-signing-key";
  public static final String TOKEN_CERTIFICATE = "regconform.auth.token-certificate";

  static final String CREDENTIALS_OPTIONS = "--username USER with --password-stdin (or OCI_USERNAME and OCI_PASSWORD)";
  static final String READ_ONLY_OPTIONS = "--read-only-username USER with REGCONFORM_READ_ONLY_PASSWORD";
  static final String SIGNING_KEY_OPTIONS = "--token-signing-key KEY.pem with --token-certificate CERT.pem";

  static AuthSettings of(Scenario scenario) {
    Optional<String> user = scenario.configuration(READ_ONLY_USERNAME);
    Optional<String> password = scenario.configuration(READ_ONLY_PASSWORD);
    Optional<Credentials> readOnly = user.isPresent() && password.isPresent()
        ? Optional.of(new Credentials(user.get(), password.get())) : Optional.empty();
    return new AuthSettings(readOnly, scenario.configuration(PUBLIC_REPOSITORY),
        scenario.configuration(PRIVATE_REPOSITORY), scenario.configuration(TOKEN_SIGNING_KEY).map(Path::of),
        scenario.configuration(TOKEN_CERTIFICATE).map(Path::of));
  }

  /** The read-only credentials, or the check ends disabled naming their options. */
  Credentials requireReadOnly() {
    NotConfiguredException.unless(readOnly.isPresent(), READ_ONLY_OPTIONS);
    return readOnly.get();
  }

  /** The key and its certificate, or the check ends disabled naming their options. */
  Path[] requireSigningKey() {
    NotConfiguredException.unless(signingKey.isPresent() && certificate.isPresent(), SIGNING_KEY_OPTIONS);
    return new Path[] {signingKey.get(), certificate.get()};
  }
}
