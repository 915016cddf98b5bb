package dev.regconform.runner;

import dev.regconform.client.Redaction;
import dev.regconform.client.RegistryOperationException;
import dev.regconform.client.RegistryStoppedAnsweringException;
import dev.regconform.client.RegistryUnreachableException;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.CheckIds;
import dev.regconform.junit.Covers;
import dev.regconform.junit.FeatureUnsupportedException;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.TestAbortedException;

/**
 * Turns JUnit's execution events into one {@link CheckResult} per check. A check whose class setup failed
 * never starts; it is reported failed with the setup's error, so no check silently disappears. Problems
 * outside any check (e.g. cleanup after a class) are collected as warnings.
 *
 * <p>Scenario classes may run concurrently ({@link dev.regconform.target.RunOptions#threads()}): the listener is called
 * from several threads; it hands on a class's verdicts together, in the class's order, when the class finishes (so a
 * console shows each class's lines as one block), and {@link #results()} lists every verdict by its top-level class's
 * display name, then in the test plan's order, whatever order the classes started or finished in.
 */
final class CheckResultListener implements TestExecutionListener {
  private static final Set<String> NON_WORKFLOW_TAGS = Set.of("conformance");

  private final Consumer<CheckResult> onResult;
  private final List<CheckResult> results = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  /** Verdicts of a top-level class not yet handed on, by the class's unique id. */
  private final Map<String, List<CheckResult>> pending = new LinkedHashMap<>();
  /** Each check's position in the test plan, by unique id. */
  private final Map<String, Integer> planOrder = new HashMap<>();
  /** Where each result goes in {@link #results()}. */
  private final Map<CheckResult, Place> places = new IdentityHashMap<>();

  /** A result's place: its top-level class's display name, then its position in the test plan. */
  private record Place(String topLevelName, int planPosition) {
    static final Comparator<Place> ORDER = Comparator.comparing(Place::topLevelName)
        .thenComparingInt(Place::planPosition);
  }
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, String>> facts = new ConcurrentHashMap<>();
  private TestPlan plan;

  CheckResultListener(Consumer<CheckResult> onResult) {
    this.onResult = onResult;
  }

  synchronized List<CheckResult> results() {
    return results.stream().sorted(Comparator.comparing(places::get, Place.ORDER)).toList();
  }

  synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    Deque<TestIdentifier> toVisit = new ArrayDeque<>(testPlan.getRoots());
    List<TestIdentifier> inOrder = new ArrayList<>();
    // Depth first, children in the plan's order: the order the checks run in when classes run one after another.
    while (!toVisit.isEmpty()) {
      TestIdentifier next = toVisit.pollFirst();
      inOrder.add(next);
      List<TestIdentifier> children = new ArrayList<>(testPlan.getChildren(next));
      Collections.reverse(children);
      children.forEach(toVisit::addFirst);
    }
    for (int i = 0; i < inOrder.size(); i++) {
      planOrder.put(inOrder.get(i).getUniqueId(), i);
    }
  }

  /** Hands on whatever a class that never finished left (there should be none). */
  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<CheckResult> left;
    synchronized (this) {
      left = pending.values().stream().flatMap(List::stream).toList();
      pending.clear();
    }
    left.forEach(onResult);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
  }

  /** What a check recorded with JUnit's {@code TestReporter} becomes its {@link CheckResult#facts()}, redacted. */
  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    Map<String, String> recorded = facts.computeIfAbsent(id.getUniqueId(), k -> new LinkedHashMap<>());
    synchronized (recorded) {
      entry.getKeyValuePairs().forEach((key, value) -> recorded.put(key, Redaction.text(value)));
    }
  }

  /** JUnit skips a test only when a condition disables it: here, configuration turning a feature off. */
  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      report(id, Outcome.DISABLED, reason, "", Duration.ZERO);
    } else {
      plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
          .forEach(t -> report(t, Outcome.DISABLED, reason, "", Duration.ZERO));
    }
    handOnIfTopLevel(id);
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    record(id, result);
    handOnIfTopLevel(id);
  }

  private void record(TestIdentifier id, TestExecutionResult result) {
    Long start = started.get(id.getUniqueId());
    Duration duration = start == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
    Throwable error = result.getThrowable().orElse(null);
    if (id.isTest()) {
      report(id, outcome(result), failureMessage(error), stackTrace(error), duration);
      return;
    }
    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
      return;
    }
    List<TestIdentifier> unreported = plan.getDescendants(id).stream()
        .filter(TestIdentifier::isTest).filter(t -> !reported.contains(t.getUniqueId())).toList();
    if (unreported.isEmpty()) {
      synchronized (this) {
        // A registry that stopped answering fails every class's cleanup the same way (JUnit may wrap it): said once.
        Optional<Throwable> stopped = stoppedAnswering(error);
        if (stopped.isEmpty()) {
          warnings.add(id.getDisplayName() + ": " + message(error));
        } else if (warnings.stream().noneMatch(w -> w.endsWith(": " + message(stopped.get())))) {
          warnings.add("cleanup not done: " + message(stopped.get()));
        }
      }
      return;
    }
    Outcome outcome = outcome(result);
    for (TestIdentifier t : unreported) {
      report(t, outcome, "Setup of '" + id.getDisplayName() + "' failed, so this check could not run: "
          + failureMessage(error), stackTrace(error), Duration.ZERO);
    }
  }

  /**
   * Passed; warning (a SHOULD/MAY check's assertion); failed (a MUST check's assertion, or the registry
   * refusing content a check needed); unsupported (the registry said a feature is absent); disabled (a setting the
   * check needs is missing); skipped (another abort); broken (anything else: a harness problem).
   */
  static Outcome outcome(TestExecutionResult result) {
    Throwable error = result.getThrowable().orElse(null);
    return switch (result.getStatus()) {
      case SUCCESSFUL -> Outcome.PASSED;
      case ABORTED -> error instanceof FeatureUnsupportedException ? Outcome.UNSUPPORTED
          : error instanceof NotConfiguredException ? Outcome.DISABLED : Outcome.SKIPPED;
      case FAILED -> error instanceof RecommendationNotMetError ? Outcome.WARNING
          : error instanceof AssertionError || error instanceof RegistryOperationException ? Outcome.FAILED
          : Outcome.BROKEN;
    };
  }

  private synchronized void report(TestIdentifier id, Outcome outcome, String message, String details, Duration d) {
    if (!reported.add(id.getUniqueId())) {
      return;
    }
    Optional<MethodSource> method = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    String level = method.map(m -> m.getJavaMethod().getAnnotation(CheckId.class)).map(c -> c.level().name())
        .orElse("MUST");
    List<String> requirements = method.map(m -> m.getJavaMethod().getAnnotation(Covers.class))
        .map(c -> List.of(c.value())).orElse(List.of());
    CheckResult result = new CheckResult(checkId(id), displayName(id), workflow(id), outcome,
        Redaction.text(message), Redaction.text(details), d, level, requirements,
        facts.getOrDefault(id.getUniqueId(), Map.of()));
    results.add(result);
    Optional<TestIdentifier> top = topLevel(id);
    places.put(result, new Place(top.map(TestIdentifier::getDisplayName).orElse(""),
        planOrder.getOrDefault(id.getUniqueId(), Integer.MAX_VALUE)));
    if (top.isPresent()) {
      pending.computeIfAbsent(top.get().getUniqueId(), k -> new ArrayList<>()).add(result);
    } else {
      onResult.accept(result);
    }
  }

  /** When a top-level class is done, its verdicts are handed on, in order. */
  private void handOnIfTopLevel(TestIdentifier id) {
    if (topLevel(id).filter(id::equals).isEmpty()) {
      return;
    }
    List<CheckResult> done;
    synchronized (this) {
      done = pending.remove(id.getUniqueId());
    }
    if (done != null) {
      done.forEach(onResult);
    }
  }

  /** The class directly under the engine that {@code id} is, or is inside of; empty for the engine itself. */
  private Optional<TestIdentifier> topLevel(TestIdentifier id) {
    TestIdentifier current = id;
    for (Optional<TestIdentifier> parent = plan.getParent(current); parent.isPresent();
        parent = plan.getParent(current)) {
      if (plan.getParent(parent.get()).isEmpty()) {
        return Optional.of(current);
      }
      current = parent.get();
    }
    return Optional.empty();
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

  static String failureMessage(Throwable error) {
    if (error == null) {
      return "";
    }
    if (error instanceof RegistryStoppedAnsweringException) {
      return capitalized(message(error));
    }
    if (error instanceof RegistryUnreachableException) {
      return "No answer from the registry: " + message(error);
    }
    if (error instanceof TimeoutException) { // JUnit's timeout (SuiteRunner): the check itself took too long
      return "The check timed out: " + message(error) + " (the limit of one check, from the request timeout: "
          + "see --request-timeout)";
    }
    if (error instanceof AssertionError || error instanceof TestAbortedException
        || error instanceof RegistryOperationException) {
      return message(error);
    }
    return "Error: " + error.getClass().getName() + ": " + message(error);
  }

  /** The {@link RegistryStoppedAnsweringException} that {@code error} is, or was caused by, or carries suppressed. */
  private static Optional<Throwable> stoppedAnswering(Throwable error) {
    for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof RegistryStoppedAnsweringException) {
        return Optional.of(t);
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof RegistryStoppedAnsweringException) {
          return Optional.of(suppressed);
        }
      }
    }
    return Optional.empty();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String stackTrace(Throwable error) {
    if (error == null || error instanceof AssertionError || error instanceof TestAbortedException
        || error instanceof RegistryOperationException || error instanceof RegistryStoppedAnsweringException) {
      return "";
    }
    StringWriter sw = new StringWriter();
    error.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }
}
