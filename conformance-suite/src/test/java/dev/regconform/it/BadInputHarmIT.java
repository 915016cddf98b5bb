package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.fixtures.faults.ProxiedResponse;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.CheckSelection;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad-input corpus catches harm: Distribution behind a proxy that makes it accept bad input, or lose the sentinel
 * after a bad request. The cases that Distribution passes on its own must then fail, and say what happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputHarmIT {
  /** Cases Distribution 2.8.2 refuses with a 4xx on its own (expected-verdicts/distribution/bad-*.txt). */
  private static final List<String> CASES = List.of("robustness.bad-manifest.malformed-json",
      "robustness.bad-manifest.schema-version.string", "robustness.bad-manifest.config.missing",
      "robustness.bad-name.tag.space");

  @RegisterExtension
  static final NativeDistribution registry = new NativeDistribution();

  @Test
  void a_registry_that_answers_a_bad_manifest_with_201_fails_every_case_as_accepting_bad_input() throws Exception {
    // The registry refused (4xx) but says it stored the manifest: to a client that is accepting bad input.
    Fault accepts = (request, response) -> request.method().equals("PUT") && request.path().contains("/manifests/")
        && response.status() >= 400 && response.status() < 500
        ? response.withStatus(201).withBody(new ByteArrayInputStream(new byte[0])).withHeader("Content-Length", "0")
        : response;

    List<CheckResult> results = runBehind(accepts);

    assertThat(results).extracting(CheckResult::id).containsExactlyInAnyOrderElementsOf(CASES);
    assertThat(results).allSatisfy(r -> {
      assertThat(r.outcome()).as("%s behind a registry that accepts bad input", r.id()).isEqualTo(Outcome.FAILED);
      assertThat(r.message()).as("why %s failed", r.id()).contains("the registry accepted bad input (201)");
    });
  }

  @Test
  void a_registry_that_loses_the_sentinel_after_a_bad_request_fails_every_case_naming_the_sentinel() throws Exception {
    AtomicBoolean badRequestSeen = new AtomicBoolean();
    Fault losesSentinel = (request, response) -> {
      if (request.method().equals("PUT") && response.status() >= 400) {
        badRequestSeen.set(true);
      }
      boolean sentinelRead = request.path().endsWith("/manifests/sentinel") && !request.method().equals("PUT");
      return sentinelRead && badRequestSeen.get()
          ? response.withStatus(404).withBody(new ByteArrayInputStream(new byte[0])).withHeader("Content-Length", "0")
          : response;
    };

    List<CheckResult> results = runBehind(losesSentinel);

    assertThat(results).extracting(CheckResult::id).containsExactlyInAnyOrderElementsOf(CASES);
    assertThat(results).allSatisfy(r -> {
      assertThat(r.outcome()).as("%s behind a registry that loses the sentinel", r.id()).isEqualTo(Outcome.FAILED);
      assertThat(r.message()).as("why %s failed", r.id()).contains("the sentinel manifest")
          .contains(":sentinel no longer comes back as pushed");
    });
  }

  private List<CheckResult> runBehind(Fault fault) throws Exception {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), fault)) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/harm", false, "harm");
      RunOptions options = new RunOptions("1.1", Map.of(), Map.of(CheckSelection.PARAMETER, String.join(",", CASES)));
      return SuiteRunner.run(target, options, r -> { }).run().checks();
    }
  }
}
