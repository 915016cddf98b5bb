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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concurrency checks against Distribution broken on purpose by a proxy, one way at a time: a single answer spoilt
 * among the many a race sends must fail the check that races, for that reason; with nothing broken, every concurrency
 * check passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyFaultsIT {
  private static final RunOptions OPTIONS = new RunOptions("1.1", Map.of(),
      Map.of(CheckSelection.PARAMETER, "concurrency.*"));

  @RegisterExtension
  static final NativeDistribution registry = new NativeDistribution();

  /**
   * @param mustFail the check ids that must fail; every other concurrency check must pass
   * @param failureMentions a pattern the failure message must contain
   */
  record Case(String name, Fault fault, List<String> mustFail, String failureMentions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("nothing broken", (request, response) -> response, List.of(), ""),
        new Case("the third layer pull racing the delete cut short", cutShortOnce("delete-race/blobs/", 3),
            List.of("concurrency.delete.racing-pull"), "truncated"),
        new Case("the contested tag served as a manifest nobody wrote", (request, response) ->
                request.path().endsWith("/manifests/contested") && request.method().equals("GET")
                    && response.status() == 200 ? rewritten(response, "of 8", "of 9") : response,
            List.of("concurrency.tag.different-manifests"), "none of the 8 manifests written"),
        new Case("blob downloads corrupted", Fault.CORRUPT_BLOB_DOWNLOADS,
            List.of("concurrency.blob.same-blob", "concurrency.upload.interleaved", "concurrency.delete.racing-pull"),
            "are not the \\d+ bytes pushed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void one_spoilt_answer_in_a_race_fails_the_check_that_raced_and_only_that(Case broken) {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), broken.fault())) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/racing", false, broken.name());

      List<CheckResult> results = SuiteRunner.run(target, OPTIONS, r -> { }).run().checks();

      assertThat(results).extracting(CheckResult::id).as("the concurrency checks that ran")
          .contains("concurrency.blob.same-blob", "concurrency.delete.racing-pull");
      assertThat(results).filteredOn(r -> r.outcome() != Outcome.PASSED)
          .extracting(CheckResult::id).as("checks that did not pass with %s", broken)
          .containsExactlyInAnyOrderElementsOf(broken.mustFail());
      assertThat(results).filteredOn(r -> broken.mustFail().contains(r.id())).allSatisfy(r -> {
        assertThat(r.outcome()).as("outcome of %s", r.id()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).as("why %s failed", r.id()).containsPattern(broken.failureMentions());
      });
    }
  }

  /** The {@code nth} 200 answer to a GET whose path contains {@code pathPart}, its body cut to half. */
  private static Fault cutShortOnce(String pathPart, int nth) {
    AtomicInteger seen = new AtomicInteger();
    return (request, response) -> {
      if (!request.method().equals("GET") || !request.path().contains(pathPart) || response.status() != 200
          || seen.incrementAndGet() != nth) {
        return response;
      }
      byte[] body = response.body().readAllBytes();
      byte[] half = Arrays.copyOf(body, body.length / 2);
      return response.withBody(new ByteArrayInputStream(half)).withHeader("Content-Length", String.valueOf(half.length));
    };
  }

  private static ProxiedResponse rewritten(ProxiedResponse response, String from, String to) throws IOException {
    byte[] bytes = new String(response.body().readAllBytes(), StandardCharsets.UTF_8).replace(from, to)
        .getBytes(StandardCharsets.UTF_8);
    return response.withBody(new ByteArrayInputStream(bytes)).withHeader("Content-Length", String.valueOf(bytes.length));
  }
}
