package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.regconform.junit.CheckIds;
import dev.regconform.junit.RegistryConformance;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * {@value #RESOURCE} maps every check of the official OCI conformance suite (the 52 tests of the released Ginkgo
 * suite v1.1.1 and the leaf tests of its rewrite) to the checks of this toolkit that cover it, or names the gap.
 * The ids it names must be real check ids, so a renamed check cannot silently drop out of the mapping.
 */
class OfficialSuiteCoverageTest {
  static final String RESOURCE = "dev/regconform/requirements/official-suite.yaml";
  private static final Set<String> SUITES = Set.of("ginkgo-v1.1.1", "ginkgo-latest", "conformance-v2");
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  record Entry(String id, String suite, String what, List<String> checks, String gap, Boolean deliberate,
      @JsonProperty("warning-level") Boolean warningLevel, String latest, String note) {
    List<String> checkIds() {
      return checks == null ? List.of() : checks;
    }

    boolean hasGap() {
      return gap != null && !gap.isBlank();
    }
  }

  record Document(List<Entry> official) {}

  private static List<Entry> entries() {
    try (InputStream in = OfficialSuiteCoverageTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s on the classpath", RESOURCE).isNotNull();
      return YAML.readValue(in, Document.class).official();
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The ids of every check of the concrete scenario classes, without the {@code [format]} suffix. */
  private static Set<String> scenarioCheckIds() {
    Set<String> ids = new TreeSet<>();
    for (Class<?> type : ReflectionSupport.findAllClassesInPackage(SuiteRunner.SCENARIO_PACKAGE, c -> true, n -> true)) {
      if (!type.isAnnotationPresent(RegistryConformance.class) || Modifier.isAbstract(type.getModifiers())
          || type.isInterface()) {
        continue;
      }
      for (Method method : ReflectionSupport.findMethods(type,
          m -> AnnotationSupport.isAnnotated(m, Testable.class), HierarchyTraversalMode.TOP_DOWN)) {
        CheckIds.of(type, method).ifPresent(id -> ids.add(id.replaceFirst("\\[[a-z0-9-]+\\]$", "")));
      }
    }
    return ids;
  }

  @Test
  void every_entry_is_well_formed_unique_and_names_only_existing_checks() {
    List<Entry> entries = entries();
    Set<String> known = scenarioCheckIds();

    assertThat(known).as("check ids of %s", SuiteRunner.SCENARIO_PACKAGE).hasSizeGreaterThan(100);
    assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates();
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.id()).as("id").matches("G[1-9][0-9]?|H-[A-Za-z0-9./+=_-]+");
      assertThat(e.suite()).as("suite of %s", e.id()).isIn(SUITES);
      assertThat(e.what()).as("what of %s", e.id()).isNotBlank();
      assertThat(e.checkIds()).as("checks of %s", e.id()).doesNotHaveDuplicates()
          .allSatisfy(c -> assertThat(c).as("check id in %s (no [format] suffix)", e.id()).doesNotContain("["));
      if (Boolean.TRUE.equals(e.deliberate())) {
        assertThat(e.hasGap()).as("%s is deliberate but names no gap", e.id()).isTrue();
      }
    });

    Map<String, List<String>> unknown = new TreeMap<>();
    for (Entry e : entries) {
      for (String check : e.checkIds()) {
        if (!known.contains(check)) {
          unknown.computeIfAbsent(check, k -> new ArrayList<>()).add(e.id());
        }
      }
    }
    assertThat(unknown).as("check ids in %s that no scenario has (id -> official checks naming it)", RESOURCE).isEmpty();
  }

  /** The 52 real tests of v1.1.1: G7-G19, G25-G50, G59-G65, G74-G79 (setup and teardown specs are not tests). */
  @Test
  void the_released_ginkgo_suite_has_exactly_its_52_real_tests() {
    List<String> expected = new ArrayList<>();
    for (int[] range : new int[][] {{7, 19}, {25, 50}, {59, 65}, {74, 79}}) {
      for (int i = range[0]; i <= range[1]; i++) {
        expected.add("G" + i);
      }
    }

    assertThat(expected).hasSize(52);
    assertThat(entries()).filteredOn(e -> e.id().startsWith("G")).extracting(Entry::id)
        .containsExactlyElementsOf(expected);
    assertThat(entries()).filteredOn(e -> e.id().startsWith("G")).extracting(Entry::suite).containsOnly("ginkgo-v1.1.1");
    assertThat(entries()).filteredOn(e -> e.id().startsWith("H-")).extracting(Entry::suite)
        .containsOnly("conformance-v2");
  }

  /**
   * Gaps do not fail the build (the README lists them); an entry that neither names a check nor says what is
   * missing does. Prints the gaps, grouped, for whoever runs the test.
   */
  @Test
  void every_entry_is_covered_or_names_its_gap_and_the_gaps_are_listed() {
    List<Entry> entries = entries();

    assertThat(entries).filteredOn(e -> e.checkIds().isEmpty() && !e.hasGap()).extracting(Entry::id)
        .as("entries of %s with neither checks nor gap", RESOURCE).isEmpty();

    Map<String, List<String>> groups = entries.stream().filter(Entry::hasGap).collect(Collectors.groupingBy(
        e -> Boolean.TRUE.equals(e.deliberate()) ? "deliberate (the official check goes beyond the spec)"
            : e.checkIds().isEmpty() ? "missing" : "covered in part",
        TreeMap::new, Collectors.mapping(Entry::id, Collectors.toList())));
    long covered = entries.stream().filter(e -> !e.hasGap()).count();
    StringBuilder report = new StringBuilder(String.format("Official checks: %d, covered: %d, with a gap: %d%n",
        entries.size(), covered, entries.size() - covered));
    groups.forEach((group, ids) -> report.append(String.format("  %s (%d): %s%n", group, ids.size(), ids)));
    System.out.print(report);

    assertThat(covered + groups.values().stream().mapToInt(List::size).sum()).isEqualTo(entries.size());
    assertThat(entries.stream().collect(Collectors.toMap(Entry::id, Function.identity()))).hasSize(entries.size());
  }
}
