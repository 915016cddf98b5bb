package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.Credentials;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.ReferenceRegistries;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.TokenAuthReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The auth checks against registries whose authentication is broken on purpose: one that lets unauthenticated pushes
 * through although the run has credentials, and ones whose 401s carry no challenge. Every auth check must fail, and
 * every such failure must be about that break.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenAuthIT {
  private Path binary;

  @BeforeAll
  void findBinary() {
    Optional<Path> found = DistributionProcess.findBinary();
    Assumptions.assumeTrue(found.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    binary = found.get();
  }

  @Test
  void a_registry_that_lets_unauthenticated_pushes_through_fails_every_auth_check() {
    // Distribution without auth, and a run that was told to log in: nothing protects a push.
    try (DistributionProcess open = DistributionProcess.start(binary)) {
      RegistryTarget target = new RegistryTarget(open.baseUri(), new Credentials("someone", "s3cret"),
          "regconform-it/open", false, "open registry with credentials configured");

      assertEveryAuthCheckFailsMentioning(target, "lets unauthenticated pushes through");
    }
  }

  @Test
  void an_htpasswd_registry_whose_401s_carry_no_challenge_fails_every_auth_check() {
    Map.Entry<ReferenceRegistries.Started, DistributionProcess> htpasswd =
        ReferenceRegistries.startHtpasswd(binary, "regconform-it");
    try (DistributionProcess process = htpasswd.getValue();
        FaultInjectingProxy proxy = FaultInjectingProxy.start(process.baseUri(),
            Fault.dropResponseHeader("WWW-Authenticate"))) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), htpasswd.getKey().credentials(),
          "regconform-it/no-challenge", false, "htpasswd registry without challenges");

      assertEveryAuthCheckFailsMentioning(target, "without a WWW-Authenticate challenge");
    }
  }

  @Test
  void a_token_auth_registry_whose_401s_carry_no_challenge_fails_every_auth_check() {
    try (TokenAuthReference reference = TokenAuthReference.start(binary, "regconform-it", null);
        FaultInjectingProxy proxy = FaultInjectingProxy.start(reference.started().url(),
            Fault.dropResponseHeader("WWW-Authenticate"))) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), reference.started().credentials(),
          "regconform-it/no-challenge", false, "token registry without challenges", reference.started().parameters());

      assertEveryAuthCheckFailsMentioning(target, "without a WWW-Authenticate challenge");
    }
  }

  private static void assertEveryAuthCheckFailsMentioning(RegistryTarget target, String reason) {
    // Only the auth checks are looked at; the real clients would retry the broken registry for minutes.
    java.util.Map<String, String> parameters = new java.util.HashMap<>(target.parameters());
    parameters.put(dev.regconform.junit.WorkflowCondition.parameter("clients"), "false");
    RegistryTarget authOnly = new RegistryTarget(target.url(), target.credentials(), target.namespace(),
        target.insecure(), target.description(), parameters);
    List<CheckResult> auth = SuiteRunner.run(authOnly, r -> { }).run().checks().stream()
        .filter(r -> r.id().startsWith("auth.")).toList();

    assertThat(auth).as("auth checks against %s", target.description()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(auth).allSatisfy(check -> {
      assertThat(check.outcome()).as("%s against %s: %s", check.id(), target.description(), check.message())
          .isEqualTo(Outcome.FAILED);
      assertThat(check.message()).as("why %s failed", check.id()).contains(reason);
    });
  }
}
