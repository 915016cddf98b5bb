package dev.regconform.runner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.regconform.allure.AllureCategories;
import dev.regconform.allure.AllureCheckListener;
import dev.regconform.allure.AllureHtmlReport;
import dev.regconform.allure.AllureReportData;
import dev.regconform.allure.InMemoryAllureResults;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryOperationException;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Unsupported;
import dev.regconform.junit.WorkflowCondition;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/**
 * Checks that end in every outcome, run as a target's checks run (the run's own listener and Allure's, for one
 * registry), then the real Allure 2 command line makes the report: in the report's own data, each check is in exactly
 * the category of its outcome, has the status and labels it should, and its HTTP exchanges are steps whose request and
 * response the page holds; a class whose setup failed shows that setup's exchange with each of its checks.
 */
class AllureReportOfEveryOutcomeTest {
  private static final String REGISTRY = "sample registry";
  private static HttpServer registry;
  private static String registryUrl;

  @TempDir Path dir;

  @BeforeAll
  static void start_registry() throws IOException {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"sample\"}]}".getBytes(UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    registry.start();
    registryUrl = "http://127.0.0.1:" + registry.getAddress().getPort();
  }

  @AfterAll
  static void stop_registry() {
    registry.stop(0);
  }

  private static RegistryResponse put(String path) {
    return RegistryClient.builder(URI.create(registryUrl)).build().exchange("PUT", path,
        Map.of("Content-Type", "application/vnd.oci.image.manifest.v1+json"), "{}".getBytes(UTF_8), null);
  }

  @Test
  void every_check_is_in_the_category_of_its_outcome_with_its_status_labels_and_exchanges() throws IOException {
    Optional<AllureHtmlReport> allure = AllureHtmlReport.locate(System::getenv);
    Assumptions.assumeTrue(allure.isPresent(), "the Allure command line is not unpacked in target/allure (mvn package)");
    Path results = dir.resolve("allure-results");
    List<CheckResult> checks = runSamples(results);
    AllureCategories.write(results);

    AllureReportData report = AllureReportData.read(allure.get().generate(results, dir.resolve("allure-report")));

    assertThat(checks).extracting(CheckResult::outcome).as("the samples reach every outcome")
        .containsAll(List.of(Outcome.values()));
    Map<String, JsonNode> testCases = report.testCasesByStory();
    Map<String, Set<String>> categories = report.categoriesByStory();
    for (CheckResult check : checks) {
      assertThat(testCases).as("test cases of the report, by story").containsKey(check.id());
      assertThat(categories.get(check.id())).as("categories of %s, %s: %s", check.id(), check.outcome(), check.message())
          .containsExactlyElementsOf(AllureCategories.of(check.outcome()).stream().toList());
      assertThat(testCases.get(check.id()).path("status").asText()).as("Allure status of %s, %s", check.id(),
          check.outcome()).isEqualTo(switch (check.outcome()) {
            case PASSED -> "passed";
            case FAILED, WARNING -> "failed";
            case BROKEN -> "broken";
            case UNSUPPORTED, DISABLED, SKIPPED -> "skipped";
          });
      assertThat(label(testCases.get(check.id()), "parentSuite")).as("parent suite of %s", check.id()).contains(REGISTRY);
    }
    assertThat(testCases).as("one test case per check, none for a class").hasSameSizeAs(checks);

    JsonNode should = testCases.get("sample.misses-a-should");
    assertThat(label(should, "severity")).contains("normal");
    assertThat(label(testCases.get("sample.fails-a-must"), "severity")).contains("critical");
    assertThat(label(should, "epic")).contains("Pull");
    assertThat(label(should, "feature")).contains("pull");
    assertThat(should.path("links").get(0).path("name").asText()).isEqualTo("R5 (SHOULD): Pulling manifests");
    assertThat(should.path("links").get(0).path("url").asText())
        .isEqualTo("https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests");

    assertThat(testCases.get("sample.fails-a-must").path("statusMessage").asText())
        .as("the message as the page inserts it: as HTML, so escaped (HtmlSafeStatus)")
        .startsWith("Expecting response to\n  &lt;PUT " + registryUrl + "/v2/sample/manifests/1&gt;\n");
    JsonNode step = testCases.get("sample.fails-a-must").path("testStage").path("steps").get(0);
    assertThat(step.path("name").asText()).isEqualTo("PUT " + registryUrl + "/v2/sample/manifests/1 -> 400");
    assertThat(attachment(report, step, "Request")).startsWith("PUT " + registryUrl + "/v2/sample/manifests/1\n")
        .endsWith("\n{}\n");
    assertThat(attachment(report, step, "Response")).startsWith("HTTP 400\n").contains("MANIFEST_INVALID");

    for (String id : List.of("sample.setup-failed.first", "sample.setup-failed.second")) {
      JsonNode setup = testCases.get(id).path("beforeStages").get(0);
      assertThat(setup.path("name").asText()).as("the setup shown with %s", id).startsWith("Set up ").endsWith("SetupFails: HTTP exchanges");
      assertThat(setup.path("status").asText()).isEqualTo("failed");
      assertThat(attachment(report, setup.path("steps").get(0), "Response")).startsWith("HTTP 400\n");
    }
  }

  @Test
  void the_same_check_against_two_registries_is_two_tests_and_against_one_registry_the_same_test_each_run() {
    InMemoryRuns runs = new InMemoryRuns();

    String a1 = runs.historyIdOf("a");
    String a2 = runs.historyIdOf("a");
    String b = runs.historyIdOf("b");

    assertThat(a1).isEqualTo(a2).isNotEqualTo(b);
  }

  /** Runs the samples as SuiteRunner runs a target; returns the run's own verdicts. */
  private static List<CheckResult> runSamples(Path results) {
    AllureLifecycle previous = Allure.getLifecycle();
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
    Allure.setLifecycle(lifecycle);
    try {
      List<CheckResult> checks = new ArrayList<>();
      CheckResultListener listener = new CheckResultListener(checks::add);
      LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
              .addTestExecutionListeners(new AllureCheckListener(lifecycle, REGISTRY)).build())
          .execute(LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(SampleChecks.class), selectClass(DisabledWorkflow.class), selectClass(SetupFails.class))
              .configurationParameter(WorkflowCondition.parameter("delete"), "false")
              .configurationParameter(WorkflowCondition.sourceParameter(WorkflowCondition.parameter("delete")),
                  "OCI_TEST_CONTENT_MANAGEMENT is not true")
              .enableImplicitConfigurationParameters(false).build(), listener);
      return checks;
    } finally {
      Allure.setLifecycle(previous);
    }
  }

  private static Optional<String> label(JsonNode testCase, String name) {
    return StreamSupport.stream(testCase.path("labels").spliterator(), false)
        .filter(l -> l.path("name").asText().equals(name)).map(l -> l.path("value").asText()).findFirst();
  }

  private static String attachment(AllureReportData report, JsonNode step, String name) {
    for (JsonNode a : step.path("attachments")) {
      if (a.path("name").asText().equals(name)) {
        return report.text("data/attachments/" + a.path("source").asText());
      }
    }
    throw new AssertionError("step " + step.path("name").asText() + " has no attachment " + name + ": " + step);
  }

  /** Runs {@link SampleChecks#passes} for a registry, in memory, and gives its history id. */
  private static final class InMemoryRuns {
    String historyIdOf(String registryName) {
      InMemoryAllureResults results = new InMemoryAllureResults();
      AllureLifecycle lifecycle = new AllureLifecycle(results);
      LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
              .addTestExecutionListeners(new AllureCheckListener(lifecycle, registryName)).build())
          .execute(LauncherDiscoveryRequestBuilder.request()
              .selectors(selectMethod(SampleChecks.class, "passes"))
              .enableImplicitConfigurationParameters(false).build());
      return results.tests().get(0).getHistoryId();
    }
  }

  /** One check per way a check can end. */
  @RegistryConformance
  @Tag("pull")
  static class SampleChecks {
    @Test
    @CheckId("sample.passes")
    @Covers("R6")
    void passes() {}

    @Test
    @CheckId("sample.fails-a-must")
    @Covers("R8")
    void fails_a_must() {
      RegistryResponse response = put("/v2/sample/manifests/1");
      throw new AssertionError("Expecting response to\n  <" + response.requestLine() + ">\nto have status:\n  <201>\n"
          + "but was:\n  <" + response.status() + ">");
    }

    @Test
    @CheckId(value = "sample.misses-a-should", level = Level.SHOULD)
    @Covers("R5")
    void misses_a_should() {
      throw new AssertionError("Expecting Content-Type application/vnd.oci.image.manifest.v1+json but was application/json");
    }

    @Test
    @CheckId("sample.registry-refuses-content")
    void registry_refuses_content() {
      throw new RegistryOperationException("push the sample image", put("/v2/sample/manifests/2"));
    }

    @Test
    @CheckId("sample.breaks")
    void breaks() {
      throw new IllegalStateException("a harness problem");
    }

    @Test
    @CheckId("sample.unsupported")
    void unsupported() {
      Unsupported.because("manifest deletion is not offered: DELETE answered 405");
    }

    @Test
    @CheckId("sample.not-configured")
    void not_configured() {
      NotConfiguredException.unless(false, "--read-only-username USER");
    }

    @Test
    @CheckId("sample.not-configured-in-own-words")
    void not_configured_in_own_words() {
      throw new NotConfiguredException("No credentials are configured, so there is no logout to check");
    }

    @Test
    @CheckId("sample.client-missing")
    void client_missing() {
      throw new TestAbortedException("Client not available, the check did not run: skopeo is not installed");
    }

    @Test
    @CheckId("sample.assumption")
    void assumption() {
      Assumptions.assumeTrue(false, "the registry sent no Link header on a page of the tag list");
    }
  }

  /** A workflow the configuration turned off. */
  @RegistryConformance
  @Tag("delete")
  static class DisabledWorkflow {
    @Test
    @CheckId("sample.disabled-workflow")
    void deletes() {}
  }

  /** A class whose setup the registry refuses. */
  @RegistryConformance
  @Tag("push")
  static class SetupFails {
    @BeforeAll
    void push_content() {
      throw new RegistryOperationException("push the sample image", put("/v2/sample/manifests/setup"));
    }

    @Test
    @CheckId("sample.setup-failed.first")
    void first() {}

    @Test
    @CheckId("sample.setup-failed.second")
    void second() {}
  }
}
