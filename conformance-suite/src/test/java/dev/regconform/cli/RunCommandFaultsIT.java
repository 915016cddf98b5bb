package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.fixtures.faults.Fault;
import dev.regconform.fixtures.faults.FaultInjectingProxy;
import dev.regconform.it.NativeDistribution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code regconform run} against a native Distribution behind {@link FaultInjectingProxy}, made slow or killed in the
 * middle of the run: with a request timeout above the delay every check still passes; below it, and when the registry
 * dies, the checks end broken with a clear message, in bounded time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCommandFaultsIT {
  /** Checks that all pass on Distribution 2.8.2 (24 of them, two scenario classes). */
  private static final String CHECKS = "pull.*";
  private static final Duration BOUND = Duration.ofSeconds(240);

  @RegisterExtension
  static final NativeDistribution registry = new NativeDistribution();

  /** Every answer 1.5 s late. */
  private static final Fault SLOW = (request, response) -> {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return response;
  };

  private static CliRun timed(Duration bound, String... args) {
    long start = System.nanoTime();
    CliRun run = CliRun.execute(Map.of(), args);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("wall time of regconform %s%n%s", String.join(" ", args), run).isLessThan(bound);
    assertThat(run.out() + run.err()).as("console").doesNotContain("\tat ", "Exception in thread", "internal error");
    return run;
  }

  private static List<String> checkLines(CliRun run) {
    return run.out().lines().filter(l -> l.matches("(PASS|WARN|FAIL|BRKN|SKIP)  .*")).toList();
  }

  @Test
  void a_registry_slow_by_1_5_s_passes_every_check_with_a_5_s_request_timeout() {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), SLOW)) {
      CliRun run = timed(BOUND, "run", "--target", proxy.baseUri().toString(), "--request-timeout", "5s",
          "--check", CHECKS, "--report-dir", "none");

      assertThat(run.exitCode()).as("exit status%n%s", run).isZero();
      assertThat(checkLines(run)).as("check lines%n%s", run).hasSize(24).allMatch(l -> l.startsWith("PASS  "));
    }
  }

  @Test
  void a_registry_slow_by_1_5_s_ends_the_checks_broken_in_bounded_time_with_a_1_s_request_timeout() {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(registry.baseUri(), SLOW)) {
      CliRun run = timed(Duration.ofSeconds(60), "run", "--target", proxy.baseUri().toString(), "--request-timeout",
          "1s", "--check", CHECKS, "--report-dir", "none");

      assertThat(run.exitCode()).as("exit status: broken, none failed%n%s", run).isEqualTo(2);
      assertThat(checkLines(run)).as("check lines%n%s", run).hasSize(24).allMatch(l -> l.startsWith("BRKN  "));
      assertThat(run.out()).as("what the checks say%n%s", run)
          .contains("failed: no complete answer within 1s, so the request was aborted");
      assertThat(run.lastLine()).isEqualTo("0 passed, 24 failed, 0 skipped");
    }
  }

  @Test
  void a_registry_that_dies_mid_run_ends_the_remaining_checks_broken_at_once_saying_it_stopped_answering() {
    AtomicInteger requests = new AtomicInteger();
    AtomicReference<FaultInjectingProxy> proxy = new AtomicReference<>();
    int dieAfter = 40;
    Fault dying = (request, response) -> {
      if (requests.incrementAndGet() == dieAfter) {
        new Thread(() -> proxy.get().close()).start(); // from now on its port refuses connections
      }
      return response;
    };
    proxy.set(FaultInjectingProxy.start(registry.baseUri(), dying));
    try {
      CliRun run = timed(BOUND, "run", "--target", proxy.get().baseUri().toString(), "--check", CHECKS,
          "--report-dir", "none");

      List<String> lines = checkLines(run);
      assertThat(lines).as("check lines%n%s", run).hasSize(24);
      assertThat(lines).as("broken checks").filteredOn(l -> l.startsWith("BRKN  ")).isNotEmpty();
      assertThat(lines).as("every check that did not pass broke%n%s", run)
          .allMatch(l -> l.startsWith("PASS  ") || l.startsWith("BRKN  "));
      assertThat(run.out()).as("what the checks say%n%s", run)
          .containsPattern("The registry stopped answering: \\S+ \\S+ failed: [^\\n]*Connection refused, after \\d+ "
              + "requests \\(GET /v2/ got no answer either: [^\\n]*Connection refused\\)");
      assertThat(run.exitCode()).as("exit status: broken, none failed").isEqualTo(2);
    } finally {
      proxy.get().close();
    }
  }
}
