package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.target.RunOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The last resort against a check that hangs: JUnit's default timeout, derived from the request timeout
 * ({@link RunOptions#checkTimeout()}), ends it, and the check is reported broken saying it timed out.
 */
class CheckTimeoutTest {
  /** Stands for a check that waits for something that never comes. */
  static class Hanging {
    @Test
    void waits_forever() throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void a_check_that_outlives_the_timeout_ends_broken_saying_it_timed_out() {
    CheckResultListener listener = new CheckResultListener(r -> { });
    long start = System.nanoTime();
    LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
        .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Hanging.class))
            .configurationParameter("junit.jupiter.execution.timeout.default", "1 s")
            .enableImplicitConfigurationParameters(false).build(), listener);

    List<CheckResult> results = listener.results();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time the run took").isLessThan(Duration.ofSeconds(30));
    assertThat(results).extracting(CheckResult::outcome).as("outcome").containsExactly(Outcome.BROKEN);
    assertThat(results.get(0).message()).as("message")
        .startsWith("The check timed out: waits_forever() timed out after 1 second");
  }

  @Test
  void the_check_timeout_is_five_request_timeouts_and_at_least_ten_minutes() {
    assertThat(new RunOptions("1.1", Map.of()).checkTimeout()).as("default (request timeout 2m)")
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(new RunOptions("1.1", Map.of(), Map.of(RunOptions.REQUEST_TIMEOUT, "1s")).checkTimeout())
        .as("request timeout 1s").isEqualTo(RunOptions.MIN_CHECK_TIMEOUT);
    assertThat(new RunOptions("1.1", Map.of(), Map.of(RunOptions.REQUEST_TIMEOUT, "5m")).checkTimeout())
        .as("request timeout 5m").isEqualTo(Duration.ofMinutes(25));
  }
}
