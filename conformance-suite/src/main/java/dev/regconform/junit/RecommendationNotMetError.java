package dev.regconform.junit;

/**
 * A check of a SHOULD or MAY requirement found the registry not doing it: reported as a warning, not a
 * failure. Carries the original assertion's message.
 */
public class RecommendationNotMetError extends AssertionError {
  /**
   * A failed SHOULD or MAY check.
   *
   * @param level the check's level, shown first in the message, e.g. {@code (SHOULD) …}
   * @param cause the assertion that failed; its message follows the level
   */
  public RecommendationNotMetError(Level level, AssertionError cause) {
    super("(" + level + ") " + cause.getMessage(), cause);
  }
}
