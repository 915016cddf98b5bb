package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.fixtures.faults.ProxiedResponse;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.RegistryTarget;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks against Distribution broken on purpose, one way at a time, by a proxy: each break must make
 * the checks that look at that behaviour fail, and every failure must be about that behaviour. Shows that
 * the checks can fail, and fail for the right reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenRegistriesIT {
  private DistributionProcess registry;

  /**
   * A way to break the registry.
   *
   * @param name what is broken
   * @param fault the proxy's fault
   * @param mustFail checks (without format suffix) that must not pass (fail, or warn for a SHOULD), for both formats
   * @param everyFailureMentions text every failure message must contain, so no check fails for another reason
   * @param uploadsStillWork whether content can still be pushed, so checks of unknown content must still pass
   */
  record Case(String name, Fault fault, List<String> mustFail, String everyFailureMentions, boolean uploadsStillWork) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no Docker-Content-Digest header", Fault.dropResponseHeader("Docker-Content-Digest"),
            List.of("push.blob.monolithic", "push.blob.streamed", "push.manifest.by-tag", "pull.by-tag.content-digest",
                "pull.by-digest.content-digest", "pull.blobs.config", "pull.blobs.layers", "pull.blobs.head",
                "untagged.push-by-digest"),
            "Docker-Content-Digest", true),
        new Case("no Location header", Fault.dropResponseHeader("Location"),
            List.of("push.blob.monolithic", "push.blob.streamed", "push.manifest.by-tag", "pull.by-tag.manifest-bytes",
                "untagged.pull-by-digest"),
            "Location", false),
        new Case("manifests served as application/json", (request, response) ->
                request.path().contains("/manifests/") && response.status() == 200
                    ? response.withHeader("Content-Type", "application/json") : response,
            List.of("pull.by-tag.content-type", "pull.by-digest.content-type"),
            "Content-Type", true),
        new Case("a tag that was never pushed in the tag list", (request, response) ->
                request.path().endsWith("/tags/list") && response.status() == 200 ? withExtraTag(response) : response,
            List.of("tags.list.exact", "untagged.not-in-tag-list"),
            "never-pushed", true));
  }

  @BeforeAll
  void startRegistry() {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    registry = DistributionProcess.start(binary.get());
  }

  @AfterAll
  void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void each_break_fails_the_checks_that_look_at_it_and_only_for_that_reason(Case broken) throws Exception {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), broken.fault())) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/broken", false, broken.name());

      // Distribution's own known deviations (expected-verdicts/distribution) are not about the break.
      ExpectedVerdicts distribution = ExpectedVerdicts.load("distribution");
      List<CheckResult> results = SuiteRunner.run(target, r -> { }).run().checks().stream()
          .filter(r -> !distribution.isKnownDeviation(r))
          // The real clients' checks fail with the client's own error, which need not name the broken header.
          .filter(r -> !r.id().startsWith("clients.")).toList();

      List<CheckResult> failed = results.stream()
          .filter(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.WARNING).toList();
      List<String> mustFail = broken.mustFail().stream()
          .flatMap(id -> Stream.of(id + "[oci]", id + "[docker-v2s2]")).toList();
      assertThat(failed).extracting(CheckResult::id).as("failed checks with %s", broken).containsAll(mustFail);
      assertThat(failed).allSatisfy(f -> assertThat(f.message()).as("why %s failed", f.id())
          .contains(broken.everyFailureMentions()));
      if (broken.uploadsStillWork()) {
        assertThat(results).filteredOn(r -> r.id().startsWith("errors.")).extracting(CheckResult::outcome)
            .as("unknown-content checks do not depend on %s", broken).containsOnly(Outcome.PASSED);
      }
    }
  }

  private static ProxiedResponse withExtraTag(ProxiedResponse response) throws java.io.IOException {
    String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8)
        .replace("\"tags\":[", "\"tags\":[\"never-pushed\",");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return response.withBody(new ByteArrayInputStream(bytes)).withHeader("Content-Length", String.valueOf(bytes.length));
  }
}
