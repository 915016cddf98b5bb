package dev.regconform.target;

import static dev.regconform.fixtures.auth.PackageScope.DELETE_PACKAGES;
import static dev.regconform.fixtures.auth.PackageScope.READ_PACKAGES;
import static dev.regconform.fixtures.auth.PackageScope.WRITE_PACKAGES;

import dev.regconform.client.Credentials;
import dev.regconform.fixtures.auth.Accounts;
import dev.regconform.fixtures.auth.TokenServer;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.scenarios.auth.AuthSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Distribution as a process with token auth against a {@link TokenServer} shaped like ghcr.io, set up so every auth
 * check has what it needs: the user {@code <owner>} owns the namespace {@code <owner>} (the run's namespace lies
 * under it) and may read the catalog; its personal access token {@code main} has read, write and delete of packages,
 * its PAT {@code read-only} only {@code read:packages}; {@code <owner>/public} is public, {@code <owner>/private}
 * private; and the token signing key and its certificate lie in temporary files (removed on close).
 *
 * <pre>{@code
 * try (TokenAuthReference ref = TokenAuthReference.start(binary, "regconform", null)) {
 *   RegistryTarget target = new RegistryTarget(ref.started().url(), ref.started().credentials(), "regconform/run-1",
 *       false, ref.started().description(), ref.started().parameters());
 * }
 * }</pre>
 */
public final class TokenAuthReference implements AutoCloseable {
  /** The reference's id, as {@link ReferenceRegistries.Started#id()}. */
  public static final String ID = "distribution-token";

  private final TokenServer tokens;
  private final DistributionProcess registry;
  private final Path keyDirectory;
  private final ReferenceRegistries.Started started;

  private TokenAuthReference(TokenServer tokens, DistributionProcess registry, Path keyDirectory,
      ReferenceRegistries.Started started) {
    this.tokens = tokens;
    this.registry = registry;
    this.keyDirectory = keyDirectory;
    this.started = started;
  }

  /**
   * Starts the token server and the registry.
   *
   * @param binary the Distribution binary
   * @param owner the user and the namespace it owns: the first path segment of the run's namespace
   * @param mainSecret the secret of the {@code main} PAT (the run's password), or null for a generated one
   * @return the running reference; close it to stop both and remove the key files
   * @throws java.io.UncheckedIOException when the key files cannot be written
   * @throws RuntimeException when the token server or the registry does not start (the token server is stopped again)
   */
  public static TokenAuthReference start(Path binary, String owner, String mainSecret) {
    Accounts.Builder accounts = Accounts.builder().user(owner).owns(owner).admin();
    if (mainSecret == null) {
      accounts.token("main", WRITE_PACKAGES, READ_PACKAGES, DELETE_PACKAGES);
    } else {
      accounts.token("main", mainSecret, WRITE_PACKAGES, READ_PACKAGES, DELETE_PACKAGES);
    }
    accounts.token("read-only", READ_PACKAGES).publicRepository(owner + "/public");
    TokenServer tokens = TokenServer.start(accounts.build());
    Path keys = null;
    try {
      keys = Files.createTempDirectory("regconform-token-key-", PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      Path key = Files.writeString(keys.resolve("signing-key.pem"), tokens.signingKeyPem());
      Path certificate = Files.writeString(keys.resolve("certificate.pem"), tokens.certificatePem());
      DistributionProcess registry = DistributionProcess.builder(binary).tokenAuth(tokens.tokenAuth()).start();
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put(AuthSettings.READ_ONLY_USERNAME, owner);
      parameters.put(AuthSettings.READ_ONLY_PASSWORD, tokens.accounts().token(owner, "read-only").secret());
      parameters.put(AuthSettings.PUBLIC_REPOSITORY, owner + "/public");
      parameters.put(AuthSettings.PRIVATE_REPOSITORY, owner + "/private");
      parameters.put(AuthSettings.TOKEN_SIGNING_KEY, key.toString());
      parameters.put(AuthSettings.TOKEN_CERTIFICATE, certificate.toString());
      Credentials credentials = new Credentials(owner, tokens.accounts().token(owner, "main").secret());
      return new TokenAuthReference(tokens, registry, keys, new ReferenceRegistries.Started(ID,
          "Distribution " + registry.version() + " (process " + binary + ", token auth)", registry.baseUri(),
          credentials, parameters));
    } catch (IOException | RuntimeException e) {
      tokens.close();
      deleteQuietly(keys);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot write the token signing key to a temporary file: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * The registry as a reference.
   *
   * @return its URL, the owner's credentials (the {@code main} PAT) and the auth checks' settings
   */
  public ReferenceRegistries.Started started() {
    return started;
  }

  /**
   * The token server, e.g. for {@link TokenServer#requests()} and {@link TokenServer#issuedTokens()}.
   *
   * @return the running token server
   */
  public TokenServer tokenServer() {
    return tokens;
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      tokens.close();
      deleteQuietly(keyDirectory);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
    }
  }
}
