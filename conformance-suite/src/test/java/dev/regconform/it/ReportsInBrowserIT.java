package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.it.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
