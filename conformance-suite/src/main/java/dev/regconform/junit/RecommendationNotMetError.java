package dev.regconform.junit;

/**
 * A check of a SHOULD or MAY requirement found the registry not doing it: reported as a warning, not a
 * failure. Carries the original assertion's message.
 */
public class RecommendationNotMetError extends AssertionError {
  public RecommendationNotMetError(Level level, AssertionError cause) {
    super("(" + level + ") " + cause.getMessage(), cause);
  }
}
