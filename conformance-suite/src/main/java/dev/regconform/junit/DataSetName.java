package dev.regconform.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The data set a scenario class runs shared checks over. Its value replaces {@value CheckIds#DATA_SET} in the
 * {@link CheckId} of every check the class runs, inherited ones included, so one lifecycle written once gives each
 * data set ids of its own:
 *
 * <pre>{@code
 * abstract class DataSetLifecycle {
 *   @Test @CheckId("manifests.data.{data-set}.head") void every_manifest_answers_HEAD() { … }
 * }
 * @DataSetName("nested-index")
 * class NestedIndexScenarios extends DataSetLifecycle { … }   // runs manifests.data.nested-index.head
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DataSetName {
  /**
   * The data set's name.
   *
   * @return lower case words joined by dashes, e.g. {@code index-with-subject}
   */
  String value();
}
