package dev.regconform.junit;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Workflow switches: disables a scenario class (and so each of its checks) when configuration turned one of its
 * workflow tags ({@code @Tag("pull")}, …) off. A tag is off when {@code regconform.workflow.<tag>} is
 * {@code false}; a tag without its own parameter follows {@code regconform.workflow.default} (on when absent).
 * Each switch has a {@code .source} parameter naming the setting that turned it off, for the disabled reason,
 * e.g. {@code disabled by configuration: OCI_TEST_CONTENT_MANAGEMENT is not true}. A check runs only when every
 * workflow it belongs to is on.
 */
public final class WorkflowCondition implements ExecutionCondition {
  /** The parameter prefix: {@code regconform.workflow.<tag>}. */
  public static final String PREFIX = "regconform.workflow.";
  /** The switch of every workflow tag that has none of its own. */
  public static final String DEFAULT = PREFIX + "default";
  private static final Set<String> NOT_WORKFLOWS = Set.of("conformance");

  /**
   * The parameter that turns a workflow tag on or off.
   *
   * @param tag a workflow tag, e.g. {@code pull}
   * @return e.g. {@code regconform.workflow.pull}
   */
  public static String parameter(String tag) {
    return PREFIX + tag;
  }

  /**
   * The parameter that names where a switch came from, shown in the disabled reason.
   *
   * @param parameter a switch, e.g. {@code regconform.workflow.pull} or {@link #DEFAULT}
   * @return the switch's name with {@code .source} appended
   */
  public static String sourceParameter(String parameter) {
    return parameter + ".source";
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    for (String tag : new TreeSet<>(context.getTags())) {
      if (NOT_WORKFLOWS.contains(tag)) {
        continue;
      }
      String parameter = context.getConfigurationParameter(parameter(tag)).isPresent() ? parameter(tag) : DEFAULT;
      boolean on = context.getConfigurationParameter(parameter).map(Boolean::parseBoolean).orElse(true);
      if (!on) {
        Optional<String> source = context.getConfigurationParameter(sourceParameter(parameter));
        return ConditionEvaluationResult.disabled("disabled by configuration: "
            + source.orElse(parameter + "=false") + " (workflow '" + tag + "')");
      }
    }
    return ConditionEvaluationResult.enabled("every workflow of the check is on");
  }
}
