package dev.regconform.junit;

import dev.regconform.assertions.UnacceptableResponseError;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.baseline.BaselineEntry;
import dev.regconform.target.RegistryTarget;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.opentest4j.TestAbortedException;

/**
 * What a check that did not pass ends as. The assertion failure of a SHOULD or MAY check ({@link CheckId#level()}) is a
 * warning ({@link RecommendationNotMetError}) — except an {@link UnacceptableResponseError} (401, 403 or 5xx), which
 * fails the check whatever its level. With {@value #WARNINGS}{@code =skip} a warning is a skipped test
 * ({@link RecommendationSkippedException}); a failure the {@code regconform.baseline} file lists is a skipped test too
 * ({@link KnownDeviationException}), and so is a scenario class whose setup failed when the baseline lists every check
 * of the class. {@code regconform run} sets neither: it reads warnings from the failures and applies its baseline to
 * the whole run.
 */
public final class CheckLevelExtension implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
  /** Configuration parameter: {@code fail} (default) reports a warning as a failure, {@code skip} as a skipped test. */
  static final String WARNINGS = "regconform.warnings";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CheckLevelExtension.class);

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    CheckId level = context.getRequiredTestMethod().getAnnotation(CheckId.class);
    Throwable found = throwable;
    if (level != null && level.level() != Level.MUST && throwable instanceof AssertionError assertion
        && !(throwable instanceof RecommendationNotMetError) && !(throwable instanceof UnacceptableResponseError)) {
      found = new RecommendationNotMetError(level.level(), assertion);
    }
    if (found instanceof TestAbortedException) {
      throw found;
    }
    boolean skipWarnings = context.getConfigurationParameter(WARNINGS).map(w -> switch (w) {
      case "skip" -> true;
      case "fail" -> false;
      default -> throw new IllegalArgumentException(WARNINGS + " is 'fail' or 'skip', was '" + w + "'");
    }).orElse(false);
    boolean warning = found instanceof RecommendationNotMetError;
    Optional<String> id = CheckIds.of(context.getRequiredTestClass(), context.getRequiredTestMethod());
    if (id.isPresent() && baselineConfigured(context) && !(warning && skipWarnings)) {
      KnownDeviations deviations = deviations(context);
      RegistryTarget target = RegistryTargetExtension.target(context);
      Outcome outcome = warning ? Outcome.WARNING : found instanceof AssertionError ? Outcome.FAILED : Outcome.BROKEN;
      deviations.record(target, id.get(), outcome, String.valueOf(found.getMessage()));
      Optional<BaselineEntry> known;
      try {
        known = deviations.find(target, id.get());
      } catch (IllegalStateException wrongBaseline) {
        wrongBaseline.addSuppressed(found); // what the check found stays in the report
        throw wrongBaseline;
      }
      if (known.isPresent()) {
        throw new KnownDeviationException("known deviation (" + KnownDeviations.BASELINE + "): " + known.get().reason()
            + "\nfound this time: " + found.getMessage(), found);
      }
    }
    if (warning && skipWarnings) {
      throw new RecommendationSkippedException((RecommendationNotMetError) found);
    }
    throw found;
  }

  /**
   * A class's setup failed, so none of its checks can run: each is broken (as {@code regconform run} reports them), and
   * the class is skipped as a known deviation when the baseline lists every one of its checks.
   */
  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    if (throwable instanceof TestAbortedException || !baselineConfigured(context)) {
      throw throwable;
    }
    Class<?> testClass = context.getRequiredTestClass();
    List<String> ids = AnnotationSupport.findAnnotatedMethods(testClass, CheckId.class, HierarchyTraversalMode.TOP_DOWN)
        .stream().map((Method m) -> CheckIds.of(testClass, m)).flatMap(Optional::stream).toList();
    KnownDeviations deviations = deviations(context);
    RegistryTarget target = RegistryTargetExtension.target(context);
    String message = "Setup of '" + context.getDisplayName() + "' failed, so this check could not run: "
        + throwable.getMessage();
    ids.forEach(id -> deviations.record(target, id, Outcome.BROKEN, message));
    if (!ids.isEmpty() && ids.stream().allMatch(id -> deviations.find(target, id).isPresent())) {
      throw new KnownDeviationException("known deviation (" + KnownDeviations.BASELINE + " lists every check of this "
          + "class): " + message, throwable);
    }
    throw throwable;
  }

  private static boolean baselineConfigured(ExtensionContext context) {
    return context.getConfigurationParameter(KnownDeviations.BASELINE).isPresent()
        || context.getConfigurationParameter(KnownDeviations.WRITE_BASELINE).isPresent();
  }

  private static KnownDeviations deviations(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(KnownDeviations.class,
        k -> KnownDeviations.of(context.getConfigurationParameter(KnownDeviations.BASELINE),
            context.getConfigurationParameter(KnownDeviations.WRITE_BASELINE)), KnownDeviations.class);
  }
}
