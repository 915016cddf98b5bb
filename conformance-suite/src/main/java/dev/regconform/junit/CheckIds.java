package dev.regconform.junit;

import java.lang.reflect.Method;
import java.util.Optional;

/** Derives a check's full id from its test class and method. */
public final class CheckIds {
  /** The placeholder a {@link DataSetName} fills in a {@link CheckId}. */
  public static final String DATA_SET = "{data-set}";

  private CheckIds() {}

  /**
   * The full id, e.g. {@code pull.by-tag.manifest-bytes[docker-v2s2]} or {@code manifests.data.nested-index.head}, or
   * empty for a method with no {@link CheckId}.
   *
   * @param testClass the class the check runs in, which may inherit {@code method}; its {@link DataSetName} and the
   *     {@link ForImageFormat} of it or a class enclosing it complete the id
   * @param method the check method
   * @return the full id; empty when {@code method} has no {@link CheckId}
   * @throws IllegalStateException when the id names a data set and {@code testClass} has no {@link DataSetName}
   */
  public static Optional<String> of(Class<?> testClass, Method method) {
    CheckId id = method.getAnnotation(CheckId.class);
    if (id == null) {
      return Optional.empty();
    }
    String value = id.value();
    if (value.contains(DATA_SET)) {
      DataSetName dataSet = testClass.getAnnotation(DataSetName.class);
      if (dataSet == null) {
        throw new IllegalStateException(testClass.getName() + " runs " + value + " but has no @DataSetName");
      }
      value = value.replace(DATA_SET, dataSet.value());
    }
    ForImageFormat format = findFormat(testClass);
    return Optional.of(format == null ? value : value + "[" + format.value().label() + "]");
  }

  private static ForImageFormat findFormat(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      ForImageFormat f = c.getAnnotation(ForImageFormat.class);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
