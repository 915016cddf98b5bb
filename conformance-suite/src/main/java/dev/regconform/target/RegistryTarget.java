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
