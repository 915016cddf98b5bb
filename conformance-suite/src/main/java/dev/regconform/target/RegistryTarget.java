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
  /** Configuration parameter: the registry's base URL; the one setting without which there is nothing to check. */
  public static final String URL = "regconform.target.url";
  /** Configuration parameter: the account to log in as; absent for anonymous access. */
  public static final String USERNAME = "regconform.target.username";
  /** Configuration parameter: the password or token for {@link #USERNAME}; empty when absent. A secret. */
  public static final String PASSWORD = "regconform.target.password";
  /** Configuration parameter: the namespace the checks' repositories go under, used as given; default {@code regconform}. */
  public static final String NAMESPACE = "regconform.target.namespace";
  /** Configuration parameter: {@code true} to accept TLS certificates that cannot be verified; default false. */
  public static final String INSECURE = "regconform.target.insecure";
  /** Configuration parameter: what the registry is, for reports; default its URL. */
  public static final String DESCRIPTION = "regconform.target.description";

  /**
   * A target; {@link #at(String)} and the {@code with…} methods are the shorter way to make one.
   *
   * @param url the registry's base URL; not null
   * @param credentials the account, or null for anonymous access
   * @param namespace the namespace of this run; not null
   * @param insecure whether to accept TLS certificates that cannot be verified
   * @param description what the registry is; null: its URL
   * @param parameters the registry's own configuration parameters; null: none. Copied
   * @throws NullPointerException when {@code url} or {@code namespace} is null
   */
  public RegistryTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(namespace, "namespace");
    description = description == null ? url.toString() : description;
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /**
   * A target without parameters of its own.
   *
   * @param url the registry's base URL; not null
   * @param credentials the account, or null for anonymous access
   * @param namespace the namespace of this run; not null
   * @param insecure whether to accept TLS certificates that cannot be verified
   * @param description what the registry is; null: its URL
   */
  public RegistryTarget(URI url, Credentials credentials, String namespace, boolean insecure, String description) {
    this(url, credentials, namespace, insecure, description, Map.of());
  }

  /**
   * The JUnit configuration parameters that carry these settings to the scenarios: the constants of this class, and
   * {@link #parameters()}. In-process only: they hold the password in clear.
   *
   * @return a new mutable map
   */
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
   * Reads settings from configuration parameters, as {@link #toConfigurationParameters()} writes them (the registry's
   * own {@link #parameters()} are not read back).
   *
   * @param parameters looks a configuration parameter up, e.g. {@code ExtensionContext::getConfigurationParameter}
   * @return the target those parameters name
   * @throws IllegalArgumentException when the URL is not a URI
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
   * <pre>{@code
   * RegistryTarget target = RegistryTarget.at("https://registry.example.com")
   *     .withCredentials("ci", System.getenv("REGISTRY_TOKEN"))
   *     .withNamespace("conformance")
   *     .withParameter(Feature.CATALOG.parameter(), "false");
   * }</pre>
   *
   * @param url the registry's base URL, {@code http://} or {@code https://} with a host; a path is kept
   * @return the target
   * @throws IllegalArgumentException when {@code url} is not an absolute http or https URL
   */
  public static RegistryTarget at(String url) {
    URI uri = URI.create(url);
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("a registry URL is http:// or https:// with a host, was '" + url + "'");
    }
    return new RegistryTarget(uri, null, "regconform", false, null, Map.of());
  }

  /**
   * This target, logging in as {@code username} with {@code password} (or a token): Basic or for Bearer tokens, as the
   * registry's challenge asks.
   *
   * @param username the account name; not null
   * @param password the password or token; not null
   * @return a new target; this one is unchanged
   * @throws NullPointerException when either is null
   */
  public RegistryTarget withCredentials(String username, String password) {
    return new RegistryTarget(url, new Credentials(username, password), namespace, insecure, description, parameters);
  }

  /**
   * This target, working under {@code namespace}: every repository a check uses is under it. A
   * {@link dev.regconform.junit.RegistryUnderTest} run and the {@code regconform} command add
   * {@code /run-<time>-<random>} to it ({@link RunNamespace}), so runs never share a repository.
   *
   * @param namespace a repository name prefix the account may push to, e.g. {@code acme/conformance}; not null
   * @return a new target; this one is unchanged
   */
  public RegistryTarget withNamespace(String namespace) {
    return new RegistryTarget(url, credentials, namespace, insecure, description, parameters);
  }

  /**
   * This target, named {@code description} in reports and baselines.
   *
   * @param description e.g. {@code Acme Registry 3.2}; null: the URL
   * @return a new target; this one is unchanged
   */
  public RegistryTarget withDescription(String description) {
    return new RegistryTarget(url, credentials, namespace, insecure, description, parameters);
  }

  /**
   * This target, accepting TLS certificates that cannot be verified (self-signed) when {@code insecure}.
   *
   * @param insecure true to skip certificate verification
   * @return a new target; this one is unchanged
   */
  public RegistryTarget withInsecure(boolean insecure) {
    return new RegistryTarget(url, credentials, namespace, insecure, description, parameters);
  }

  /**
   * This target with a further configuration parameter the checks read for this registry, e.g. {@code
   * regconform.feature.catalog=false} when it offers no catalog; it wins over the run's parameter of that name.
   *
   * @param key the parameter, e.g. {@code Feature.CATALOG.parameter()}; not null
   * @param value its value; not null
   * @return a new target with the parameter set (replaced when it was set); this one is unchanged
   * @throws NullPointerException when {@code key} or {@code value} is null
   */
  public RegistryTarget withParameter(String key, String value) {
    Map<String, String> more = new HashMap<>(parameters);
    more.put(key, value);
    return new RegistryTarget(url, credentials, namespace, insecure, description, more);
  }

  /**
   * A new client for this registry, with its credentials and TLS setting and the default request timeout (2 minutes).
   *
   * @return a client of its own; nothing is sent yet
   */
  public RegistryClient newClient() {
    return newClient(dev.regconform.client.RequestTimeout.DEFAULT);
  }

  /**
   * A new client for this registry whose requests may each take {@code requestTimeout} ({@code --request-timeout}).
   *
   * @param requestTimeout how long one request may take
   * @return a client of its own; nothing is sent yet
   */
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
