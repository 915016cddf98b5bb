package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.runner.CheckSelection;
import dev.regconform.runner.SuiteRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform docs} against the embedded Artipie adapter: the book of a run it makes, and of a run made before
 * ({@code --from}); each lists exactly the checks that ran.
 */
class DocsCommandTest {
  private static final String CHECKS = "pull.by-digest.*";

  @Test
  void docs_runs_the_checks_into_a_temporary_report_directory_then_writes_the_book_from_it(@TempDir Path dir)
      throws IOException {
    Path book = dir.resolve("book");
    CliRun docs = regconform(Map.of(), "docs", "--reference", "artipie-embedded", "--check", CHECKS, "--out",
        book.toString());

    assertThat(docs.exitCode()).as("exit status of docs; output:%n%s", docs).isZero();
    assertThat(docs.out()).as("stdout").contains("Book: " + book.resolve("index.md") + ", " + book.resolve("index.html")
        + ", " + book.resolve("book.json"));
    assertThat(checksOf(book)).as("the checks of %s", book.resolve("book.json"))
        .containsExactlyInAnyOrderElementsOf(selected(CHECKS));
    assertThat(book.resolve("index.md")).isNotEmptyFile();
    assertThat(book.resolve("index.html")).isNotEmptyFile();
    Path reportDir = Path.of(docs.reportsLine().replaceFirst("^Reports: ", "").split(", ")[0]).getParent();
    assertThat(reportDir).as("the run's temporary report directory, removed with the book written").doesNotExist();
  }

  @Test
  void docs_from_a_report_directory_writes_the_book_of_that_run_and_runs_nothing(@TempDir Path dir) throws IOException {
    Path reportDir = dir.resolve("report");
    CliRun run = regconform(Map.of(), "run", "--reference", "artipie-embedded", "--check", CHECKS, "--no-html",
        "--report-dir", reportDir.toString());
    assertThat(run.exitCode()).as("exit status of the run; output:%n%s", run).isZero();

    Path book = dir.resolve("book");
    CliRun docs = regconform(Map.of(), "docs", "--from", reportDir.toString(), "--out", book.toString());

    assertThat(docs.exitCode()).as("exit status of docs --from; output:%n%s", docs).isZero();
    assertThat(docs.out()).as("stdout of docs --from: no check ran").doesNotContain("== ").doesNotContain("PASS ");
    assertThat(checksOf(book)).as("the checks of %s", book.resolve("book.json"))
        .containsExactlyInAnyOrderElementsOf(selected(CHECKS));
    assertThat(targetsOf(book)).as("the targets of %s", book.resolve("book.json"))
        .containsExactly("Artipie docker-adapter v0.18.7 (embedded)");
  }

  @Test
  void docs_with_a_report_directory_keeps_it(@TempDir Path dir) throws IOException {
    Path reportDir = dir.resolve("report");
    CliRun docs = regconform(Map.of(), "docs", "--reference", "artipie-embedded", "--check", CHECKS,
        "--report-dir", reportDir.toString(), "--no-html", "--out", dir.resolve("book").toString());

    assertThat(docs.exitCode()).as("exit status of docs; output:%n%s", docs).isZero();
    assertThat(reportDir.resolve("summary.json")).as("the run's summary, kept").isNotEmptyFile();
    assertThat(reportDir.resolve("allure-results")).as("the run's recorded exchanges, kept").isDirectory();
  }

  private static List<String> selected(String pattern) {
    CheckSelection selection = CheckSelection.of(pattern);
    return SuiteRunner.checkIds().stream().filter(selection::selects).toList();
  }

  static List<String> checksOf(Path book) throws IOException {
    List<String> ids = new ArrayList<>();
    new ObjectMapper().readTree(book.resolve("book.json").toFile()).path("checks")
        .forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private static List<String> targetsOf(Path book) throws IOException {
    List<String> targets = new ArrayList<>();
    for (JsonNode t : new ObjectMapper().readTree(book.resolve("book.json").toFile()).path("targets")) {
      targets.add(t.isTextual() ? t.asText() : t.path("name").asText(t.path("description").asText()));
    }
    return targets;
  }

  /** {@code regconform ARGS} in-process, seeing only {@code environment}. */
  private static CliRun regconform(Map<String, String> environment, String... args) {
    return CliRun.execute(environment, args);
  }
}
