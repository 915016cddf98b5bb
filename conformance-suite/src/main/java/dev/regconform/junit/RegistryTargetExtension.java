package dev.regconform.junit;

import dev.regconform.client.RegistryClient;
import dev.regconform.target.RegistryTarget;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link Scenario} (one per test class, closed after it) and {@link RegistryTarget} for the
 * registry named by the run's configuration parameters. The client is shared by the whole run (root store).
 * (The Allure labels of each check come from {@code dev.regconform.allure.AllureCheckListener}.)
 */
public final class RegistryTargetExtension implements ParameterResolver {
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
    RegistryClient client = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(RegistryClient.class, k -> target.newClient(), RegistryClient.class);
    Class<?> testClass = context.getRequiredTestClass();
    return classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent(Scenario.class, k -> new Scenario(target, client, testClass, context::getConfigurationParameter), Scenario.class);
  }

  private static RegistryTarget target(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RegistryTarget.class,
        k -> RegistryTarget.fromConfigurationParameters(context::getConfigurationParameter), RegistryTarget.class);
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
