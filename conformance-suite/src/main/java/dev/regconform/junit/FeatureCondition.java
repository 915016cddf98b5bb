package dev.regconform.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables checks whose {@link RequiresFeature} names a feature the configuration turned off. */
final class FeatureCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<Feature> required = new ArrayList<>();
    context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresFeature.class))
        .ifPresent(r -> required.addAll(List.of(r.value())));
    for (Feature feature : required) {
      boolean on = context.getConfigurationParameter(feature.parameter()).map(Boolean::parseBoolean).orElse(true);
      if (!on) {
        Optional<String> source = context.getConfigurationParameter(feature.sourceParameter());
        return ConditionEvaluationResult.disabled("disabled by configuration: " + feature.description() + " is off ("
            + source.orElse(feature.parameter() + "=false") + ")");
      }
    }
    return ConditionEvaluationResult.enabled("all required features are on");
  }
}
