package dev.regconform.cli;

import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.RequestTimeout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What {@code bench blob} and {@code load} share to reach the registry they work on (a picocli mixin): the target
 * ({@code --target}, else {@code OCI_ROOT_URL}), credentials, the loopback rule ({@code --allow-remote}), TLS
 * ({@code --insecure}), and the first {@code GET /v2/}. Each command keeps its own words for what it refuses.
 */
final class RegistryAccess {
  @Option(names = "--username", paramLabel = "USER", description = "User to log in as (or OCI_USERNAME).")
  String username;

  @Option(names = "--password-stdin", description = "Read the password or token from standard input (or OCI_PASSWORD).")
  boolean passwordStdin;

  @Option(names = "--allow-remote", description = "Allow a target that is not a loopback address.")
  boolean allowRemote;

  @Option(names = "--insecure", description = "Accept TLS certificates that cannot be verified (self-signed), and send "
      + "credentials over plain http to hosts other than loopback.")
  boolean insecure;

  @Option(names = "--request-timeout", paramLabel = "DURATION",
      description = "How long one request may take, e.g. 500ms, 10s, 2m (default 2m); a large streamed transfer may "
          + "take longer but not stall for this long.")
  String requestTimeout;

  /** Environment lookup; a seam for tests. */
  Function<String, String> environment = System::getenv;
  /** Standard input; a seam for tests. */
  InputStream stdin = System.in;

  /** A non-blank environment variable. */
  Optional<String> env(String name) {
    return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
  }

  /**
   * {@code given} ({@code --target}), else {@code OCI_ROOT_URL}, refused unless it is a loopback address or
   * {@code --allow-remote} was given. Checks {@code --request-timeout} too, so a command refuses a bad one with its other
   * options.
   *
   * @param missing the message when neither is given
   * @param remoteRefusal the message when the target is not a loopback address, given the URL
   * @throws IllegalArgumentException with the one line to print
   */
  URI target(String given, String missing, Function<URI, String> remoteRefusal) {
    requestTimeout();
    URI url = Optional.ofNullable(given).or(() -> env("OCI_ROOT_URL")).map(t -> CommandInputs.parseTarget(t)
        .orElseThrow(() -> new IllegalArgumentException("invalid --target '" + t + "': expected a URL such as "
            + "http://127.0.0.1:5000"))).orElseThrow(() -> new IllegalArgumentException(missing));
    if (!allowRemote && !CommandInputs.isLoopback(url)) {
      throw new IllegalArgumentException(remoteRefusal.apply(url));
    }
    return url;
  }

  /**
   * The credentials ({@code --username} with {@code --password-stdin}, or {@code OCI_USERNAME}/{@code OCI_PASSWORD}),
   * if any; refused over plain http to a host that is not loopback unless {@code --insecure}.
   *
   * @throws IllegalArgumentException with the one line to print
   */
  Credentials credentials(URI url) throws IOException {
    Credentials credentials = CommandInputs.credentials(username, passwordStdin, stdin, environment);
    if (credentials != null && !insecure && url.getScheme().equals("http") && !CommandInputs.isLoopback(url)) {
      throw new IllegalArgumentException("refusing to send credentials over plain http to " + url + ", which is not "
          + "a loopback address: use https, or --insecure if you accept that anyone on the way may read them");
    }
    return credentials;
  }

  RegistryClient client(URI url, Credentials credentials) {
    return RegistryClient.builder(url).credentials(credentials).insecure(insecure).requestTimeout(requestTimeout())
        .build();
  }

  /** {@code --request-timeout}, else 2 minutes; @throws IllegalArgumentException with the one line to print */
  Duration requestTimeout() {
    return requestTimeout == null ? RequestTimeout.DEFAULT : RequestTimeout.parse("--request-timeout", requestTimeout);
  }

  /**
   * {@code GET /v2/} (which also answers the registry's challenge): empty when it answered 200, else the line to print,
   * ending with {@code notDoing} (e.g. "not benchmarking").
   */
  static Optional<String> refusal(URI url, RegistryClient registry, Credentials credentials, String notDoing) {
    RegistryResponse base = registry.checkVersion();
    if (base.status() == 200) {
      return Optional.empty();
    }
    return Optional.of("GET " + url + "/v2/ answered " + base.status() + (base.status() == 401
        ? credentials == null ? ": the registry wants credentials (--username and --password-stdin)"
            : ": the registry refused the credentials of " + credentials.username() : "") + "; " + notDoing);
  }
}
