package dev.regconform.junit;

import dev.regconform.target.RegistryTarget;

/**
 * The registry a project's own build checks with regconform's scenarios, and, when the project's test code owns it,
 * how to start and stop it. Name the implementing class (public, with a public no-argument constructor) in the
 * configuration parameter {@value #PARAMETER}, e.g. on a {@link RegistryConformanceSuite}:
 *
 * <pre>{@code
 * public final class MyRegistry implements RegistryUnderTest {
 *   private MyServer server;
 *
 *   @Override
 *   public RegistryTarget start() throws Exception {
 *     server = MyServer.startOnFreePort();
 *     return RegistryTarget.at("http://127.0.0.1:" + server.port()).withDescription("my registry (build)");
 *   }
 *
 *   @Override
 *   public void stop() {
 *     server.close();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #start()} is called once per run, before the first check that needs the registry; {@link #stop()} once
 * after the last check, whether the checks passed or not (not when {@code start} threw). The run works in a namespace of
 * its own under the target's namespace ({@code NAMESPACE/run-<time>-<random>}) and deletes what it pushed where the
 * registry allows it. A registry that is already running needs no implementation: set {@code regconform.target.url}
 * (and {@code regconform.target.username} / {@code .password}) instead.
 */
public interface RegistryUnderTest {
  /** Configuration parameter naming the implementing class, e.g. {@code com.example.MyRegistry}. */
  String PARAMETER = "regconform.registry";

  /**
   * Starts the registry when the test code owns it, and says where it answers.
   *
   * @return its URL on this machine, the credentials to use (none for anonymous access), a base namespace, a description
   *     for reports; see {@link RegistryTarget#at(String)}
   * @throws Exception when it cannot start: every check of the run then fails, naming this exception
   */
  RegistryTarget start() throws Exception;

  /**
   * Stops what {@link #start()} started. The default does nothing, for a registry the test code does not own.
   *
   * @throws Exception reported as a failure of the run, after every check ran
   */
  default void stop() throws Exception {}
}
