package dev.regconform.junit;

import org.opentest4j.TestAbortedException;

/**
 * A SHOULD or MAY the registry does not meet, in a run that reports warnings as skipped tests ({@code
 * regconform.warnings=skip}, the default of {@link RegistryConformanceSuite}): JUnit has no "warning", and a
 * recommendation must not fail a project's build unless it asks for that.
 */
public class RecommendationSkippedException extends TestAbortedException {
  /**
   * A warning reported as a skipped test.
   *
   * @param warning the recommendation not met; the skip reason is {@code warning: } and its message
   */
  public RecommendationSkippedException(RecommendationNotMetError warning) {
    super("warning: " + warning.getMessage(), warning);
  }
}
