package dev.regconform.cli;

import dev.regconform.client.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** What every command reads the same way: a target URL, and credentials from options, stdin and OCI_* variables. */
final class CommandInputs {
  private CommandInputs() {}

  /** An {@code http} or {@code https} URL with a host and no path (a trailing slash is dropped), or empty. */
  static Optional<URI> parseTarget(String text) {
    try {
      URI uri = new URI(text.replaceAll("/+$", ""));
      boolean ok = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && (uri.getPath() == null || uri.getPath().isEmpty());
      return ok ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code url} names this machine: {@code localhost}, 127.0.0.0/8 or ::1 (no name is resolved). */
  static boolean isLoopback(URI url) {
    String host = url.getHost().replaceAll("^\\[|\\]$", "").toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
  }

  /**
   * The user from {@code --username} (else {@code OCI_USERNAME}) and the password from standard input with
   * {@code --password-stdin} (else {@code OCI_PASSWORD}); null when neither is given.
   *
   * @throws IllegalArgumentException when only one of them is given, or standard input is empty
   */
  static Credentials credentials(String username, boolean passwordStdin, InputStream stdin,
      Function<String, String> environment) throws IOException {
    String user = Optional.ofNullable(username).or(() -> env(environment, "OCI_USERNAME")).orElse(null);
    String password = passwordStdin ? readPassword(stdin) : env(environment, "OCI_PASSWORD").orElse(null);
    if (password != null && user == null) {
      throw new IllegalArgumentException("a password was given but no user: add --username USER (or OCI_USERNAME)");
    }
    if (user != null && password == null) {
      throw new IllegalArgumentException("--username given without a password: pipe it to --password-stdin (or set "
          + "OCI_PASSWORD)");
    }
    return user == null ? null : new Credentials(user, password);
  }

  private static String readPassword(InputStream stdin) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    stdin.transferTo(buffer);
    String password = buffer.toString(StandardCharsets.UTF_8).replaceAll("[\\r\\n]+$", "");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("--password-stdin: standard input was empty");
    }
    return password;
  }

  private static Optional<String> env(Function<String, String> environment, String name) {
    return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
  }
}
