package dev.regconform.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.runner.SuiteRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed behaviour book, {@code docs/behaviour/}, is current with the checks: a section for every check of the
 * suite, and none for a check that no longer exists. {@code docs/behaviour/generate.sh} regenerates it.
 */
class BehaviourBookCoverageTest {
  static final String REGENERATE = "docs/behaviour/generate.sh";

  @Test
  void the_committed_book_has_a_section_for_every_check_and_none_for_a_check_that_is_gone() throws IOException {
    Path book = repositoryRoot().resolve("docs/behaviour/book.json");
    assertThat(book).as("the behaviour book's index of sections; generate it with %s", REGENERATE).isRegularFile();

    Optional<String> problems = problems(sectionsOf(book), SuiteRunner.checkIds());

    assertThat(problems).as("%s against the suite's checks", book).isEmpty();
  }

  @Test
  void a_check_without_a_section_and_a_section_without_its_check_are_both_named() {
    Optional<String> problems = problems(List.of("push.blob.monolithic[oci]", "pull.gone"),
        List.of("push.blob.monolithic[oci]", "delete.new"));

    assertThat(problems).as("what the comparison reports").hasValue(
        "the behaviour book docs/behaviour/ is out of date; regenerate it: " + REGENERATE + "\n"
            + "  checks without a section: delete.new\n"
            + "  sections whose check no longer exists: pull.gone");
  }

  @Test
  void a_check_with_two_sections_is_named() {
    assertThat(problems(List.of("a", "a", "b"), List.of("a", "b"))).as("what the comparison reports")
        .hasValueSatisfying(p -> assertThat(p).contains("checks with more than one section: a"));
  }

  @Test
  void a_book_with_exactly_the_checks_has_no_problem() {
    assertThat(problems(List.of("b", "a"), List.of("a", "b"))).as("what the comparison reports").isEmpty();
  }

  /** What keeps the book's sections from being exactly the checks, in a message that names them; empty: none. */
  static Optional<String> problems(Collection<String> sections, Collection<String> checks) {
    TreeSet<String> missing = new TreeSet<>(checks);
    missing.removeAll(sections);
    TreeSet<String> stale = new TreeSet<>(sections);
    stale.removeAll(checks);
    TreeSet<String> twice = new TreeSet<>();
    TreeSet<String> seen = new TreeSet<>();
    sections.stream().filter(id -> !seen.add(id)).forEach(twice::add);
    List<String> lines = new ArrayList<>();
    if (!missing.isEmpty()) {
      lines.add("  checks without a section: " + String.join(", ", missing));
    }
    if (!stale.isEmpty()) {
      lines.add("  sections whose check no longer exists: " + String.join(", ", stale));
    }
    if (!twice.isEmpty()) {
      lines.add("  checks with more than one section: " + String.join(", ", twice));
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of("the behaviour book docs/behaviour/ is out of date; "
        + "regenerate it: " + REGENERATE + "\n" + String.join("\n", lines));
  }

  /** {@code checks[].id} of a book.json, in its order. */
  static List<String> sectionsOf(Path bookJson) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode check : new ObjectMapper().readTree(bookJson.toFile()).path("checks")) {
      ids.add(check.path("id").asText());
    }
    return ids;
  }

  /** The repository's top directory (the one with {@code mvnw}), from the module the tests run in. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository top directory (with mvnw and docs/) above "
        + Path.of("").toAbsolutePath());
  }
}
