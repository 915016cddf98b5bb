package dev.regconform.junit;

import java.lang.reflect.Method;
import java.util.Optional;

/** Derives a check's full id from its test class and method. */
public final class CheckIds {
  private CheckIds() {}

  /** The full id, e.g. {@code pull.by-tag.manifest-bytes[docker-v2s2]}, or empty for a method with no {@link CheckId}. */
  public static Optional<String> of(Class<?> testClass, Method method) {
    CheckId id = method.getAnnotation(CheckId.class);
    if (id == null) {
      return Optional.empty();
    }
    ForImageFormat format = findFormat(testClass);
    return Optional.of(format == null ? id.value() : id.value() + "[" + format.value().label() + "]");
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
