package dev.regconform.junit;

import dev.regconform.assertions.UnacceptableResponseError;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Turns the assertion failure of a SHOULD or MAY check ({@link CheckId#level()}) into a warning — except an
 * {@link UnacceptableResponseError} (401, 403 or 5xx), which fails the check whatever its level.
 */
public final class CheckLevelExtension implements TestExecutionExceptionHandler {
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    CheckId id = context.getRequiredTestMethod().getAnnotation(CheckId.class);
    if (id != null && id.level() != Level.MUST && throwable instanceof AssertionError assertion
        && !(throwable instanceof RecommendationNotMetError) && !(throwable instanceof UnacceptableResponseError)) {
      throw new RecommendationNotMetError(id.level(), assertion);
    }
    throw throwable;
  }
}
