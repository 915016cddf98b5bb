package dev.regconform.junit;

import dev.regconform.client.RegistryClient;
import dev.regconform.client.RequestTimeout;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link Scenario} (one per test class, closed after it) and {@link RegistryTarget} for the registry of the
 * run: the one a {@link RegistryUnderTest} named by {@value RegistryUnderTest#PARAMETER} started (stopped after the run's
 * last check), else the one the configuration parameters {@code regconform.target.*} name. The client is shared by the
 * whole run (root store). (The Allure labels of each check come from {@code dev.regconform.allure.AllureCheckListener}.)
 */
public final class RegistryTargetExtension implements ParameterResolver, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RegistryTargetExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Scenario.class || type == RegistryTarget.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RegistryTarget target = target(context);
    if (parameter.getParameter().getType() == RegistryTarget.class) {
      return target;
    }
    RegistryClient client = client(context);
    Class<?> testClass = context.getRequiredTestClass();
    return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(Scenario.class,
        k -> new Scenario(target, client, testClass, key -> parameter(context, key)), Scenario.class);
  }

  /**
   * A check does not start once the registry stopped answering (it ends broken at once, saying so), even one that
   * drives the registry with another client.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    RegistryClient client = context.getRoot().getStore(NAMESPACE).get(RegistryClient.class, RegistryClient.class);
    if (client != null) { // none yet: no request was made, so none went unanswered
      client.requireAnswering();
    }
  }

  /** The run's client, its requests bounded by {@code regconform.request-timeout}. */
  private static RegistryClient client(ExtensionContext context) {
    RegistryTarget target = target(context);
    Duration timeout = context.getConfigurationParameter(RunOptions.REQUEST_TIMEOUT)
        .map(t -> RequestTimeout.parse("request timeout", t)).orElse(RequestTimeout.DEFAULT);
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(RegistryClient.class, k -> target.newClient(timeout), RegistryClient.class);
  }

  static RegistryTarget target(ExtensionContext context) {
    Optional<String> provider = context.getConfigurationParameter(RegistryUnderTest.PARAMETER);
    if (provider.isPresent()) {
      ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
          .orElseGet(() -> Thread.currentThread().getContextClassLoader());
      return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ProvidedRegistry.class,
          k -> ProvidedRegistry.start(provider.get(), loader), ProvidedRegistry.class).target();
    }
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RegistryTarget.class,
        k -> RegistryTarget.fromConfigurationParameters(context::getConfigurationParameter), RegistryTarget.class);
  }

  /**
   * A configuration parameter of the run as the checks see it: the registry's own setting of that name when it has one
   * ({@link RegistryTarget#parameters()}, e.g. a feature it does not offer), else the run's.
   */
  static Optional<String> parameter(ExtensionContext context, String key) {
    boolean targetKnown = context.getConfigurationParameter(RegistryUnderTest.PARAMETER).isPresent()
        || context.getConfigurationParameter(RegistryTarget.URL).isPresent();
    if (targetKnown) {
      String own = target(context).parameters().get(key);
      if (own != null) {
        return Optional.of(own);
      }
    }
    return context.getConfigurationParameter(key);
  }

  /** The context of the test class, so the scenario lives as long as the class, not one test. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }
}
