package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable id of a check, e.g. {@code pull.by-digest.manifest-bytes}. Outside tools script against ids,
 * so an id never changes once released. In a class annotated with {@link ForImageFormat}, the full id
 * gets the format appended: {@code pull.by-digest.manifest-bytes[oci]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CheckId {
  /**
   * The id: lower case words joined by dashes, in dot-separated parts from the workflow down, e.g.
   * {@code pull.by-digest.manifest-bytes}; {@value CheckIds#DATA_SET} is replaced by the class's {@link DataSetName}.
   * Unique within a run.
   *
   * @return the id, without the image format
   */
  String value();

  /**
   * The level of the requirement the check enforces. A failed {@link Level#SHOULD} or {@link Level#MAY}
   * check is reported as a warning, not a failure.
   *
   * @return the level; {@link Level#MUST} when not given
   */
  Level level() default Level.MUST;
}
