package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.distribution.DistributionContainer;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.junit.WorkflowCondition;
import dev.regconform.reports.CheckResult;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.scenarios.formats.ForeignLayerScenarios;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * Images with foreign / non-distributable layers against Distribution 2.8.2 under both policies: with
 * {@code validation.manifests.urls.allow} naming the suite's foreign URLs the manifests are stored and round-trip
 * ({@code expected-verdicts/distribution-foreign-urls.txt}); with the default policy they are refused, and the checks
 * end as {@code expected-verdicts/distribution/formats.txt} records (unsupported, and the 500 a failure). Only the
 * {@code manifests} workflow runs, and only the foreign-layer checks are compared.
 */
class ForeignLayersIT {
  /** The suite's foreign URLs, and those of the official non-distributable data set. */
  private static final String[] ALLOWED = {ForeignLayerScenarios.URL_ALLOW_REGEX, "^https://example\\.com/regconform/"};
  private static final Predicate<String> FOREIGN_LAYER_CHECKS =
      id -> id.startsWith("formats.foreign-layer.") || id.startsWith("manifests.data.non-distributable.");

  @Test
  void with_foreign_urls_allowed_the_foreign_layer_checks_pass_on_distribution_as_a_process() throws Exception {
    Path binary = binary();
    try (DistributionProcess registry = DistributionProcess.builder(binary)
        .allowForeignUrls(ALLOWED).start()) {
      List<CheckResult> results = assertVerdicts("distribution-foreign-urls", registry.baseUri());
      assertThat(results).filteredOn(r -> r.id().startsWith("formats.foreign-layer.round-trip"))
          .as("the round trips that ran").hasSize(2);
    }
  }

  @Test
  void with_foreign_urls_allowed_the_foreign_layer_checks_pass_on_distribution_in_a_container() throws Exception {
    DockerImageName image = DistributionContainer.configuredImage();
    Optional<String> unavailable = DistributionContainer.unavailableReason(image);
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    try (DistributionContainer registry = new DistributionContainer(image)
        .withForeignUrlsAllowed(ALLOWED)) {
      registry.start();
      assertVerdicts("distribution-foreign-urls", registry.getRegistryUrl());
    }
  }

  @Test
  void with_the_default_policy_the_foreign_layer_checks_end_as_recorded() throws Exception {
    try (DistributionProcess registry = DistributionProcess.start(binary())) {
      assertVerdicts("distribution", registry.baseUri());
    }
  }

  private static Path binary() {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    return binary.get();
  }

  private static List<CheckResult> assertVerdicts(String reference, URI url) throws Exception {
    RegistryTarget target = new RegistryTarget(url, null, "regconform-it/" + reference, false, reference);
    RunOptions manifestsOnly = new RunOptions("1.1", Map.of(), Map.of(
        WorkflowCondition.DEFAULT, "false", WorkflowCondition.parameter("manifests"), "true"));
    List<CheckResult> results = SuiteRunner.run(target, manifestsOnly, r -> { }).run().checks();

    assertThat(results).filteredOn(r -> FOREIGN_LAYER_CHECKS.test(r.id())).as("foreign-layer checks run")
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(ExpectedVerdicts.load(reference).differences(results, FOREIGN_LAYER_CHECKS))
        .as("verdicts of the foreign-layer checks against %s that differ from expected-verdicts/%s", reference, reference)
        .isEmpty();
    return results;
  }
}
