package dev.regconform.target;

import dev.regconform.client.RequestTimeout;
import dev.regconform.junit.Feature;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a run checks, whatever the registry: the spec version it holds the registry to, and the optional
 * features turned off (each with where the switch came from, for the disabled reason).
 *
 * @param specVersion {@code 1.0}, {@code 1.1} or {@code dev} (the spec's main branch, as the official suite's
 *     {@code OCI_VERSION=dev}): 1.0 turns off the referrers API and automatic mount, which that version does not
 *     define; dev holds the registry to what only the main branch defines (manifest PUT with {@code ?tag=},
 *     end-7b) at the level it has there, where 1.0 and 1.1 report those findings as warnings
 * @param disabled features turned off, with the setting that turned each off, e.g. {@code --disable catalog}
 * @param parameters further configuration parameters for the scenarios, e.g. the workflow switches
 *     ({@code regconform.workflow.<tag>}) and the official suite's settings the command line maps
 *     ({@code regconform.crossmount.namespace}, {@code regconform.automatic-mount.expect}, …)
 */
public record RunOptions(String specVersion, Map<Feature, String> disabled, Map<String, String> parameters) {
  /** Configuration parameter: the spec version the run holds the registry to, one of {@link #SPEC_VERSIONS}. */
  public static final String SPEC = "regconform.spec";
  /** The spec version of the distribution-spec's main branch, ahead of any release. */
  public static final String DEV = "dev";
  /** The spec versions a run can hold a registry to: {@code 1.0}, {@code 1.1} and {@link #DEV}. */
  public static final Set<String> SPEC_VERSIONS = Set.of("1.0", "1.1", DEV);
  /** How many scenario classes run at once against one registry ({@link #threads()}). */
  public static final String THREADS = "regconform.threads";
  /** Measured on a 2-CPU machine against a local Distribution: bench/RESULTS.md. */
  public static final int DEFAULT_THREADS = 8;
  /** How long one request to the registry may take ({@link #requestTimeout()}), e.g. {@code 10s}. */
  public static final String REQUEST_TIMEOUT = "regconform.request-timeout";
  /**
   * The least time one check may take before JUnit ends it as timed out ({@link #checkTimeout()}): the large-blob check
   * takes 10 s with a local registry (300 MiB each way) and minutes over a slow line.
   */
  public static final Duration MIN_CHECK_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Options, checked.
   *
   * @param specVersion one of {@link #SPEC_VERSIONS}
   * @param disabled features turned off, each with its source; not null, may be empty. Copied; with {@code 1.0},
   *     {@link Feature#REFERRERS} and {@link Feature#AUTOMATIC_MOUNT} are added (source {@code --spec 1.0}) unless
   *     given
   * @param parameters further configuration parameters; null: none. Copied
   * @throws IllegalArgumentException for an unknown spec version, a {@link #THREADS} that is not 1 to 999, or a
   *     {@link #REQUEST_TIMEOUT} that {@link RequestTimeout#parse} refuses
   */
  public RunOptions {
    if (!SPEC_VERSIONS.contains(specVersion)) {
      throw new IllegalArgumentException("Unknown spec version '" + specVersion + "'; known: 1.0, 1.1, dev");
    }
    Map<Feature, String> copy = new EnumMap<>(Feature.class);
    copy.putAll(disabled);
    if (specVersion.equals("1.0")) {
      copy.putIfAbsent(Feature.REFERRERS, "--spec 1.0");
      copy.putIfAbsent(Feature.AUTOMATIC_MOUNT, "--spec 1.0");
    }
    disabled = Collections.unmodifiableMap(copy);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    String threads = parameters.get(THREADS);
    if (threads != null && !threads.matches("[1-9][0-9]{0,2}")) {
      throw new IllegalArgumentException("threads must be a number from 1 to 999, was '" + threads + "'");
    }
    if (parameters.containsKey(REQUEST_TIMEOUT)) {
      RequestTimeout.parse("request timeout", parameters.get(REQUEST_TIMEOUT));
    }
  }

  /**
   * How long one request to the registry may take.
   *
   * @return {@link #REQUEST_TIMEOUT} of the parameters; {@link RequestTimeout#DEFAULT} (2 minutes) when not given
   */
  public Duration requestTimeout() {
    String given = parameters.get(REQUEST_TIMEOUT);
    return given == null ? RequestTimeout.DEFAULT : RequestTimeout.parse("request timeout", given);
  }

  /**
   * The last resort against a check that hangs whatever the request timeout bounds (a client process, a loop): JUnit
   * ends a check (or a class's setup or cleanup) that takes longer, reported broken as timed out. Five request timeouts,
   * at least {@link #MIN_CHECK_TIMEOUT}.
   *
   * @return five times {@link #requestTimeout()}, at least 10 minutes
   */
  public Duration checkTimeout() {
    Duration five = requestTimeout().multipliedBy(5);
    return five.compareTo(MIN_CHECK_TIMEOUT) > 0 ? five : MIN_CHECK_TIMEOUT;
  }

  /**
   * How many scenario classes run at once against one registry: each class owns its repositories, so they are
   * independent; the checks of one class run one after another, in order. 1 runs the classes one after another.
   *
   * @return {@link #THREADS} of the parameters; {@value #DEFAULT_THREADS} when not given
   */
  public int threads() {
    return Integer.parseInt(parameters.getOrDefault(THREADS, String.valueOf(DEFAULT_THREADS)));
  }

  /**
   * Options without further parameters.
   *
   * @param specVersion one of {@link #SPEC_VERSIONS}
   * @param disabled features turned off, each with the setting that turned it off; not null
   * @throws IllegalArgumentException for an unknown spec version
   */
  public RunOptions(String specVersion, Map<Feature, String> disabled) {
    this(specVersion, disabled, Map.of());
  }

  /**
   * The options of a run that says nothing: spec 1.1, every feature on, no further parameters.
   *
   * @return the defaults
   */
  public static RunOptions defaults() {
    return new RunOptions("1.1", Map.of());
  }

  /**
   * The JUnit configuration parameters that carry these options to the scenarios: {@link #parameters()}, {@link #SPEC},
   * and for each disabled feature its {@link Feature#parameter()} set to {@code false} and its
   * {@link Feature#sourceParameter()}.
   *
   * @return a new mutable map
   */
  public Map<String, String> toConfigurationParameters() {
    Map<String, String> params = new HashMap<>(parameters);
    params.put(SPEC, specVersion);
    disabled.forEach((feature, source) -> {
      params.put(feature.parameter(), "false");
      params.put(feature.sourceParameter(), source);
    });
    return params;
  }
}
