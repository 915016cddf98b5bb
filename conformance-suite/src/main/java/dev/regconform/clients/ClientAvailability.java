package dev.regconform.clients;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Whether an external client can run here, and against which registries: each answer is a reason it cannot, empty
 * when it can. Asked once per JVM and remembered.
 */
public final class ClientAvailability {
  private static final Map<String, Optional<String>> KNOWN = new ConcurrentHashMap<>();

  private ClientAvailability() {}

  /** The docker CLI and an engine it reaches ({@code docker version} shows a server). */
  public static Optional<String> dockerUnavailable() {
    return KNOWN.computeIfAbsent("docker", k -> probe("docker client or engine not available",
        "docker", "version", "--format", "{{.Server.Version}}"));
  }

  /** skopeo on the PATH. */
  public static Optional<String> skopeoUnavailable() {
    return KNOWN.computeIfAbsent("skopeo", k -> probe("skopeo not available", "skopeo", "--version"));
  }

  /**
   * Why the clients may not talk to this registry: they run only against plain-HTTP registries on a loopback
   * address, which docker treats as insecure by default (127.0.0.0/8) and skopeo and Jib reach with TLS checks off.
   *
   * @param url the registry's base URL
   * @return the reason, empty for e.g. {@code http://127.0.0.1:5000}
   */
  public static Optional<String> registryUnsuitable(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("::1");
    if (!"http".equalsIgnoreCase(url.getScheme()) || !loopback) {
      return Optional.of("the client checks run only against plain-HTTP registries on 127.0.0.1 (target " + url
          + "), so no client configuration outside their temp directory is needed");
    }
    return Optional.empty();
  }

  /** {@code 127.0.0.1:5000}: how clients name the registry; {@code localhost} becomes 127.0.0.1. */
  public static String hostPort(URI url) {
    String host = url.getHost().equalsIgnoreCase("localhost") ? "127.0.0.1" : url.getHost();
    int port = url.getPort() == -1 ? 80 : url.getPort();
    return host + ":" + port;
  }

  private static Optional<String> probe(String what, String... command) {
    try (ClientHome home = ClientHome.create()) {
      ClientRun run = home.run(Duration.ofSeconds(30), command);
      return run.succeeded() ? Optional.empty() : Optional.of(what + ": " + run.describe());
    }
  }
}
