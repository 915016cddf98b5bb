package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.reports.requirements.Requirement;
import dev.regconform.reports.requirements.Requirements;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The shipped requirements file ({@value Requirements#RESOURCE}) and the {@code @Covers} ids of the shipped
 * checks agree: a typo in an id fails the build instead of showing up only in a run's requirements.md.
 */
class RequirementsCoverageTest {
  private static final Requirements REQUIREMENTS = Requirements.load();

  @Test
  void the_requirements_file_has_exactly_R1_to_R88_in_order() {
    List<String> expected = IntStream.rangeClosed(1, 88).mapToObj(i -> "R" + i).toList();

    assertThat(REQUIREMENTS.ids()).containsExactlyElementsOf(expected);
    assertThat(REQUIREMENTS.spec()).isNotBlank();
  }

  @Test
  void every_requirement_has_a_section_a_text_and_a_level_of_rfc_2119_words() {
    assertThat(REQUIREMENTS.all()).allSatisfy(r -> {
      assertThat(r.section()).as("%s section", r.id()).isNotBlank();
      assertThat(r.text()).as("%s text", r.id()).isNotBlank().hasSizeLessThan(400);
      assertThat(r.levelWords()).as("%s level", r.id()).isNotEmpty().allMatch(Requirement.LEVEL_WORDS::contains);
      assertThat(r.subject()).as("%s subject", r.id()).isIn(Requirement.SUBJECTS);
    });
    assertThat(REQUIREMENTS.all()).filteredOn(Requirement::bindsClient).extracting(Requirement::id)
        .as("the catalog's 'MUST (client)' requirements").containsExactly("R25", "R34", "R76");
  }

  @Test
  void every_covers_id_of_the_shipped_checks_is_in_the_requirements_file() {
    Map<String, List<String>> unknown = new TreeMap<>();
    int covered = 0;
    for (Class<?> type : ReflectionSupport.findAllClassesInPackage(SuiteRunner.SCENARIO_PACKAGE, c -> true, n -> true)) {
      for (Method method : type.getDeclaredMethods()) {
        Covers covers = method.getAnnotation(Covers.class);
        if (covers == null) {
          continue;
        }
        covered++;
        String check = type.getSimpleName() + "#" + method.getName();
        assertThat(method.isAnnotationPresent(CheckId.class)).as("%s has @Covers but no @CheckId", check).isTrue();
        assertThat(covers.value()).as("%s: @Covers with no id", check).isNotEmpty();
        for (String id : covers.value()) {
          if (!REQUIREMENTS.contains(id)) {
            unknown.computeIfAbsent(id, k -> new ArrayList<>()).add(check);
          }
        }
      }
    }

    assertThat(covered).as("checks with @Covers in %s", SuiteRunner.SCENARIO_PACKAGE).isGreaterThan(20);
    assertThat(unknown).as("@Covers ids that %s does not have (requirement ids are R1..R86)",
        Requirements.RESOURCE).isEmpty();
  }
}
