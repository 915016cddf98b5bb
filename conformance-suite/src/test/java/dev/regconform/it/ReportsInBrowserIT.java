package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.allure.AllureReportData;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.it.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The HTML reports as people read them: a run against Distribution as a process (which fails some checks for real,
 * see {@code expected-verdicts/distribution}), then each page opened in headless Chromium. A page must load without a
 * console error and show the failing check's request and response. Screenshots are kept in the report directory,
 * {@code conformance-suite/target/reports-in-browser/}, for people to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsInBrowserIT {
  /** Distribution fails it (expected-verdicts/distribution/discovery.txt); its message holds the exchange. */
  private static final String FAILING = "tags.list.order";

  private final Path reportDir = Path.of("target", "reports-in-browser").toAbsolutePath();
  private DistributionProcess registry;
  private HeadlessChromium browser;

  @BeforeAll
  void run_the_toolkit_and_start_the_browser() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    Assumptions.assumeTrue(HeadlessChromium.unavailable().isEmpty(), () -> HeadlessChromium.unavailable().get());
    registry = DistributionProcess.start(binary.get());
    RunCommandIT.Captured run = RunCommandIT.run("run", "--target", registry.baseUri().toString(),
        "--target-name", "Distribution 2.8.2", "--report-dir", reportDir.toString());
    assertThat(run.exitCode()).as("exit status of the run (Distribution fails some MUST checks)%n%s", run.err())
        .isEqualTo(1);
    browser = HeadlessChromium.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void the_conformance_matrix_shows_the_failing_checks_request_and_response() throws Exception {
    Path page = reportDir.resolve("conformance-matrix.html");
    browser.open(page);

    assertThat(browser.consoleErrors()).as("console errors of %s", page).isEmpty();
    WebElement row = browser.driver().findElement(By.id("check-" + FAILING));
    assertThat(row.getText()).as("the row of %s", FAILING).contains(FAILING).contains("failed");
    WebElement details = row.findElement(By.tagName("details"));
    assertThat(details.findElement(By.tagName("pre")).isDisplayed()).as("the message is folded at first").isFalse();
    details.findElement(By.tagName("summary")).click();
    String message = details.findElement(By.tagName("pre")).getText();
    assertThat(message).as("the unfolded message of %s", FAILING)
        .contains("GET " + registry.baseUri().toString().replaceAll("/$", "")).contains("/tags/list")
        .contains("-> 200").contains("\"tags\":[");
    browser.driver().executeScript("arguments[0].scrollIntoView()", row);
    assertThat(browser.screenshot(reportDir.resolve("conformance-matrix.png"))).isNotEmptyFile();
  }

  @Test
  void the_allure_report_shows_the_failing_checks_exchange_step_with_its_request_and_response() throws Exception {
    Path index = reportDir.resolve("allure-report/index.html");
    browser.open(index);
    waitFor(() -> browser.visibleText().contains("test cases"), "the overview of " + index);
    assertThat(browser.screenshot(reportDir.resolve("allure-overview.png"))).isNotEmptyFile();

    // The failing check's page, as a reader gets there from the Categories tab.
    String uid = AllureReportData.read(index).testCasesByStory().get(FAILING).path("uid").asText();
    browser.driver().get(index.toUri() + "#testresult/" + uid);
    waitFor(() -> browser.visibleText().contains("Spec violation"), "the page of " + FAILING);
    assertThat(browser.visibleText()).as("the page of %s", FAILING)
        .contains("tag list is in lexical or ASCIIbetical order").contains("Severity: critical");

    // Its step for the tag-list GET, unfolded, then its two attachments.
    // Allure re-renders the page as parts unfold: every element is looked up again rather than kept.
    java.util.function.Supplier<WebElement> step = () -> browser.driver().findElements(By.cssSelector(".step__title"))
        .stream().filter(e -> e.getText().contains("GET ") && e.getText().contains("/tags/list -> 200")).findFirst()
        .orElseThrow(() -> new AssertionError("no step 'GET …/tags/list -> 200' on the page of " + FAILING + ":\n"
            + browser.visibleText()));
    String stepTitle = step.get().getText();
    step.get().click();
    int attachments = waitFor(() -> step.get().findElement(By.xpath("./..")).findElements(
        By.cssSelector(".attachment-row")).size(), count -> count >= 2, "the attachments of " + stepTitle);
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < attachments; i++) {
      int row = i;
      java.util.function.Supplier<WebElement> attachment = () -> step.get().findElement(By.xpath("./.."))
          .findElements(By.cssSelector(".attachment-row")).get(row);
      attachment.get().click();
      // The attachment's content is read from the page's embedded data after the click: wait for its text.
      shown.append(waitFor(() -> step.get().findElement(By.xpath("./.."))
          .findElements(By.cssSelector(".attachment__text")).stream().map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(""),
          text -> !text.isBlank(), "the text of an unfolded attachment")).append('\n');
      attachment.get().click();
    }
    assertThat(shown.toString()).as("the request and response attachments of %s", stepTitle)
        .contains("GET ").contains("/tags/list").contains("HTTP 200").contains("\"tags\"");
    assertThat(browser.consoleErrors()).as("console errors of %s", index).isEmpty();
    assertThat(browser.screenshot(reportDir.resolve("allure-failing-check.png"))).isNotEmptyFile();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    waitFor(() -> condition.getAsBoolean(), ok -> ok, what);
  }

  /** Polls until the value satisfies the condition (a page renders after it loads), at most 20 s. */
  private static <T> T waitFor(java.util.function.Supplier<T> value, java.util.function.Predicate<T> condition,
      String what) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    T last = null;
    boolean seen = false;
    while (true) {
      try {
        last = value.get();
        seen = true;
        if (condition.test(last)) {
          return last;
        }
      } catch (org.openqa.selenium.StaleElementReferenceException rendering) {
        // The page replaced the element while we read it: look again.
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 20 s for " + what + "; last seen: " + (seen ? last : "(only stale elements)"));
      }
      Thread.sleep(100);
    }
  }
}
