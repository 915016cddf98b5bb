package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.embedded.EmbeddedArtipieRegistry;
import dev.regconform.fixtures.distribution.DistributionContainer;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.reports.CheckResult;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.ReferenceRegistries;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.TokenAuthReference;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * The suite against every reference registry, asserting the verdict of each check: Distribution 2.8.2
 * passes every check; the Artipie adapter's known deviations (each confirmed with curl) are listed in
 * {@code expected-verdicts/artipie-embedded.txt}.
 */
class ReferenceRegistriesIT {

  @Test
  void distribution_as_a_process_passes_every_check() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      assertVerdicts("distribution", registry.baseUri());
    }
  }

  @Test
  void distribution_in_a_container_passes_every_check() throws Exception {
    DockerImageName image = DistributionContainer.configuredImage();
    Optional<String> unavailable = DistributionContainer.unavailableReason(image);
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    try (DistributionContainer registry = new DistributionContainer(image)) {
      registry.start();
      assertVerdicts("distribution", registry.getRegistryUrl());
    }
  }

  @Test
  void distribution_with_token_auth_passes_every_check_with_the_owners_credentials() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (TokenAuthReference reference = TokenAuthReference.start(binary.get(), "regconform-it", null)) {
      assertVerdicts(TokenAuthReference.ID, reference.started().target("regconform-it/" + TokenAuthReference.ID));
    }
  }

  @Test
  void distribution_with_htpasswd_passes_every_check_with_the_credentials() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    Map.Entry<ReferenceRegistries.Started, DistributionProcess> reference =
        ReferenceRegistries.startHtpasswd(binary.get(), "regconform-it");
    try (DistributionProcess process = reference.getValue()) {
      assertVerdicts(ReferenceRegistries.HTPASSWD_ID,
          reference.getKey().target("regconform-it/" + ReferenceRegistries.HTPASSWD_ID));
    }
  }

  @Test
  void artipie_embedded_gets_exactly_its_known_deviations() throws Exception {
    try (EmbeddedArtipieRegistry registry = EmbeddedArtipieRegistry.start()) {
      assertVerdicts("artipie-embedded", registry.baseUri());
    }
  }

  private static void assertVerdicts(String reference, URI url) throws Exception {
    assertVerdicts(reference, new RegistryTarget(url, null, "regconform-it/" + reference, false, reference));
  }

  private static void assertVerdicts(String reference, RegistryTarget target) throws Exception {
    List<CheckResult> results = SuiteRunner.run(target, r -> { }).run().checks();

    assertThat(results).as("checks run against %s", reference).hasSizeGreaterThanOrEqualTo(Checks.MINIMUM_COUNT);
    assertThat(ExpectedVerdicts.load(reference).differences(results))
        .as("verdicts against %s that differ from expected-verdicts/%s.txt", reference, reference)
        .isEmpty();
  }
}
