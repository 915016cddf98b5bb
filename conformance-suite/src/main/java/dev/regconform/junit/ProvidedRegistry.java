package dev.regconform.junit;

import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunNamespace;
import java.lang.reflect.InvocationTargetException;

/**
 * The registry a {@link RegistryUnderTest} started for one run: its target (in a run namespace of its own), or why it
 * could not start, kept so that every check reports the same cause instead of starting it again. Kept in JUnit's root
 * store, which closes it — and so stops the registry — after the run's last check.
 */
final class ProvidedRegistry implements AutoCloseable {
  private final String className;
  private final RegistryUnderTest registry;
  private final RegistryTarget target;
  private final RuntimeException failure;

  private ProvidedRegistry(String className, RegistryUnderTest registry, RegistryTarget target, RuntimeException failure) {
    this.className = className;
    this.registry = registry;
    this.target = target;
    this.failure = failure;
  }

  /** Makes the {@link RegistryUnderTest} named {@code className} and starts it; a failure is kept, not thrown. */
  static ProvidedRegistry start(String className, ClassLoader loader) {
    RegistryUnderTest registry;
    try {
      Class<?> type = Class.forName(className, true, loader);
      if (!RegistryUnderTest.class.isAssignableFrom(type)) {
        return failed(className, new IllegalStateException(RegistryUnderTest.PARAMETER + "=" + className + ": "
            + "the class does not implement " + RegistryUnderTest.class.getName()));
      }
      registry = (RegistryUnderTest) type.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      return failed(className, new IllegalStateException(RegistryUnderTest.PARAMETER + "=" + className
          + ": no such class on the test class path", e));
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      return failed(className, new IllegalStateException(RegistryUnderTest.PARAMETER + "=" + className
          + ": cannot make one (it needs a public constructor without arguments): " + cause, cause));
    }
    try {
      RegistryTarget started = registry.start();
      if (started == null) {
        return new ProvidedRegistry(className, registry, null,
            new IllegalStateException(className + ".start() returned no target")); // started: stopped after the run
      }
      return new ProvidedRegistry(className, registry, started.withNamespace(RunNamespace.under(started.namespace())),
          null);
    } catch (Exception | AssertionError | LinkageError e) {
      // Also an assertion in start(), or a class its server needs and the test class path lacks: nothing to stop.
      return failed(className,
          new IllegalStateException("The registry under test did not start: " + className + ".start() threw " + e, e));
    }
  }

  private static ProvidedRegistry failed(String className, RuntimeException failure) {
    return new ProvidedRegistry(className, null, null, failure);
  }

  /**
   * The started registry, under the run's namespace.
   *
   * @throws IllegalStateException saying why it did not start
   */
  RegistryTarget target() {
    if (failure != null) {
      throw failure;
    }
    return target;
  }

  /** Stops the registry when it started; a failure to stop is the run's failure. */
  @Override
  public void close() throws Exception {
    if (registry != null) {
      registry.stop();
    }
  }

  @Override
  public String toString() {
    return "ProvidedRegistry[" + className + (failure == null ? ", " + target : ", failed: " + failure.getMessage()) + "]";
  }
}
