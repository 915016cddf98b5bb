package dev.regconform.junit;

import dev.regconform.model.ImageFormat;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The image format a scenario class runs its checks with; its label becomes part of each check id. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForImageFormat {
  /**
   * The format; its label (e.g. {@code oci}, {@code docker-v2s2}) ends each check id in brackets and the class's
   * repository name.
   *
   * @return the image format
   */
  ImageFormat value();
}
