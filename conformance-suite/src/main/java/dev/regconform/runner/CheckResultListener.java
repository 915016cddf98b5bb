package dev.regconform.runner;

import dev.regconform.client.Redaction;
import dev.regconform.junit.CheckIds;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit's execution events into one {@link CheckResult} per check. A check whose class setup failed
 * never starts; it is reported failed with the setup's error, so no check silently disappears. Problems
 * outside any check (e.g. cleanup after a class) are collected as warnings.
 */
final class CheckResultListener implements TestExecutionListener {
  private static final Set<String> NON_WORKFLOW_TAGS = Set.of("conformance");

  private final Consumer<CheckResult> onResult;
  private final List<CheckResult> results = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private TestPlan plan;

  CheckResultListener(Consumer<CheckResult> onResult) {
    this.onResult = onResult;
  }

  List<CheckResult> results() {
    return List.copyOf(results);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      report(id, Outcome.SKIPPED, reason, "", Duration.ZERO);
    } else {
      plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
          .forEach(t -> report(t, Outcome.SKIPPED, reason, "", Duration.ZERO));
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Long start = started.get(id.getUniqueId());
    Duration duration = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
    Throwable error = result.getThrowable().orElse(null);
    if (id.isTest()) {
      switch (result.getStatus()) {
        case SUCCESSFUL -> report(id, Outcome.PASSED, "", "", duration);
        case ABORTED -> report(id, Outcome.SKIPPED, message(error), "", duration);
        case FAILED -> report(id, Outcome.FAILED, failureMessage(error), stackTrace(error), duration);
      }
      return;
    }
    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
      return;
    }
    List<TestIdentifier> unreported = plan.getDescendants(id).stream()
        .filter(TestIdentifier::isTest).filter(t -> !reported.contains(t.getUniqueId())).toList();
    if (unreported.isEmpty()) {
      warnings.add(id.getDisplayName() + ": " + message(error));
      return;
    }
    Outcome outcome = result.getStatus() == TestExecutionResult.Status.ABORTED ? Outcome.SKIPPED : Outcome.FAILED;
    for (TestIdentifier t : unreported) {
      report(t, outcome, "Setup of '" + id.getDisplayName() + "' failed, so this check could not run: "
          + failureMessage(error), stackTrace(error), Duration.ZERO);
    }
  }

  private synchronized void report(TestIdentifier id, Outcome outcome, String message, String details, Duration d) {
    if (!reported.add(id.getUniqueId())) {
      return;
    }
    CheckResult result = new CheckResult(checkId(id), displayName(id), workflow(id), outcome,
        Redaction.text(message), Redaction.text(details), d);
    results.add(result);
    onResult.accept(result);
  }

  private static String checkId(TestIdentifier id) {
    return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .flatMap(m -> CheckIds.of(m.getJavaClass(), m.getJavaMethod())).orElse(id.getLegacyReportingName());
  }

  private String displayName(TestIdentifier id) {
    Optional<TestIdentifier> parent = plan.getParent(id);
    String prefix = parent.filter(p -> p.getSource().isPresent() && p.isContainer())
        .map(p -> p.getDisplayName() + ": ").orElse("");
    return prefix + id.getDisplayName();
  }

  private static String workflow(TestIdentifier id) {
    return id.getTags().stream().map(TestTag::getName).filter(t -> !NON_WORKFLOW_TAGS.contains(t))
        .sorted().collect(Collectors.joining(","));
  }

  private static String message(Throwable error) {
    return error == null ? "" : String.valueOf(error.getMessage()).strip();
  }

  private static String failureMessage(Throwable error) {
    if (error == null) {
      return "";
    }
    if (error instanceof AssertionError) {
      return message(error);
    }
    return "Error: " + error.getClass().getName() + ": " + message(error);
  }

  private static String stackTrace(Throwable error) {
    if (error == null || error instanceof AssertionError) {
      return "";
    }
    StringWriter sw = new StringWriter();
    error.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }
}
