package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.fixtures.faults.ProxiedRequest;
import dev.regconform.fixtures.faults.ProxiedResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform run} with two targets at once: two Distribution processes, each behind a proxy that records every
 * request and holds the first request of a check until the other registry has had one too. Only targets that run at
 * the same time get past that point together, so the test shows concurrency without measuring time. The pull
 * workflow alone ({@code OCI_TEST_PULL}) keeps it short.
 */
class ParallelRunIT {
  private static final long RENDEZVOUS_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void two_targets_run_at_the_same_time_each_in_its_own_namespace_with_the_verdicts_of_a_sequential_run()
      throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    CountDownLatch bothArrived = new CountDownLatch(2);
    Rendezvous first = new Rendezvous(bothArrived);
    Rendezvous second = new Rendezvous(bothArrived);
    try (DistributionProcess registry1 = DistributionProcess.start(binary.get());
        DistributionProcess registry2 = DistributionProcess.start(binary.get());
        FaultInjectingProxy proxy1 = FaultInjectingProxy.start(registry1.baseUri(), first);
        FaultInjectingProxy proxy2 = FaultInjectingProxy.start(registry2.baseUri(), second)) {
      String url1 = proxy1.baseUri().toString();
      String url2 = proxy2.baseUri().toString();

      CliRun parallel = run(Map.of("OCI_TEST_PULL", "1", "OCI_DEBUG", "1"), "run", "--target", url1, "--target", url2,
          "--namespace", "parallel-it", "--report-dir", dir.resolve("parallel").toString());

      assertThat(first.met).as("the first registry's first check request met the second's; output:%n%s", parallel)
          .isTrue();
      assertThat(second.met).as("the second registry's first check request met the first's").isTrue();

      JsonNode summary = new ObjectMapper().readTree(dir.resolve("parallel/summary.json").toFile());
      assertThat(summary.at("/targets/0/target").asText()).as("reports keep the targets' order").isEqualTo(url1);
      assertThat(summary.at("/targets/1/target").asText()).isEqualTo(url2);
      String namespace1 = summary.at("/targets/0/namespace").asText();
      String namespace2 = summary.at("/targets/1/namespace").asText();
      assertThat(namespace1).startsWith("parallel-it/run-").isNotEqualTo(namespace2);
      assertThat(namespace2).startsWith("parallel-it/run-");
      assertOnlyIn(first.requests, namespace1);
      assertOnlyIn(second.requests, namespace2);

      assertBlocksWhole(parallel.out(), url1);
      assertBlocksWhole(parallel.out(), url2);
      assertThat(parallel.out().strip().lines().reduce((a, b) -> b).orElseThrow())
          .matches("\\d+ passed, \\d+ failed, \\d+ skipped");
      JsonNode matrix = new ObjectMapper().readTree(dir.resolve("parallel/conformance-matrix.json").toFile());
      assertThat(matrix.at("/registries").size()).as("registries in the conformance matrix").isEqualTo(2);

      CliRun sequential = run(Map.of("OCI_TEST_PULL", "1"), "run", "--target", url1, "--target", url2, "--namespace",
          "parallel-it", "--parallel", "1", "--report-dir", dir.resolve("sequential").toString());

      assertThat(sequential.out()).doesNotContain("at a time (--parallel)");
      JsonNode sequentialSummary = new ObjectMapper().readTree(dir.resolve("sequential/summary.json").toFile());
      for (int i = 0; i < 2; i++) {
        assertThat(outcomes(summary, i)).as("verdicts of target %d in parallel and with --parallel 1", i + 1)
            .hasSizeGreaterThan(50).isEqualTo(outcomes(sequentialSummary, i));
      }
      assertThat(parallel.exitCode()).isEqualTo(sequential.exitCode());
    }
  }

  /** Every request the registry got was for {@code GET /v2/}, the catalog, or a repository under {@code namespace}. */
  private static void assertOnlyIn(List<String> requests, String namespace) {
    assertThat(requests).as("requests one registry got").isNotEmpty()
        .allSatisfy(r -> assertThat(r).matches("[A-Z]+ /v2/(|_catalog|" + java.util.regex.Pattern.quote(namespace)
            + "/.*)"));
  }

  /**
   * The lines from the target's {@code ==} header to its totals line: no other target's header in between, and every
   * OCI_DEBUG exchange line among them is one with this target.
   */
  private static void assertBlocksWhole(String out, String url) {
    List<String> lines = out.lines().toList();
    int start = indexOf(lines, "== " + url + " (namespace ");
    int end = indexOf(lines, "   " + url + ": ");
    assertThat(start).as("header of %s in:%n%s", url, out).isNotNegative();
    assertThat(end).as("totals line of %s", url).isGreaterThan(start);
    List<String> block = lines.subList(start + 1, end);
    assertThat(block).as("block of %s", url).noneMatch(l -> l.startsWith("== "))
        .anyMatch(l -> l.startsWith("PASS  "))
        .anyMatch(l -> l.startsWith("      > "));
    assertThat(block.stream().filter(l -> l.startsWith("      > ")))
        .allMatch(l -> l.matches("      > [A-Z]+ " + java.util.regex.Pattern.quote(url) + "/v2/.* -> \\d+"));
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, String> outcomes(JsonNode summary, int target) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    summary.at("/targets/" + target + "/checks").forEach(c -> outcomes.put(c.path("id").asText(),
        c.path("outcome").asText()));
    return outcomes;
  }

  /**
   * Records each request; the first one that is not {@code GET /v2/} (the run's preflight) waits until the other
   * registry's proxy has had one too.
   */
  private static final class Rendezvous implements Fault {
    private final CountDownLatch all;
    private final AtomicBoolean arrived = new AtomicBoolean();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean met;

    Rendezvous(CountDownLatch all) {
      this.all = all;
    }

    @Override
    public ProxiedResponse apply(ProxiedRequest request, ProxiedResponse response) {
      requests.add(request.method() + " " + request.path());
      if (!request.path().equals("/v2/") && arrived.compareAndSet(false, true)) {
        all.countDown();
        try {
          met = all.await(RENDEZVOUS_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return response;
    }
  }

  private static CliRun run(Map<String, String> environment, String... args) {
    return CliRun.execute(environment, args);
  }
}
