package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.model.Digest;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.RegistryTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A registry broken on purpose for the real clients: Distribution behind a proxy that answers every manifest request
 * with a {@code Docker-Content-Digest} that is not the digest of the manifest. The clients themselves do not notice
 * (docker 20.10, skopeo 1.9 and Jib 0.28 take a manifest's digest from its bytes, and a pull by digest checks the bytes
 * against the reference), so the client checks catch it by comparing what each client pushed or printed with what the
 * registry then claims: those checks fail naming the wrong digest, and only for that reason; the interop pulls by
 * digest are not fooled and pass.
 */
class WrongDigestHeaderClientsIT {
  private static final String WRONG = Digest.sha256("not the manifest".getBytes(StandardCharsets.UTF_8)).toString();

  private static final Fault WRONG_MANIFEST_DIGEST = (request, response) ->
      request.path().contains("/manifests/") && response.firstHeader("Docker-Content-Digest").isPresent()
          ? response.withHeader("Docker-Content-Digest", WRONG) : response;

  @Test
  void client_checks_fail_in_the_clients_own_words() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get());
        FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), WRONG_MANIFEST_DIGEST)) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/wrong-digest", false,
          "wrong digest header");

      List<CheckResult> clients = SuiteRunner.run(target, r -> { }).run().checks().stream()
          .filter(r -> r.id().startsWith("clients.")).toList();

      List<CheckResult> failed = clients.stream().filter(c -> c.outcome() == Outcome.FAILED).toList();
      assertThat(failed).extracting(CheckResult::id).contains("clients.docker.push", "clients.jib.push-docker",
          "clients.jib.push-oci", "clients.skopeo.copy-v2s2", "clients.skopeo.copy-oci-layout",
          "clients.skopeo.copy-by-digest");
      assertThat(failed).allSatisfy(c -> assertThat(c.message()).as("why %s failed", c.id())
          .contains("to have header Docker-Content-Digest").contains(WRONG));
      assertThat(clients).filteredOn(c -> c.id().startsWith("clients.interop.")).hasSize(4)
          .allSatisfy(c -> assertThat(c.outcome()).as("%s: %s", c.id(), c.message()).isEqualTo(Outcome.PASSED));
      assertThat(clients).filteredOn(c -> c.outcome() == Outcome.BROKEN).isEmpty();
    }
  }
}
