package dev.regconform.junit;

import dev.regconform.target.RunOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Disables checks whose {@link RequiresFeature} names a feature the configuration turned off: listed in {@value #DISABLE}
 * (comma-separated keys, as {@code regconform run --disable} takes them), or {@code regconform.feature.<key>=false} in the
 * run's or the registry's own parameters ({@link dev.regconform.target.RegistryTarget#withParameter}).
 */
final class FeatureCondition implements ExecutionCondition {
  /** Configuration parameter: the features the registry does not offer, e.g. {@code catalog,referrers}. */
  static final String DISABLE = "regconform.disable";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<Feature> required = new ArrayList<>();
    context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresFeature.class))
        .ifPresent(r -> required.addAll(List.of(r.value())));
    Optional<String> disable = context.getConfigurationParameter(DISABLE);
    List<String> disabledByList = disable.map(FeatureCondition::keys).orElse(List.of());
    for (Feature feature : required) {
      if (disabledByList.contains(feature.key())) {
        return ConditionEvaluationResult.disabled("disabled by configuration: " + feature.description() + " is off ("
            + DISABLE + "=" + disable.get() + ")");
      }
      boolean on = RegistryTargetExtension.parameter(context, feature.parameter()).map(Boolean::parseBoolean).orElse(true);
      if (!on) {
        Optional<String> source = RegistryTargetExtension.parameter(context, feature.sourceParameter());
        return ConditionEvaluationResult.disabled("disabled by configuration: " + feature.description() + " is off ("
            + source.orElse(feature.parameter() + "=false") + ")");
      }
      // What regconform run's RunOptions does for --spec 1.0, for a run without it (another project's suite).
      Optional<String> spec = context.getConfigurationParameter(RunOptions.SPEC);
      if (spec.filter("1.0"::equals).isPresent() && (feature == Feature.REFERRERS || feature == Feature.AUTOMATIC_MOUNT)) {
        return ConditionEvaluationResult.disabled("disabled by configuration: " + feature.description() + " is off ("
            + RunOptions.SPEC + "=1.0 does not define it)");
      }
    }
    return ConditionEvaluationResult.enabled("all required features are on");
  }

  private static List<String> keys(String list) {
    List<String> keys = new ArrayList<>();
    for (String key : list.split(",")) {
      if (!key.isBlank()) {
        try {
          keys.add(Feature.fromKey(key.strip()).key());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(DISABLE + "=" + list + ": " + e.getMessage(), e);
        }
      }
    }
    return keys;
  }
}
