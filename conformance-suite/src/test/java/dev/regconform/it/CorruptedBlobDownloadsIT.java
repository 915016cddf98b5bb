package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.InteropMatrix;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import dev.regconform.runner.SuiteRunner;
import dev.regconform.target.RegistryTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A registry broken on purpose: Distribution behind a proxy that flips one byte of every blob download and
 * keeps every header. The checks that download blobs must fail — the pulls of config and layers, and the
 * pushes, which read the stored blob back from the Location they were given — and every failure must say
 * which digest was expected and which digest the received bytes have, so no check fails for another reason.
 */
class CorruptedBlobDownloadsIT {
  private static final Pattern EXPECTED = Pattern.compile("to have digest:\\s+<(sha256:[0-9a-f]{64})>");
  private static final Pattern RECEIVED = Pattern.compile("bytes received have digest:\\s+<(sha256:[0-9a-f]{64})>");

  @Test
  void blob_download_checks_fail_showing_expected_and_actual_digest_and_nothing_else_fails() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get());
        FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), Fault.CORRUPT_BLOB_DOWNLOADS)) {
      RegistryTarget target = new RegistryTarget(proxy.baseUri(), null, "regconform-it/corrupt", false, "corrupting proxy");

      // Distribution's own known deviations (expected-verdicts/distribution) are not about the break.
      ExpectedVerdicts distribution = ExpectedVerdicts.load("distribution");
      TargetRun run = SuiteRunner.run(target, r -> { }).run();
      List<CheckResult> results = run.checks().stream().filter(r -> !distribution.isKnownDeviation(r)).toList();

      // The interop matrix: every client pushes fine (only downloads are corrupted), and every pull of what another
      // client pushed fails, each in the puller's own words.
      InteropMatrix matrix = InteropMatrix.of(run).orElseThrow();
      System.out.println(matrix.toText());
      assertThat(matrix.rows()).extracting(InteropMatrix.Row::pusher)
          .containsExactlyInAnyOrder("toolkit", "docker", "skopeo", "jib");
      for (InteropMatrix.Row row : matrix.rows()) {
        assertThat(row.push().status()).as("push of %s: %s", row.pusher(), row.push()).isEqualTo(InteropMatrix.Status.OK);
        assertThat(row.pulls()).as("pulls of what %s pushed", row.pusher()).hasSize(3)
            .allSatisfy((puller, cell) -> assertThat(cell.status()).as("%s -> %s: %s", row.pusher(), puller, cell)
                .isEqualTo(InteropMatrix.Status.FAILED))
            // Each puller says in its own words that what it received is not what the digest names.
            .allSatisfy((puller, cell) -> assertThat(cell.detail()).as("%s -> %s", row.pusher(), puller)
                .containsIgnoringCase("digest"));
      }

      // The real clients verify what they download themselves: their checks fail with the client's own error.
      List<CheckResult> clients = results.stream().filter(r -> r.id().startsWith("clients.")).toList();
      assertThat(clients).filteredOn(r -> r.id().equals("clients.docker.pull-by-digest"))
          .singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.FAILED))
          .satisfies(r -> assertThat(r.message()).contains("the client reported:").contains("verification failed"));
      results = results.stream().filter(r -> !r.id().startsWith("clients.")).toList();

      List<CheckResult> failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
      // Every check that downloads a blob fails; listing those that must, the rest is checked by the reason.
      assertThat(failed).extracting(CheckResult::id).contains(
          "pull.blobs.config[oci]", "pull.blobs.layers[oci]",
          "pull.blobs.config[docker-v2s2]", "pull.blobs.layers[docker-v2s2]",
          "push.blob.monolithic[oci]", "push.blob.streamed[oci]",
          "push.blob.monolithic[docker-v2s2]", "push.blob.streamed[docker-v2s2]");
      assertThat(results).filteredOn(r -> r.outcome() == Outcome.SKIPPED).isEmpty();
      for (CheckResult f : failed) {
        assertThat(f.message()).contains("Expecting the body of").contains("to have digest:")
            .contains("but the bytes received have digest:");
        Matcher expected = EXPECTED.matcher(f.message());
        Matcher received = RECEIVED.matcher(f.message());
        assertThat(expected.find()).as("expected digest in %s", f.message()).isTrue();
        assertThat(received.find()).as("digest of the received bytes in %s", f.message()).isTrue();
        assertThat(received.group(1)).as("digest of the corrupted bytes").isNotEqualTo(expected.group(1));
      }
    }
  }
}
