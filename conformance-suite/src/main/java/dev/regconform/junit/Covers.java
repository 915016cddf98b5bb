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
  String[] value();
}
