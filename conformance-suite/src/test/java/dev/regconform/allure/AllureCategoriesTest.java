package dev.regconform.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.assertions.UnacceptableResponseError;
import dev.regconform.junit.FeatureUnsupportedException;
import dev.regconform.junit.Level;
import dev.regconform.junit.NotConfiguredException;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.reports.Outcome;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@code categories.json}: the file as written, and its rules applied the way Allure 2 applies them (status in the
 * list; each regex, when given, matching the whole message or trace with DOTALL) to what Allure records for each way a
 * check can end ({@link ResultsUtils#getStatusDetails}). The report's own data is checked by
 * {@code AllureReportOfEveryOutcomeTest}.
 */
class AllureCategoriesTest {
  @TempDir Path dir;

  @Test
  void the_file_lists_each_category_with_its_statuses_and_patterns() throws IOException {
    AllureCategories.write(dir);

    JsonNode written = new ObjectMapper().readTree(dir.resolve("categories.json").toFile());
    List<String> names = new ArrayList<>();
    written.forEach(c -> names.add(c.path("name").asText()));
    assertThat(names).containsExactly(AllureCategories.SPEC_VIOLATION, AllureCategories.WARNING, AllureCategories.BROKEN,
        AllureCategories.UNSUPPORTED, AllureCategories.DISABLED, AllureCategories.DISABLED, AllureCategories.SKIPPED);
    assertThat(written.get(1).path("matchedStatuses").toString()).isEqualTo("[\"failed\"]");
    assertThat(written.get(1).path("traceRegex").asText())
        .isEqualTo("\\Qdev.regconform.junit.RecommendationNotMetError\\E(?::|\\s|$).*");
    assertThat(written.get(2).has("traceRegex")).as("broken takes every broken result").isFalse();
  }

  @Test
  void a_failed_must_is_a_spec_violation_whatever_assertion_failed() {
    assertThat(categoriesOf("failed", new AssertionError("Expecting status 201 but was 400")))
        .containsExactly(AllureCategories.SPEC_VIOLATION);
    assertThat(categoriesOf("failed", new AssertionFailedError("expected: 1 but was: 2")))
        .containsExactly(AllureCategories.SPEC_VIOLATION);
    assertThat(categoriesOf("failed", new AssertionError((Object) null))).containsExactly(AllureCategories.SPEC_VIOLATION);
  }

  @Test
  void a_should_or_may_not_met_is_a_warning() {
    RecommendationNotMetError warning = new RecommendationNotMetError(Level.SHOULD, new AssertionError("no Content-Type"));

    assertThat(categoriesOf("failed", warning)).containsExactly(AllureCategories.WARNING);
  }

  @Test
  void a_broken_check_is_broken_whatever_broke() {
    assertThat(categoriesOf("broken", new IllegalStateException("harness"))).containsExactly(AllureCategories.BROKEN);
    assertThat(categoriesOf("broken", new RuntimeException((String) null))).containsExactly(AllureCategories.BROKEN);
  }

  @Test
  void an_answer_that_an_optional_feature_is_absent_is_unsupported() {
    assertThat(categoriesOf("skipped", new FeatureUnsupportedException("manifest deletion is not offered: 405")))
        .containsExactly(AllureCategories.UNSUPPORTED);
  }

  @Test
  void a_missing_setting_or_a_switch_turned_off_is_disabled() {
    assertThat(categoriesOf("skipped", new NotConfiguredException("disabled by configuration: needs --x")))
        .containsExactly(AllureCategories.DISABLED);
    assertThat(categoriesOf("skipped", new NotConfiguredException("No credentials are configured")))
        .containsExactly(AllureCategories.DISABLED);
    // A condition leaves a message and no trace.
    assertThat(categoriesOf("skipped", "disabled by configuration: OCI_TEST_PUSH is not true (workflow 'push')", null))
        .containsExactly(AllureCategories.DISABLED);
  }

  @Test
  void any_other_abort_is_skipped() {
    assertThat(categoriesOf("skipped", new TestAbortedException("Client not available, the check did not run: docker")))
        .containsExactly(AllureCategories.SKIPPED);
    assertThat(categoriesOf("skipped", new TestAbortedException("Assumption failed: no Link header")))
        .containsExactly(AllureCategories.SKIPPED);
    assertThat(categoriesOf("skipped", new TestAbortedException())).containsExactly(AllureCategories.SKIPPED);
  }

  @Test
  void a_passed_check_is_in_no_category() {
    assertThat(categoriesOf("passed", null, null)).isEmpty();
  }

  @Test
  void each_outcome_names_its_category() {
    assertThat(AllureCategories.of(Outcome.PASSED)).isEmpty();
    assertThat(AllureCategories.of(Outcome.FAILED)).contains(AllureCategories.SPEC_VIOLATION);
    assertThat(AllureCategories.of(Outcome.WARNING)).contains(AllureCategories.WARNING);
    assertThat(AllureCategories.of(Outcome.BROKEN)).contains(AllureCategories.BROKEN);
    assertThat(AllureCategories.of(Outcome.UNSUPPORTED)).contains(AllureCategories.UNSUPPORTED);
    assertThat(AllureCategories.of(Outcome.DISABLED)).contains(AllureCategories.DISABLED);
    assertThat(AllureCategories.of(Outcome.SKIPPED)).contains(AllureCategories.SKIPPED);
  }

  @Test
  void an_unacceptable_answer_to_a_should_check_fails_it_as_a_spec_violation() {
    // CheckLevelExtension leaves an UnacceptableResponseError (401, 403, 5xx) a failure whatever the check's level.
    assertThat(categoriesOf("failed", new UnacceptableResponseError(500, "Expecting 200 but was 500")))
        .containsExactly(AllureCategories.SPEC_VIOLATION);
  }

  private static Set<String> categoriesOf(String status, Throwable throwable) {
    StatusDetails details = ResultsUtils.getStatusDetails(throwable).orElseThrow();
    return categoriesOf(status, details.getMessage(), details.getTrace());
  }

  /** The categories Allure 2 (CategoriesPlugin.matches) puts a result in. */
  private static Set<String> categoriesOf(String status, String message, String trace) {
    Set<String> names = new LinkedHashSet<>();
    for (AllureCategories.Category c : AllureCategories.CATEGORIES) {
      boolean statusMatches = c.matchedStatuses().contains(status);
      boolean messageMatches = c.messageRegex() == null
          || message != null && Pattern.compile(c.messageRegex(), Pattern.DOTALL).matcher(message).matches();
      boolean traceMatches = c.traceRegex() == null
          || trace != null && Pattern.compile(c.traceRegex(), Pattern.DOTALL).matcher(trace).matches();
      if (statusMatches && messageMatches && traceMatches) {
        names.add(c.name());
      }
    }
    return names;
  }
}
