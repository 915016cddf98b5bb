package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.allure.AllureCategories;
import dev.regconform.allure.AllureReportData;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.reports.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform run} against Distribution 2.8.2 (as a process), twice into the same report directory: the HTML
 * report is one offline page; in its own data every check is in the category of its outcome (the checks Distribution
 * fails, a MUST among them, under "Spec violation"), and a failing check's requests and responses are on the page; the
 * results hold a step per exchange with its request and response; the second run adds a point to the history.
 */
class AllureReportIT {
  /** A MUST Distribution 2.8.2 violates (expected-verdicts/distribution/upload.txt). */
  private static final String FAILING_MUST = "push.chunked.final-chunk-out-of-order";
  /** A check whose exchanges are known: POST, PUT with the blob, HEAD, GET. */
  private static final String KNOWN = "push.blob.monolithic[oci]";

  @TempDir Path dir;

  private static CliRun run(Map<String, String> environment, String... args) {
    return CliRun.execute(environment, args);
  }

  @Test
  void the_html_report_is_offline_matches_the_verdicts_shows_the_exchanges_and_keeps_history() throws IOException {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    Path report = dir.resolve("report");
    Path index = report.resolve("allure-report/index.html");
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      String target = registry.baseUri().toString();

      CliRun first = run(Map.of(), "run", "--target", target, "--report-dir", report.toString());

      assertThat(first.exitCode()).as("Distribution fails MUSTs; output:%n%s%s", first.out(), first.err()).isEqualTo(1);
      assertThat(first.err()).doesNotContain("no HTML report");
      assertThat(first.out().lines().filter(l -> l.startsWith("Reports: "))).singleElement().asString()
          .endsWith(", " + index);
      assertThat(AllureReportData.externalReferences(index)).as("what the page loads from the network").isEmpty();
      assertThat(Files.readString(index, UTF_8)).doesNotContain("googletagmanager");

      JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
      AllureReportData page = AllureReportData.read(index);
      categoriesMatchOutcomes(summary, page);
      failingCheckShowsItsExchanges(page);
      knownCheckHasAStepPerExchange(report.resolve("allure-results"), target);
      environmentAndExecutor(report, summary);

      CliRun second = run(Map.of("OCI_TEST_PULL", "1"), "run", "--target", target, "--report-dir", report.toString());

      assertThat(second.exitCode()).as("output:%n%s%s", second.out(), second.err()).isIn(0, 1);
      JsonNode trend = new ObjectMapper().readTree(report.resolve("allure-report/history/history-trend.json").toFile());
      assertThat(trend).as("history-trend.json after two runs").hasSize(2);
      assertThat(AllureReportData.read(index).json("widgets/history-trend.json")).as("the page's trend").hasSize(2);
      assertThat(new ObjectMapper().readTree(report.resolve("allure-results/executor.json").toFile())
          .path("buildOrder").asInt()).isEqualTo(2);
    }
  }

  /** In the page's Categories data, each check is in exactly the category of its outcome; a passed one in none. */
  private static void categoriesMatchOutcomes(JsonNode summary, AllureReportData page) {
    Map<String, Set<String>> categories = page.categoriesByStory();
    List<String> mismatches = new ArrayList<>();
    int failed = 0;
    for (JsonNode check : summary.at("/targets/0/checks")) {
      String id = check.path("id").asText();
      Outcome outcome = Outcome.parse(check.path("outcome").asText());
      failed += outcome == Outcome.FAILED ? 1 : 0;
      List<String> expected = AllureCategories.of(outcome).stream().toList();
      Set<String> actual = categories.get(id);
      if (actual == null || !List.copyOf(actual).equals(expected)) {
        mismatches.add(id + " (" + outcome + "): " + actual + ", expected " + expected);
      }
    }
    assertThat(mismatches).as("checks not in the category of their outcome").isEmpty();
    assertThat(categories).as("test cases of the page").hasSize(summary.at("/targets/0/checks").size());
    assertThat(failed).as("failed checks").isPositive();
    assertThat(categories.get(FAILING_MUST)).containsExactly(AllureCategories.SPEC_VIOLATION);
  }

  /** The failing MUST check's steps, with their request and response, are in the page. */
  private static void failingCheckShowsItsExchanges(AllureReportData page) {
    JsonNode testCase = page.testCasesByStory().get(FAILING_MUST);
    assertThat(testCase.path("status").asText()).isEqualTo("failed");
    JsonNode steps = testCase.path("testStage").path("steps");
    assertThat(steps.size()).as("steps of %s", FAILING_MUST).isGreaterThanOrEqualTo(3);
    JsonNode last = steps.get(steps.size() - 1);
    assertThat(last.path("name").asText()).startsWith("PUT http://127.0.0.1:").contains("?_state=***&digest=")
        .endsWith(" -> 400");
    Map<String, String> attachments = new HashMap<>();
    last.path("attachments").forEach(a -> attachments.put(a.path("name").asText(),
        page.text("data/attachments/" + a.path("source").asText())));
    assertThat(attachments.get("Request")).startsWith("PUT http://127.0.0.1:").contains("\nContent-Range: ").contains("<binary body, not attached: ");
    assertThat(attachments.get("Response")).startsWith("HTTP 400\n").contains("DIGEST_INVALID");
  }

  /** The results hold the known check with a step per exchange, each with its request and response file. */
  private static void knownCheckHasAStepPerExchange(Path results, String target) throws IOException {
    JsonNode known = null;
    try (Stream<Path> files = Files.list(results)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        JsonNode result = new ObjectMapper().readTree(file.toFile());
        for (JsonNode label : result.path("labels")) {
          if (label.path("name").asText().equals("story") && label.path("value").asText().equals(KNOWN)) {
            known = result;
          }
        }
      }
    }
    assertThat(known).as("the result of %s", KNOWN).isNotNull();
    List<String> steps = new ArrayList<>();
    for (JsonNode step : known.path("steps")) {
      steps.add(step.path("name").asText().replaceAll(" http://[^ ]+ ", " URL "));
      assertThat(step.path("name").asText()).contains(" " + target + "/v2/");
      Map<String, String> attachments = new HashMap<>();
      for (JsonNode a : step.path("attachments")) {
        attachments.put(a.path("name").asText(), Files.readString(results.resolve(a.path("source").asText()), UTF_8));
      }
      assertThat(attachments).as("attachments of %s", step.path("name").asText()).containsOnlyKeys("Request", "Response");
      assertThat(attachments.get("Request")).startsWith(step.path("name").asText().split(" ")[0] + " " + target + "/v2/");
      assertThat(attachments.get("Response")).startsWith("HTTP " + step.path("name").asText().replaceAll(".* -> ", ""));
    }
    assertThat(steps).containsExactly("POST URL -> 202", "PUT URL -> 201", "HEAD URL -> 200", "GET URL -> 200");
  }

  private static void environmentAndExecutor(Path report, JsonNode summary) throws IOException {
    assertThat(Files.readString(report.resolve("allure-results/environment.properties"), UTF_8))
        .contains("spec=1.1\n", "target.Docker-Distribution-Api-Version=registry/2.0\n");
    JsonNode executor = new ObjectMapper().readTree(report.resolve("allure-results/executor.json").toFile());
    String namespace = summary.at("/targets/0/namespace").asText();
    assertThat(executor.path("buildName").asText()).isEqualTo(namespace.substring(namespace.lastIndexOf('/') + 1));
    assertThat(executor.path("buildOrder").asInt()).isEqualTo(1);
    assertThat(executor.path("reportUrl").asText())
        .isEqualTo(report.resolve("allure-report/index.html").toAbsolutePath().toUri().toString());
  }
}
