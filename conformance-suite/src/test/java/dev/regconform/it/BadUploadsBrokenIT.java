package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.CheckSelection;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.RegistryTarget;
import dev.regconform.target.RunOptions;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad-upload corpus against Distribution broken on purpose by a proxy: the cases that look at the break must fail,
 * naming it. Shows that the corpus can fail, and fails for the right reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadUploadsBrokenIT {
  @RegisterExtension
  static final NativeDistribution registry = new NativeDistribution();

  /** A registry that says 201 to a closing PUT whose digest it found wrong (it still stores nothing). */
  @Test
  void a_registry_that_answers_201_to_a_wrong_digest_fails_the_digest_cases_as_accepting_bad_input() throws Exception {
    Fault acceptsWrongDigests = (request, response) -> request.method().equals("PUT")
        && request.path().contains("/blobs/uploads/") && response.status() == 400
        ? response.withStatus(201).withBody(new ByteArrayInputStream(new byte[0])).withHeader("Content-Length", "0")
        : response;

    List<CheckResult> results = run(acceptsWrongDigests, "robustness.bad-upload.digest*");

    assertThat(results).filteredOn(r -> r.outcome() == Outcome.FAILED).extracting(CheckResult::id)
        .as("bad-upload digest cases that fail behind a proxy answering 201 to refused PUTs")
        .contains("robustness.bad-upload.digest-mismatch.put-after-patch", "robustness.bad-upload.digest-mismatch.chunked",
            "robustness.bad-upload.digest-mismatch.existing-digest", "robustness.bad-upload.digest.malformed",
            "robustness.bad-upload.digest.missing", "robustness.bad-upload.digest.empty");
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.FAILED)
        .allSatisfy(r -> assertThat(r.message()).as("why %s failed", r.id())
            .contains("the registry accepted bad input (201)"));
  }

  /** A registry that loses the sentinel's tag: every case that sent its bad request must say the sentinel is harmed. */
  @Test
  void a_registry_that_no_longer_serves_the_sentinel_fails_every_case_naming_the_sentinel() throws Exception {
    Fault dropsSentinel = (request, response) -> request.method().equals("GET")
        && request.path().endsWith("/manifests/sentinel")
        ? response.withStatus(404).withBody(new ByteArrayInputStream(new byte[0])).withHeader("Content-Length", "0")
        : response;

    List<CheckResult> results = run(dropsSentinel, "robustness.bad-upload.digest-mismatch.put-after-patch,"
        + "robustness.bad-upload.session.*,robustness.bad-upload.mount.*");

    assertThat(results).extracting(CheckResult::outcome).as("outcomes with the sentinel's tag gone: %s", results)
        .containsOnly(Outcome.FAILED);
    assertThat(results).allSatisfy(r -> assertThat(r.message()).as("why %s failed", r.id())
        .contains("the sentinel manifest").contains(":sentinel no longer comes back as pushed"));
  }

  private List<CheckResult> run(Fault fault, String checks) throws Exception {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), fault)) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/broken-uploads", false,
          "broken");
      RunOptions options = new RunOptions("1.1", Map.of(), Map.of(CheckSelection.PARAMETER, checks));
      List<CheckResult> results = SuiteRunner.run(target, options, r -> { }).run().checks();
      assertThat(results).as("checks matching %s", checks).isNotEmpty();
      return results;
    }
  }
}
