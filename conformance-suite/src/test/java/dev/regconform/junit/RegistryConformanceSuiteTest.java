package dev.regconform.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.regconform.embedded.EmbeddedArtipieRegistry;
import dev.regconform.reports.baseline.Baseline;
import dev.regconform.target.RegistryTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;

/**
 * {@link RegistryConformanceSuite} as another project's build runs it: suites of this test's own, run by the JUnit
 * Platform's suite engine, against the Artipie adapter started by a {@link RegistryUnderTest}. Artipie's verdicts are the
 * real ones of expected-verdicts/artipie-embedded*: {@code push.blob.monolithic[oci]} fails (400 to a monolithic PUT),
 * {@code tags.list.unknown-repository-code} is a warning.
 */
class RegistryConformanceSuiteTest {
  private static final String MONOLITHIC = "push.blob.monolithic[oci]";
  private static final String UNKNOWN_REPOSITORY_CODE = "tags.list.unknown-repository-code";
  private static final AtomicInteger STARTS = new AtomicInteger();
  private static final AtomicInteger STOPS = new AtomicInteger();

  /** The registry under test of these suites: Artipie in this JVM, counting starts and stops. */
  public static final class Artipie implements RegistryUnderTest {
    static final String DESCRIPTION = "Artipie (suite test)";
    private EmbeddedArtipieRegistry server;

    @Override
    public RegistryTarget start() {
      STARTS.incrementAndGet();
      server = EmbeddedArtipieRegistry.start();
      return RegistryTarget.at(server.baseUri().toString()).withDescription(DESCRIPTION);
    }

    @Override
    public void stop() {
      STOPS.incrementAndGet();
      server.close();
    }
  }

  /** Artipie, saying it offers no catalog. */
  public static final class ArtipieWithoutCatalog implements RegistryUnderTest {
    private final Artipie artipie = new Artipie();

    @Override
    public RegistryTarget start() {
      return artipie.start().withParameter(Feature.CATALOG.parameter(), "false");
    }

    @Override
    public void stop() {
      artipie.stop();
    }
  }

  /** A registry that cannot start. */
  public static final class Unstartable implements RegistryUnderTest {
    @Override
    public RegistryTarget start() throws IOException {
      STARTS.incrementAndGet();
      throw new IOException("port 5000 is taken");
    }

    @Override
    public void stop() {
      STOPS.incrementAndGet();
    }
  }

  @RegistryConformanceSuite
  @IncludeClassNamePatterns(".*\\.PushScenarios\\$OciImage")
  @ConfigurationParameter(key = RegistryUnderTest.PARAMETER, value = "dev.regconform.junit.RegistryConformanceSuiteTest$Artipie")
  static class PushSuite {}

  @RegistryConformanceSuite
  @IncludeClassNamePatterns(".*\\.DiscoveryTagsScenarios")
  @ConfigurationParameter(key = RegistryUnderTest.PARAMETER, value = "dev.regconform.junit.RegistryConformanceSuiteTest$Artipie")
  static class TagsSuite {}

  @RegistryConformanceSuite
  @IncludeClassNamePatterns(".*\\.DiscoveryTagsScenarios")
  @ConfigurationParameter(key = RegistryUnderTest.PARAMETER, value = "dev.regconform.junit.RegistryConformanceSuiteTest$Artipie")
  @ConfigurationParameter(key = "regconform.warnings", value = "fail")
  static class StrictTagsSuite {}

  @RegistryConformanceSuite
  @IncludeClassNamePatterns(".*\\.DiscoveryCatalogScenarios")
  @ConfigurationParameter(key = RegistryUnderTest.PARAMETER, value = "dev.regconform.junit.RegistryConformanceSuiteTest$Artipie")
  @ConfigurationParameter(key = "regconform.disable", value = "referrers, catalog")
  static class CatalogDisabledSuite {}

  @RegistryConformanceSuite
  @IncludeClassNamePatterns(".*\\.DiscoveryCatalogScenarios")
  @ConfigurationParameter(key = RegistryUnderTest.PARAMETER,
      value = "dev.regconform.junit.RegistryConformanceSuiteTest$ArtipieWithoutCatalog")
  static class CatalogNotOfferedSuite {}

  @RegistryConformanceSuite
  @IncludeClassNamePatterns(".*\\.PushScenarios\\$OciImage")
  @ConfigurationParameter(key = RegistryUnderTest.PARAMETER,
      value = "dev.regconform.junit.RegistryConformanceSuiteTest$Unstartable")
  static class UnstartableSuite {}

  @TempDir
  Path dir;

  @BeforeEach
  void resetCounters() {
    STARTS.set(0);
    STOPS.set(0);
  }

  @Test
  void each_selected_check_is_a_test_named_by_behaviour_and_id_and_the_registry_starts_once_and_stops_after_the_last() {
    Results results = run(PushSuite.class, Map.of());

    assertThat(results.tests.keySet()).as("the tests of PushScenarios.OciImage, by display name").containsExactlyInAnyOrder(
        "a blob uploaded in one PUT is stored under its digest (push.blob.monolithic[oci])",
        "a blob streamed in one PATCH then closed by PUT is stored under its digest (push.blob.streamed[oci])",
        "a manifest pushed by tag answers 201 with the digest of the exact bytes sent (push.manifest.by-tag[oci])");
    assertThat(results.status(MONOLITHIC)).as("Artipie ignores a monolithic PUT's body (a MUST)")
        .isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(results.message(MONOLITHIC)).contains("PUT ").contains("400");
    assertThat(results.status("push.blob.streamed[oci]")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(results.status("push.manifest.by-tag[oci]")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(results.containerFailures).as("failed classes or suites").isEmpty();
    assertThat(STARTS).as("RegistryUnderTest.start() calls").hasValue(1);
    assertThat(STOPS).as("RegistryUnderTest.stop() calls, once the run ended").hasValue(1);
  }

  @Test
  void a_failure_the_baseline_lists_is_skipped_as_a_known_deviation_with_its_reason_and_what_was_found() throws IOException {
    Path baseline = dir.resolve("baseline.yaml");
    Files.writeString(baseline, """
        version: 1
        targets:
          - target: Artipie (suite test)
            known:
              - check: push.blob.monolithic[oci]
                outcome: failed
                reason: Artipie ignores the body of a monolithic PUT
        """);

    Results results = run(PushSuite.class, Map.of("regconform.baseline", baseline.toString()));

    assertThat(results.status(MONOLITHIC)).isEqualTo(TestExecutionResult.Status.ABORTED);
    assertThat(results.message(MONOLITHIC))
        .startsWith("known deviation (regconform.baseline): Artipie ignores the body of a monolithic PUT")
        .contains("found this time: ").contains("400");
    assertThat(results.status("push.blob.streamed[oci]")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
  }

  @Test
  void a_baseline_for_another_registry_fails_the_check_naming_both_descriptions() throws IOException {
    Path baseline = dir.resolve("baseline.yaml");
    Files.writeString(baseline, """
        version: 1
        targets:
          - target: my registry
            known:
              - check: push.blob.monolithic[oci]
                outcome: failed
                reason: listed under another name
        """);

    Results results = run(PushSuite.class, Map.of("regconform.baseline", baseline.toString()));

    assertThat(results.status(MONOLITHIC)).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(results.message(MONOLITHIC)).contains("lists no entry for the registry under test, 'Artipie (suite test)'")
        .contains("[my registry]");
  }

  @Test
  void write_baseline_records_the_runs_failures_for_the_registrys_description() {
    Path written = dir.resolve("new/baseline.yaml");

    Results results = run(PushSuite.class, Map.of("regconform.write-baseline", written.toString()));

    assertThat(results.status(MONOLITHIC)).isEqualTo(TestExecutionResult.Status.FAILED);
    Baseline baseline = Baseline.read(written);
    assertThat(baseline.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.target()).isEqualTo(Artipie.DESCRIPTION);
      assertThat(entry.check()).isEqualTo(MONOLITHIC);
      assertThat(entry.outcome().name()).isEqualTo("FAILED");
      assertThat(entry.reason()).isNotBlank();
    });
  }

  @Test
  void a_should_not_met_is_a_skipped_test_saying_warning_and_a_failure_with_warnings_fail() {
    Results lenient = run(TagsSuite.class, Map.of());
    Results strict = run(StrictTagsSuite.class, Map.of());

    assertThat(lenient.status(UNKNOWN_REPOSITORY_CODE)).isEqualTo(TestExecutionResult.Status.ABORTED);
    assertThat(lenient.message(UNKNOWN_REPOSITORY_CODE)).startsWith("warning: (SHOULD) ").contains("<NAME_UNKNOWN>");
    assertThat(strict.status(UNKNOWN_REPOSITORY_CODE)).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(strict.message(UNKNOWN_REPOSITORY_CODE)).startsWith("(SHOULD) ").contains("<NAME_UNKNOWN>");
  }

  @Test
  void features_the_registry_does_not_offer_disable_their_checks_saying_where_the_switch_came_from() {
    Results listed = run(CatalogDisabledSuite.class, Map.of());
    Results ownParameter = run(CatalogNotOfferedSuite.class, Map.of());

    assertThat(listed.tests.values()).as("the catalog class or its checks").isNotEmpty().allSatisfy(result -> {
      assertThat(result.status()).isEqualTo(TestExecutionResult.Status.ABORTED);
      assertThat(result.message()).contains("is off (regconform.disable=referrers, catalog)");
    });
    assertThat(ownParameter.tests.values()).isNotEmpty().allSatisfy(result ->
        assertThat(result.message()).contains("is off (regconform.feature.catalog=false)"));
  }

  @Test
  void a_registry_that_does_not_start_fails_the_run_naming_the_cause_once_and_is_not_stopped() {
    Results results = run(UnstartableSuite.class, Map.of());

    assertThat(results.containerFailures).as("failed classes").isNotEmpty().allSatisfy(message ->
        assertThat(message).contains("The registry under test did not start: "
            + "dev.regconform.junit.RegistryConformanceSuiteTest$Unstartable.start() threw java.io.IOException: "
            + "port 5000 is taken"));
    assertThat(STARTS).as("start() calls: the failure is kept, not retried per class").hasValue(1);
    assertThat(STOPS).as("stop() calls").hasValue(0);
  }

  private static Results run(Class<?> suite, Map<String, String> parameters) {
    Results results = new Results();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(suite))
        .filters(EngineFilter.includeEngines("junit-platform-suite"))
        .configurationParameters(parameters)
        .enableImplicitConfigurationParameters(false)
        .build(), results);
    return results;
  }

  /** What one test ended as. */
  record Result(TestExecutionResult.Status status, String message) {}

  /** The run's tests by display name, and the messages of classes or suites that failed. */
  static final class Results implements TestExecutionListener {
    final Map<String, Result> tests = new ConcurrentHashMap<>();
    final List<String> containerFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
      // A check, or a whole class that a condition disabled (its checks are not reported one by one).
      tests.put(test.getDisplayName(), new Result(TestExecutionResult.Status.ABORTED, reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      String message = result.getThrowable().map(Throwable::getMessage).map(String::valueOf).orElse("");
      if (test.isTest()) {
        tests.put(test.getDisplayName(), new Result(result.getStatus(), message));
      } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        containerFailures.add(message);
      }
    }

    TestExecutionResult.Status status(String checkId) {
      return find(checkId).status();
    }

    String message(String checkId) {
      return find(checkId).message();
    }

    private Result find(String checkId) {
      Optional<Map.Entry<String, Result>> found = tests.entrySet().stream()
          .filter(e -> e.getKey().endsWith("(" + checkId + ")")).findFirst();
      return found.map(Map.Entry::getValue).orElseThrow(() -> new AssertionError("no test for " + checkId + " among "
          + tests.keySet().stream().sorted().collect(Collectors.joining("\n  ", "\n  ", ""))));
    }
  }
}
