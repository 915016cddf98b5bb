package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.it.browser.HeadlessChromium;
import dev.regconform.runner.CheckSelection;
import dev.regconform.runner.SuiteRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code regconform docs} as people use it: the book of two native Distributions that differ (one with deletes
 * disabled) for the delete checks, then opened in headless Chromium; and the committed book, {@code docs/behaviour/},
 * opened the same way, its screenshot kept next to it. Screenshots of the first are in
 * {@code conformance-suite/target/behaviour-book/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehaviourBookIT {
  private static final String CHECKS = "delete.*";
  private static final String OPEN = "Distribution 2.8.2";
  private static final String NO_DELETES = "Distribution 2.8.2, deletes disabled";

  private final Path out = Path.of("target", "behaviour-book").toAbsolutePath();
  private final Path book = out.resolve("book");
  private DistributionProcess open;
  private DistributionProcess noDeletes;
  private RunCommandIT.Captured docs;
  private HeadlessChromium browser;

  @BeforeAll
  void write_the_book_of_two_distributions() throws IOException {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    open = DistributionProcess.start(binary.get());
    noDeletes = DistributionProcess.builder(binary.get()).deletesDisabled().start();
    deleteRecursively(book);
    // --strict: Distribution's 400 DIGEST_INVALID to a tag DELETE is a warning, so the run itself exits 1.
    docs = RunCommandIT.run("docs", "--target", open.baseUri().toString(), "--target-name", OPEN,
        "--target", noDeletes.baseUri().toString(), "--target-name", NO_DELETES, "--check", CHECKS, "--strict",
        "--out", book.toString());
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    for (DistributionProcess registry : new DistributionProcess[] {open, noDeletes}) {
      if (registry != null) {
        registry.close();
      }
    }
  }

  @Test
  void docs_exits_0_though_the_run_failed_and_the_book_lists_exactly_the_runs_checks_and_targets() throws IOException {
    assertThat(docs.exitCode()).as("exit status of docs; stdout:%n%s%nstderr:%n%s", docs.out(), docs.err()).isZero();
    assertThat(docs.out()).as("stdout of docs").contains("docs: the run's exit status was 1")
        .contains("Book: " + book.resolve("index.md"));

    JsonNode json = new ObjectMapper().readTree(book.resolve("book.json").toFile());
    List<String> sections = new ArrayList<>();
    json.path("checks").forEach(c -> sections.add(c.path("id").asText()));
    assertThat(sections).as("checks[].id of %s", book.resolve("book.json"))
        .containsExactlyInAnyOrderElementsOf(selected());
    json.path("checks").forEach(c -> assertThat(c.path("chapter").asText()).as("chapter of %s", c).isNotBlank());
    assertThat(json.path("targets").toString()).as("targets of %s", book.resolve("book.json"))
        .contains(OPEN).contains(NO_DELETES);
  }

  @Test
  void the_books_html_links_every_check_from_its_contents_and_shows_both_targets_in_a_section() throws IOException {
    browserOrSkip().open(book.resolve("index.html"));

    assertThat(browser.consoleErrors()).as("console errors of %s", book.resolve("index.html")).isEmpty();
    List<String> links = browser.driver().findElements(By.cssSelector("a[href*='#check-']")).stream()
        .map(a -> a.getAttribute("href").replaceFirst("^.*/", "")).distinct().toList();
    assertThat(links).as("links to sections in %s (each in its chapter's page)", book.resolve("index.html"))
        .containsExactlyInAnyOrderElementsOf(selected().stream().map(id -> "07-delete.html#check-" + id).toList());
    String id = "delete.manifest.by-digest";
    // Follow the contents' link (folded in a <details>, so by its address): the chapter's page opens at the section.
    browser.driver().get(browser.driver().findElement(By.cssSelector("a[href='07-delete.html#check-" + id + "']"))
        .getAttribute("href"));
    assertThat(browser.consoleErrors()).as("console errors of 07-delete.html").isEmpty();
    WebElement section = browser.driver().findElement(By.id("check-" + id));
    browser.driver().executeScript("arguments[0].scrollIntoView()", section);
    assertThat(sectionText(section)).as("the section of %s", id).contains(OPEN).contains(NO_DELETES);
    assertThat(browser.screenshot(out.resolve("delete-checks.png"))).isNotEmptyFile();
  }

  @Test
  void the_committed_book_opens_without_console_errors_and_its_screenshot_is_kept_next_to_it() throws IOException {
    Path committed = repositoryRoot().resolve("docs/behaviour/index.html");
    assertThat(committed).as("the committed behaviour book (regenerate it with docs/behaviour/generate.sh)")
        .isRegularFile();
    browserOrSkip().open(committed);

    assertThat(browser.consoleErrors()).as("console errors of %s", committed).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("a[href*='.html#check-']")))
        .as("links to sections in %s", committed).isNotEmpty();
    // The kept screenshot is refreshed once after the book was regenerated, not on every build (that would leave the
    // working tree changed after each ./mvnw verify); otherwise the screenshot goes to target/.
    Path kept = committed.resolveSibling("screenshot.png");
    boolean stale = !Files.isRegularFile(kept)
        || Files.getLastModifiedTime(kept).compareTo(Files.getLastModifiedTime(committed)) < 0;
    Path shot = stale ? kept : Path.of("target", "behaviour-book", "committed-book.png").toAbsolutePath();
    assertThat(browser.screenshot(shot)).isNotEmptyFile();
  }

  /**
   * The text from a check's anchor to the next check's (the anchor may be the section itself or only its heading).
   */
  private String sectionText(WebElement anchor) {
    return String.valueOf(browser.driver().executeScript(
        "const anchor = arguments[0];"
            + "const next = [...document.querySelectorAll('[id^=\"check-\"]')]"
            + "  .find(e => anchor.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING"
            + "    && !anchor.contains(e));"
            + "const range = document.createRange(); range.setStartBefore(anchor);"
            + "if (next) { range.setEndBefore(next); } else { range.setEndAfter(document.body.lastChild); }"
            + "return range.toString();", anchor));
  }

  private HeadlessChromium browserOrSkip() {
    Assumptions.assumeTrue(HeadlessChromium.unavailable().isEmpty(), () -> HeadlessChromium.unavailable().get());
    if (browser == null) {
      browser = HeadlessChromium.start();
    }
    return browser;
  }

  private static List<String> selected() {
    CheckSelection selection = CheckSelection.of(CHECKS);
    return SuiteRunner.checkIds().stream().filter(selection::selects).toList();
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository top directory (with mvnw and docs/) above "
        + Path.of("").toAbsolutePath());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
