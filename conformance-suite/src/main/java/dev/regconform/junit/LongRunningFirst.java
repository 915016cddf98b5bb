package dev.regconform.junit;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order scenario classes start in: {@link LongRunning} ones first, then by display name. Reports do not follow it:
 * they list checks by class display name whatever the order they ran in.
 */
public final class LongRunningFirst implements ClassOrderer {
  private static final Comparator<ClassDescriptor> ORDER = Comparator
      .comparing((ClassDescriptor c) -> !c.isAnnotated(LongRunning.class))
      .thenComparing(ClassDescriptor::getDisplayName);

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(ORDER);
  }
}
