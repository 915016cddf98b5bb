package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec requirements a check covers, by id (e.g. {@code R6}): see
 * {@code dev/regconform/requirements/distribution-spec.yaml} and the run's {@code requirements.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Covers {
  /**
   * The requirement ids, e.g. {@code {"R6", "R7"}}: ids of the catalog ({@code R1} … {@code R88}).
   *
   * @return the ids the check covers
   */
  String[] value();
}
