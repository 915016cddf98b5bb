package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.CheckIds;
import dev.regconform.junit.RegistryConformance;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The ids of the shipped checks: outside tools script against them, so each must exist, be unique and well formed. */
class ScenarioCheckIdsTest {
  private static final String ID_SYNTAX = "[a-z0-9-]+(\\.[a-z0-9-]+)+(\\[[a-z0-9-]+\\])?";
  private static final Predicate<Method> IS_TEST = m -> AnnotationSupport.isAnnotated(m, Testable.class);

  private static List<Class<?>> scenarioClasses() {
    return ReflectionSupport.findAllClassesInPackage(SuiteRunner.SCENARIO_PACKAGE, c -> true, name -> true);
  }

  private static List<Class<?>> concreteScenarioClasses() {
    return scenarioClasses().stream()
        .filter(c -> c.isAnnotationPresent(RegistryConformance.class))
        .filter(c -> !Modifier.isAbstract(c.getModifiers()) && !c.isInterface())
        .toList();
  }

  /** Full id to the checks (class#method) that have it, for every check of every concrete scenario class. */
  private static Map<String, List<String>> fullIds() {
    Map<String, List<String>> ids = new TreeMap<>();
    for (Class<?> type : concreteScenarioClasses()) {
      for (Method method : ReflectionSupport.findMethods(type, IS_TEST, HierarchyTraversalMode.TOP_DOWN)) {
        String id = CheckIds.of(type, method).orElse("<no @CheckId>");
        ids.computeIfAbsent(id, k -> new ArrayList<>()).add(type.getName() + "#" + method.getName());
      }
    }
    return ids;
  }

  @Test
  void every_test_method_of_the_scenarios_has_a_check_id() {
    List<String> tests = new ArrayList<>();
    List<String> withoutId = new ArrayList<>();
    for (Class<?> type : scenarioClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        if (IS_TEST.test(method)) {
          tests.add(type.getSimpleName() + "#" + method.getName());
          if (!method.isAnnotationPresent(CheckId.class)) {
            withoutId.add(type.getName() + "#" + method.getName());
          }
        }
      }
    }

    assertThat(tests).as("test methods found in %s", SuiteRunner.SCENARIO_PACKAGE).hasSizeGreaterThan(10);
    assertThat(withoutId).as("@Test methods without @CheckId").isEmpty();
  }

  @Test
  void every_full_check_id_is_unique() {
    Map<String, List<String>> ids = fullIds();

    assertThat(ids).as("checks of the concrete scenario classes").hasSizeGreaterThan(20);
    Map<String, List<String>> duplicates = ids.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(duplicates).as("ids given to more than one check").isEmpty();
  }

  @Test
  void every_full_check_id_is_well_formed() {
    assertThat(fullIds().keySet()).isNotEmpty().allSatisfy(id -> assertThat(id).matches(ID_SYNTAX));
  }

  @Test
  void checks_inherited_by_the_image_format_subclasses_run_once_per_format() {
    Set<String> ids = fullIds().keySet();

    assertThat(ids).contains(
        "pull.by-digest.manifest-bytes[oci]", "pull.by-digest.manifest-bytes[docker-v2s2]",
        "push.blob.monolithic[oci]", "push.blob.monolithic[docker-v2s2]",
        "retag.second-tag.same-digest[oci]", "retag.second-tag.same-digest[docker-v2s2]",
        "untagged.push-by-digest[oci]", "untagged.push-by-digest[docker-v2s2]",
        "errors.unknown-tag");
    Set<String> formatted = ids.stream().filter(id -> id.endsWith("[oci]")).map(id -> id.replace("[oci]", ""))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> docker = ids.stream().filter(id -> id.endsWith("[docker-v2s2]"))
        .map(id -> id.replace("[docker-v2s2]", "")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(docker).as("checks run for Docker images as for OCI images").isEqualTo(formatted);
  }

  @Test
  void the_launcher_discovers_exactly_these_checks_with_these_ids() {
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(SuiteRunner.SCENARIO_PACKAGE))
        .enableImplicitConfigurationParameters(false)
        .build());
    List<String> discovered = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
          .forEach(t -> discovered.add(t.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
              .flatMap(m -> CheckIds.of(m.getJavaClass(), m.getJavaMethod()))
              .orElse("<no id: " + t.getUniqueId() + ">")));
    }

    assertThat(discovered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fullIds().keySet());
  }
}
