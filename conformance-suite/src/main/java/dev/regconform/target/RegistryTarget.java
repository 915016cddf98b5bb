package dev.regconform.target;

import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry a run checks — an external one given by URL, or a started reference registry: where it
 * is, how to log in, and the namespace this run writes into.
 * Passed to the scenarios as JUnit configuration parameters ({@link #toConfigurationParameters()}), read
 * back with {@link #fromConfigurationParameters(Function)}.
 *
 * @param url the registry's base URL, e.g. {@code http://127.0.0.1:5000}
 * @param credentials or {@code null} for anonymous access
 * @param namespace the repository namespace of this run, e.g. {@code regconform/run-20261126-160000-ab12}
 * @param insecure accept TLS certificates that cannot be verified
 * @param description what the registry is, for reports
 * @param parameters further configuration parameters that belong to this registry, e.g. the auth checks' settings
 *     ({@code regconform.auth.*}) a reference registry knows about itself; may hold secrets, so never printed
 */
public record RegistryTarget(URI url, Credentials credentials, String namespace, boolean insecure, String description,
    Map<String, String> parameters) {
  public static final String URL = "regconform.target.url";
  public static final String USERNAME = "regconform.target.username";
  public static final String PASSWORD = "regconform.target.password";
  public static final String NAMESPACE = "regconform.target.namespace";
  public static final String INSECURE = "regconform.target.insecure";
  public static final String DESCRIPTION = "regconform.target.description";

  public RegistryTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(namespace, "namespace");
    description = description == null ? url.toString() : description;
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A target without parameters of its own. */
  public RegistryTarget(URI url, Credentials credentials, String namespace, boolean insecure, String description) {
    this(url, credentials, namespace, insecure, description, Map.of());
  }

  /** The JUnit configuration parameters that carry these settings to the scenarios (in-process only). */
  public Map<String, String> toConfigurationParameters() {
    Map<String, String> params = new HashMap<>(parameters);
    params.put(URL, url.toString());
    params.put(NAMESPACE, namespace);
    params.put(INSECURE, String.valueOf(insecure));
    params.put(DESCRIPTION, description);
    if (credentials != null) {
      params.put(USERNAME, credentials.username());
      params.put(PASSWORD, credentials.password());
    }
    return params;
  }

  /**
   * Reads settings from configuration parameters.
   *
   * @throws IllegalStateException naming the missing parameter
   */
  public static RegistryTarget fromConfigurationParameters(Function<String, Optional<String>> parameters) {
    String url = parameters.apply(URL).orElseThrow(() -> new IllegalStateException(
        "No registry to check: configuration parameter '" + URL + "' is not set. Run the scenarios with "
            + "'./regconform run --target URL', or pass -D" + URL + "=http://127.0.0.1:5000 to JUnit."));
    String namespace = parameters.apply(NAMESPACE).orElse("regconform");
    Credentials credentials = parameters.apply(USERNAME)
        .map(u -> new Credentials(u, parameters.apply(PASSWORD).orElse(""))).orElse(null);
    boolean insecure = parameters.apply(INSECURE).map(Boolean::parseBoolean).orElse(false);
    return new RegistryTarget(URI.create(url), credentials, namespace, insecure,
        parameters.apply(DESCRIPTION).orElse(null));
  }

  /**
   * A target at {@code url} (e.g. {@code http://127.0.0.1:5000}), anonymous, in namespace {@code regconform}, described
   * by its URL; the {@code with…} methods change one setting each.
   *
   * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL
   */
  public static RegistryTarget at(String url) {
    URI uri = URI.create(url);
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("a registry URL is http:// or https:// with a host, was '" + url + "'");
    }
    return new RegistryTarget(uri, null, "regconform", false, null, Map.of());
  }

  /** This target, logging in as {@code username} with {@code password} (or a token). */
  public RegistryTarget withCredentials(String username, String password) {
    return new RegistryTarget(url, new Credentials(username, password), namespace, insecure, description, parameters);
  }

  /** This target, working under {@code namespace} (a run adds {@code /run-<time>-<random>} to it). */
  public RegistryTarget withNamespace(String namespace) {
    return new RegistryTarget(url, credentials, namespace, insecure, description, parameters);
  }

  /** This target, named {@code description} in reports and baselines. */
  public RegistryTarget withDescription(String description) {
    return new RegistryTarget(url, credentials, namespace, insecure, description, parameters);
  }

  /** This target, accepting TLS certificates that cannot be verified (self-signed) when {@code insecure}. */
  public RegistryTarget withInsecure(boolean insecure) {
    return new RegistryTarget(url, credentials, namespace, insecure, description, parameters);
  }

  /**
   * This target with a further configuration parameter the checks read for this registry, e.g. {@code
   * regconform.feature.catalog=false} when it offers no catalog; it wins over the run's parameter of that name.
   */
  public RegistryTarget withParameter(String key, String value) {
    Map<String, String> more = new HashMap<>(parameters);
    more.put(key, value);
    return new RegistryTarget(url, credentials, namespace, insecure, description, more);
  }

  /** A client for this registry. */
  public RegistryClient newClient() {
    return newClient(dev.regconform.client.RequestTimeout.DEFAULT);
  }

  /** A client for this registry whose requests may each take {@code requestTimeout} ({@code --request-timeout}). */
  public RegistryClient newClient(java.time.Duration requestTimeout) {
    return RegistryClient.builder(url).credentials(credentials).insecure(insecure).requestTimeout(requestTimeout)
        .build();
  }

  @Override
  public String toString() {
    return "RegistryTarget[" + description + ", " + url + ", namespace=" + namespace
        + (credentials == null ? "" : ", " + credentials) + "]";
  }
}
