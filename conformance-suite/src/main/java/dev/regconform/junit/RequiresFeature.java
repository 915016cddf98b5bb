package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** The check (or every check of the class) needs these optional features; it is disabled when one is off. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(FeatureCondition.class)
public @interface RequiresFeature {
  /**
   * The features; the check is disabled when any of them is off, with the reason naming the setting that turned it off.
   *
   * @return the features the check needs
   */
  Feature[] value();
}
