package dev.regconform.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import io.qameta.allure.SeverityLevel;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.TestResult;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckLabelsTest {
  @CheckId(value = "errors.sample", level = Level.SHOULD)
  @Covers({"R5", "R6", "R999"})
  void sample_check() {}

  void no_check() {}

  private static List<String> labels(TestResult result, String name) {
    return result.getLabels().stream().filter(l -> l.getName().equals(name)).map(Label::getValue).toList();
  }

  @Test
  void a_check_is_labelled_by_workflow_category_tags_id_level_and_registry() throws Exception {
    TestResult result = new TestResult();
    Method method = CheckLabelsTest.class.getDeclaredMethod("sample_check");

    CheckLabels.apply(result, CheckLabelsTest.class, method, Set.of("conformance", "pull", "errors"), "Distribution 2.8.2");

    assertThat(labels(result, "epic")).as("pull and errors are both the spec's Pull category").containsExactly("Pull");
    assertThat(labels(result, "feature")).containsExactly("errors,pull");
    assertThat(labels(result, "story")).containsExactly("errors.sample");
    assertThat(labels(result, "severity")).containsExactly("normal");
    assertThat(labels(result, "parentSuite")).containsExactly("Distribution 2.8.2");
    assertThat(result.getParameters()).singleElement()
        .satisfies(p -> assertThat(p.getName() + "=" + p.getValue()).isEqualTo("registry=Distribution 2.8.2"));
  }

  @Test
  void each_covered_requirement_is_a_link_to_its_spec_section_and_its_text_is_in_the_description() throws Exception {
    TestResult result = new TestResult();

    CheckLabels.apply(result, CheckLabelsTest.class, CheckLabelsTest.class.getDeclaredMethod("sample_check"),
        Set.of("pull"), "r");

    assertThat(result.getLinks()).extracting(Link::getName, Link::getUrl).containsExactly(
        tuple("R5 (SHOULD): Pulling manifests", CheckLabels.SPEC + "#pulling-manifests"),
        tuple("R6 (MUST): Pulling manifests", CheckLabels.SPEC + "#pulling-manifests"),
        tuple("R999", CheckLabels.SPEC));
    assertThat(result.getDescription()).startsWith("Check `errors.sample` (SHOULD) covers:\n\n")
        .contains("- **R6** (MUST, Pulling manifests): A GET of a manifest that exists")
        .doesNotContain("R999");
  }

  @Test
  void a_result_that_is_no_check_gets_only_the_registry() throws Exception {
    TestResult result = new TestResult();

    CheckLabels.apply(result, CheckLabelsTest.class, CheckLabelsTest.class.getDeclaredMethod("no_check"), Set.of("pull"), "r");
    CheckLabels.apply(new TestResult(), Object.class, null, Set.of(), "r");

    assertThat(result.getLabels()).extracting(Label::getName).containsExactly("parentSuite");
    assertThat(result.getLinks()).isEmpty();
  }

  @Test
  void severity_follows_the_level() {
    assertThat(CheckLabels.severity(Level.MUST)).isEqualTo(SeverityLevel.CRITICAL);
    assertThat(CheckLabels.severity(Level.SHOULD)).isEqualTo(SeverityLevel.NORMAL);
    assertThat(CheckLabels.severity(Level.MAY)).isEqualTo(SeverityLevel.MINOR);
  }

  @Test
  void a_section_links_to_its_heading_or_to_the_document_it_lives_in() {
    assertThat(CheckLabels.sectionUrl("POST then PUT")).isEqualTo(CheckLabels.SPEC + "#post-then-put");
    assertThat(CheckLabels.sectionUrl("Pushing Manifests with Subject"))
        .isEqualTo(CheckLabels.SPEC + "#pushing-manifests-with-subject");
    assertThat(CheckLabels.sectionUrl("Checking if content exists"))
        .isEqualTo(CheckLabels.SPEC + "#checking-if-content-exists-in-the-registry");
    assertThat(CheckLabels.sectionUrl("Authentication (Docker token specification)"))
        .isEqualTo("https://distribution.github.io/distribution/spec/auth/token/");
    assertThat(CheckLabels.sectionUrl("Listing Repositories (Docker Registry HTTP API V2)"))
        .isEqualTo("https://distribution.github.io/distribution/spec/api/#listing-repositories");
  }
}
