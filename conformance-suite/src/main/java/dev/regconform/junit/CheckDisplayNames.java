package dev.regconform.junit;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a check in another project's JUnit reports by the behaviour it checks and its id, e.g. {@code a manifest pushed
 * by tag answers 201 with the digest of the exact bytes sent (push.manifest.by-tag[oci])}: the id is what baselines,
 * {@code regconform run --check} and the toolkit's own reports use. The default display-name generator of
 * {@link RegistryConformanceSuite}.
 */
public final class CheckDisplayNames extends DisplayNameGenerator.ReplaceUnderscores {
  @Override
  public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method method) {
    String behaviour = super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, method);
    return CheckIds.of(testClass, method).map(id -> behaviour + " (" + id + ")").orElse(behaviour);
  }
}
