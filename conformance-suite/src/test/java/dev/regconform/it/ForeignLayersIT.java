package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.distribution.DistributionContainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.fixtures.faults.ProxiedRequest;
import dev.regconform.fixtures.faults.ProxiedResponse;
import dev.regconform.junit.WorkflowCondition;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.scenarios.formats.ForeignLayerScenarios;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /**
   * A registry that keeps manifests as parsed documents and writes them back the way Go's encoder does: {@code urls}
   * dropped (an older schema without the field), {@code <}, {@code >}, {@code &} and U+2028 escaped. The round trip of
   * the foreign layer and the artifact's pull must fail, on the bytes.
   */
  @Test
  void a_registry_that_drops_urls_and_re_serialises_manifests_is_caught() throws Exception {
    Path binary = binary();
    try (DistributionProcess registry = DistributionProcess.builder(binary).allowForeignUrls(ALLOWED).start();
        FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), ForeignLayersIT::reSerialise)) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/re-serialising", false,
          "re-serialising");
      List<CheckResult> results = SuiteRunner.run(target, manifestsOnly(), r -> { }).run().checks();

      assertThat(results).filteredOn(r -> List.of("formats.foreign-layer.round-trip[oci]",
              "formats.foreign-layer.round-trip[docker-v2s2]", "formats.artifact.pull").contains(r.id()))
          .hasSize(3)
          .allSatisfy(r -> {
            assertThat(r.outcome()).as("%s", r.id()).isEqualTo(Outcome.FAILED);
            assertThat(r.message()).as("why %s failed", r.id()).contains("to be exactly the");
          });
    }
  }

  private static ProxiedResponse reSerialise(ProxiedRequest request, ProxiedResponse response) throws IOException {
    if (!request.path().contains("/manifests/") || response.status() != 200 || !request.method().equals("GET")) {
      return response;
    }
    JsonNode document = JSON.readTree(response.body().readAllBytes());
    for (JsonNode layer : document.path("layers")) {
      ((ObjectNode) layer).remove("urls");
    }
    String goStyle = JSON.writeValueAsString(document).replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("&", "\\u0026").replace("\u2028", "\\u2028");
    byte[] bytes = goStyle.getBytes(StandardCharsets.UTF_8);
    return response.withBody(new ByteArrayInputStream(bytes)).withHeader("Content-Length", String.valueOf(bytes.length));
  }

  private static RunOptions manifestsOnly() {
    return new RunOptions("1.1", Map.of(), Map.of(
        WorkflowCondition.DEFAULT, "false", WorkflowCondition.parameter("manifests"), "true"));
  }

  private static Path binary() {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    return binary.get();
  }

  private static List<CheckResult> assertVerdicts(String reference, URI url) throws Exception {
    RegistryTarget target = new RegistryTarget(url, null, "regconform-it/" + reference, false, reference);
    List<CheckResult> results = SuiteRunner.run(target, manifestsOnly(), r -> { }).run().checks();

    assertThat(results).filteredOn(r -> FOREIGN_LAYER_CHECKS.test(r.id())).as("foreign-layer checks run")
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(ExpectedVerdicts.load(reference).differences(results, FOREIGN_LAYER_CHECKS))
        .as("verdicts of the foreign-layer checks against %s that differ from expected-verdicts/%s", reference, reference)
        .isEmpty();
    return results;
  }
}
