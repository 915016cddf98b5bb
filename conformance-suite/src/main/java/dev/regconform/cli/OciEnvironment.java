package dev.regconform.cli;

import dev.regconform.junit.Feature;
import dev.regconform.junit.Scenario;
import dev.regconform.junit.WorkflowCondition;
import dev.regconform.model.Reference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The released official conformance suite's {@code OCI_*} variables (v1.1.1, the Ginkgo suite), mapped to what
 * {@code regconform run} does with them, so an existing CI job's configuration carries over. Variables the
 * command line reads itself ({@code OCI_ROOT_URL}, {@code OCI_NAMESPACE}, {@code OCI_USERNAME},
 * {@code OCI_PASSWORD}, {@code OCI_VERSION}, {@code OCI_REPORT_DIR}) are not handled here.
 *
 * <p>Workflows: in the official suite each workflow runs only when its {@code OCI_TEST_*} variable is true. Here
 * every workflow runs by default; as soon as one of the four variables is set (to anything), the workflows whose
 * variable is not true are switched off ({@link WorkflowCondition}), and so is any workflow tag that belongs to
 * none of the four ({@link #WORKFLOWS}).
 */
final class OciEnvironment {
  static final String TEST_PULL = "OCI_TEST_PULL";
  static final String TEST_PUSH = "OCI_TEST_PUSH";
  static final String TEST_CONTENT_DISCOVERY = "OCI_TEST_CONTENT_DISCOVERY";
  static final String TEST_CONTENT_MANAGEMENT = "OCI_TEST_CONTENT_MANAGEMENT";

  /** Configuration parameter: the repository the mount checks mount into ({@code OCI_CROSSMOUNT_NAMESPACE}). */
  static final String CROSSMOUNT_NAMESPACE = Scenario.CROSSMOUNT_NAMESPACE;
  /** Configuration parameter: 201 or 202, what a mount without {@code from} must answer ({@code OCI_AUTOMATIC_CROSSMOUNT}). */
  static final String AUTOMATIC_MOUNT_EXPECT = Scenario.AUTOMATIC_MOUNT_EXPECT;
  /** Configuration parameter: {@code false} deletes blobs before manifests in cleanup ({@code OCI_DELETE_MANIFEST_BEFORE_BLOBS}). */
  static final String CLEANUP_MANIFESTS_FIRST = Scenario.MANIFESTS_FIRST;

  /**
   * Which workflow tags of the scenarios each official workflow variable switches: pull covers pulls and the
   * error checks (unknown content, error bodies, name grammar, the API base); push covers every blob upload path,
   * mount, manifest uploads, retagging, untagged manifests , authentication and the real clients (whose checks push); content discovery covers tag listing, the catalog
   * and referrers; content management covers deletion. {@code OciEnvironmentTest} fails when a scenario class
   * has a workflow tag missing here.
   */
  static final Map<String, List<String>> WORKFLOWS = workflows();

  /** Pre-loaded content for read-only runs: not supported yet, so a run that sees one says so. */
  static final List<String> READ_ONLY_CONTENT = List.of("OCI_TAG_NAME", "OCI_MANIFEST_DIGEST", "OCI_BLOB_DIGEST",
      "OCI_TAG_LIST");

  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  /**
   * What the variables ask for.
   *
   * @param parameters configuration parameters for the scenarios (workflow switches, mount and cleanup settings)
   * @param disabled features the variables turn off, each with the reason's source
   * @param warnings one line each, printed before the run
   * @param hideDisabled {@code OCI_HIDE_SKIPPED_WORKFLOWS}: no console line for a disabled check
   * @param debug {@code OCI_DEBUG}: print every HTTP exchange
   */
  record Settings(Map<String, String> parameters, Map<Feature, String> disabled, List<String> warnings,
      boolean hideDisabled, boolean debug) {}

  private OciEnvironment() {}

  private static Map<String, List<String>> workflows() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(TEST_PULL, List.of("pull", "errors"));
    m.put(TEST_PUSH, List.of("push", "manifests", "retag", "untagged", "auth", "clients", "robustness", "concurrency"));
    m.put(TEST_CONTENT_DISCOVERY, List.of("discovery", "referrers"));
    m.put(TEST_CONTENT_MANAGEMENT, List.of("delete"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Reads the variables.
   *
   * @param env a variable's value, empty when unset or blank
   * @throws IllegalArgumentException for a value the official suite would not accept either, naming the variable
   */
  static Settings read(Function<String, Optional<String>> env) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<Feature, String> disabled = new EnumMap<>(Feature.class);
    List<String> warnings = new ArrayList<>();

    boolean selecting = WORKFLOWS.keySet().stream().anyMatch(v -> env.apply(v).isPresent());
    if (selecting) {
      for (Map.Entry<String, List<String>> workflow : WORKFLOWS.entrySet()) {
        boolean on = env.apply(workflow.getKey()).map(TRUE::contains).orElse(false);
        for (String tag : workflow.getValue()) {
          String parameter = WorkflowCondition.parameter(tag);
          parameters.put(parameter, String.valueOf(on));
          if (!on) {
            parameters.put(WorkflowCondition.sourceParameter(parameter), workflow.getKey() + " is not true");
          }
        }
      }
      parameters.put(WorkflowCondition.DEFAULT, "false");
      parameters.put(WorkflowCondition.sourceParameter(WorkflowCondition.DEFAULT),
          "OCI_TEST_* variables select the workflows, and this one belongs to none of them");
    }

    env.apply("OCI_CROSSMOUNT_NAMESPACE").ifPresent(ns -> {
      if (!Reference.isValidRepository(ns)) {
        throw new IllegalArgumentException("invalid OCI_CROSSMOUNT_NAMESPACE '" + ns + "': expected a repository "
            + "name such as my-org/mount-target");
      }
      parameters.put(CROSSMOUNT_NAMESPACE, ns);
    });

    Optional<Boolean> automatic = bool(env, "OCI_AUTOMATIC_CROSSMOUNT");
    automatic.ifPresent(expect201 -> parameters.put(AUTOMATIC_MOUNT_EXPECT, expect201 ? "201" : "202"));
    if (automatic.isEmpty() && selecting) {
      // As in the official suite: without the variable, the automatic-mount checks do not run.
      disabled.put(Feature.AUTOMATIC_MOUNT, "OCI_AUTOMATIC_CROSSMOUNT is not set");
    }

    bool(env, "OCI_DELETE_MANIFEST_BEFORE_BLOBS")
        .ifPresent(manifestsFirst -> parameters.put(CLEANUP_MANIFESTS_FIRST, String.valueOf(manifestsFirst)));

    List<String> readOnly = READ_ONLY_CONTENT.stream().filter(v -> env.apply(v).isPresent()).toList();
    if (!readOnly.isEmpty()) {
      warnings.add(String.join(", ", readOnly) + (readOnly.size() == 1 ? " is" : " are")
          + " set, but checking pre-loaded content is not supported yet: the run pushes (and deletes) its own content");
    }

    boolean hide = env.apply("OCI_HIDE_SKIPPED_WORKFLOWS").map(TRUE::contains).orElse(false);
    boolean debug = env.apply("OCI_DEBUG").map(TRUE::contains).orElse(false);
    // OCI_AUTH_SCOPE (scopes come from each challenge) and OCI_SKIP_EMPTY_LAYER_PUSH_TEST (unused by the
    // official suite too) are accepted and have no effect.
    return new Settings(parameters, disabled, warnings, hide, debug);
  }

  /** A variable the official suite parses as a boolean (Go's strconv.ParseBool); empty when unset. */
  private static Optional<Boolean> bool(Function<String, Optional<String>> env, String name) {
    Optional<String> value = env.apply(name).map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (TRUE.contains(value.get())) {
      return Optional.of(true);
    }
    if (FALSE.contains(value.get())) {
      return Optional.of(false);
    }
    throw new IllegalArgumentException("invalid " + name + " '" + value.get() + "': expected true or false (1 or 0)");
  }

  /** {@code OCI_REPORT_DIR=none} (any case): write no report files. */
  static boolean isNone(String reportDir) {
    return reportDir.strip().toLowerCase(Locale.ROOT).equals("none");
  }
}
