package dev.regconform.allure;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.CheckIds;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.reports.requirements.Requirement;
import dev.regconform.reports.requirements.Requirements;
import io.qameta.allure.SeverityLevel;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Allure labels of a check, from its annotations: epic = the spec's workflow category of its workflow tags
 * ({@code Pull}, {@code Push}, {@code Content discovery}, {@code Content management}), feature = its workflow tags (as
 * {@code summary.json} names them), story = its check id, severity from its level (MUST critical, SHOULD normal, MAY
 * minor), parent suite = the registry; and a link to the spec section of each requirement it {@link Covers}, whose
 * texts become its description.
 *
 * <pre>{@code
 * CheckLabels.apply(testResult, PullScenarios.ByDigest.class, method, Set.of("pull"), "Distribution 2.8.2");
 * }</pre>
 */
public final class CheckLabels {
  /** The spec's workflow categories (its "Conformance" section) by workflow tag, as {@code OCI_TEST_*} groups them. */
  private static final Map<String, String> CATEGORIES = Map.ofEntries(
      Map.entry("pull", "Pull"), Map.entry("errors", "Pull"),
      Map.entry("push", "Push"), Map.entry("manifests", "Push"), Map.entry("retag", "Push"),
      Map.entry("untagged", "Push"), Map.entry("auth", "Push"), Map.entry("clients", "Push"),
      Map.entry("robustness", "Push"), Map.entry("concurrency", "Push"),
      Map.entry("discovery", "Content discovery"), Map.entry("referrers", "Content discovery"),
      Map.entry("delete", "Content management"));
  /** The spec document the sections of {@code distribution-spec.yaml} are headings of (HEAD, as that file says). */
  static final String SPEC = "https://github.com/opencontainers/distribution-spec/blob/main/spec.md";
  /** Sections whose heading the requirements file shortens, or that live in another document. */
  private static final Map<String, String> SECTION_URLS = Map.of(
      "Checking if content exists", SPEC + "#checking-if-content-exists-in-the-registry",
      "Mounting a blob", SPEC + "#mounting-a-blob-from-another-repository",
      "Authentication (Docker token specification)", "https://distribution.github.io/distribution/spec/auth/token/",
      "Listing Repositories (Docker Registry HTTP API V2)",
      "https://distribution.github.io/distribution/spec/api/#listing-repositories");
  private static final Set<String> NOT_WORKFLOWS = Set.of("conformance");
  private static volatile Requirements requirements;

  private CheckLabels() {}

  /**
   * Adds the check's labels, links, description and {@code registry} parameter to {@code result}. Without a method, or
   * for one without {@link CheckId}, only the registry's.
   *
   * @param method the check's method; null when the result is not one's
   * @param tags the JUnit tags of the check (its class's), {@code conformance} among them
   * @param registry the target's description, e.g. {@code Distribution 2.8.2 (container)} or its URL
   */
  public static void apply(TestResult result, Class<?> testClass, Method method, Collection<String> tags,
      String registry) {
    List<Label> labels = result.getLabels();
    labels.add(ResultsUtils.createParentSuiteLabel(registry));
    result.getParameters().add(new Parameter().setName("registry").setValue(registry));
    CheckId check = method == null ? null : method.getAnnotation(CheckId.class);
    if (check == null) {
      return;
    }
    Optional<String> id = CheckIds.of(testClass, method);
    Set<String> workflows = new TreeSet<>(tags);
    workflows.removeAll(NOT_WORKFLOWS);
    new LinkedHashSet<>(workflows.stream().map(t -> CATEGORIES.getOrDefault(t, t)).toList())
        .forEach(epic -> labels.add(ResultsUtils.createEpicLabel(epic)));
    labels.add(ResultsUtils.createFeatureLabel(String.join(",", workflows)));
    id.ifPresent(story -> labels.add(ResultsUtils.createStoryLabel(story)));
    labels.add(ResultsUtils.createSeverityLabel(severity(check.level())));
    Covers covers = method.getAnnotation(Covers.class);
    if (covers != null) {
      List<String> lines = new ArrayList<>();
      for (String requirementId : covers.value()) {
        Optional<Requirement> requirement = requirements().flatMap(r -> r.find(requirementId));
        result.getLinks().add(requirement.map(CheckLabels::link)
            .orElseGet(() -> new Link().setName(requirementId).setUrl(SPEC).setType("link")));
        requirement.ifPresent(r -> lines.add("- **" + r.id() + "** (" + r.levelLabel() + ", " + r.section() + "): "
            + r.text()));
      }
      if (!lines.isEmpty()) {
        result.setDescription("Check `" + id.orElseThrow() + "` (" + check.level() + ") covers:\n\n" + String.join("\n", lines));
      }
    }
  }

  /** The spec's workflow category of a workflow tag, e.g. {@code Pull} for {@code errors}; empty for an unknown tag. */
  public static Optional<String> category(String tag) {
    return Optional.ofNullable(CATEGORIES.get(tag));
  }

  /** The workflow tags {@link #category} knows. */
  public static Set<String> workflowTags() {
    return CATEGORIES.keySet();
  }

  /** MUST critical, SHOULD normal, MAY minor: how much a finding of the check weighs. */
  static SeverityLevel severity(Level level) {
    return switch (level) {
      case MUST -> SeverityLevel.CRITICAL;
      case SHOULD -> SeverityLevel.NORMAL;
      case MAY -> SeverityLevel.MINOR;
    };
  }

  /** {@code R6 (MUST): Pulling manifests}, to the section in the spec. */
  static Link link(Requirement requirement) {
    return new Link().setName(requirement.id() + " (" + requirement.levelLabel() + "): " + requirement.section())
        .setUrl(sectionUrl(requirement.section())).setType("link");
  }

  /** The URL of a section of the spec: its heading's anchor as GitHub makes it, or the document it lives in. */
  static String sectionUrl(String section) {
    String known = SECTION_URLS.get(section);
    if (known != null) {
      return known;
    }
    String anchor = section.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    return SPEC + "#" + anchor;
  }

  private static Optional<Requirements> requirements() {
    if (requirements == null) {
      try {
        requirements = Requirements.load();
      } catch (RuntimeException unreadable) {
        return Optional.empty(); // the build checks the file; a report does without its texts
      }
    }
    return Optional.of(requirements);
  }
}
