package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadStatsTest {
  private static final long MS = 1_000_000;
  private final LoadStats stats = new LoadStats();

  @Test
  void percentiles_of_the_operations_that_succeeded_are_exact_to_a_tenth_of_a_percent() {
    for (int ms = 1; ms <= 1000; ms++) { // 1 ms, 2 ms, … 1000 ms, in a shuffled-looking order
      long value = (ms * 617L) % 1000 + 1;
      stats.record(Operation.PULL, value * MS, value * MS, Outcome.ok());
    }

    Latency latency = stats.of(Operation.PULL).latency();

    assertThat(latency.count()).isEqualTo(1000);
    assertThat(latency.p50Ms()).isCloseTo(500, within(0.5));
    assertThat(latency.p95Ms()).isCloseTo(950, within(1.0));
    assertThat(latency.p99Ms()).isCloseTo(990, within(1.0));
    assertThat(latency.maxMs()).isCloseTo(1000, within(1.0));
    assertThat(latency.meanMs()).isCloseTo(500.5, within(0.5));
  }

  @Test
  void failures_are_counted_by_status_or_by_kind_and_left_out_of_the_latencies() {
    stats.record(Operation.PUSH, MS, 10 * MS, Outcome.ok());
    stats.record(Operation.PUSH, MS, 5000 * MS, new Outcome(500, null, "PUT x answered 500"));
    stats.record(Operation.PUSH, MS, 5000 * MS, new Outcome(500, null, "PUT y answered 500"));
    stats.record(Operation.PUSH, MS, 5000 * MS, new Outcome(404, null, "PUT z answered 404"));
    stats.record(Operation.PUSH, MS, 5000 * MS, Outcome.failed("ConnectException", "refused"));

    OperationStats push = stats.of(Operation.PUSH);

    assertThat(push.ok()).isEqualTo(1);
    assertThat(push.errors()).isEqualTo(4);
    assertThat(push.errorsByStatus()).containsExactly(Map.entry(404, 1L), Map.entry(500, 2L));
    assertThat(push.errorsByKind()).containsExactly(Map.entry("ConnectException", 1L));
    assertThat(push.firstError()).isEqualTo("PUT x answered 500");
    assertThat(push.latency().maxMs()).as("only the success's 10 ms").isCloseTo(10, within(0.01));
  }

  @Test
  void an_operation_that_never_ran_has_zero_everything() {
    OperationStats tags = stats.of(Operation.TAGS);

    assertThat(tags.ok()).isZero();
    assertThat(tags.errors()).isZero();
    assertThat(tags.latency()).isEqualTo(new Latency(0, 0, 0, 0, 0, 0));
    assertThat(tags.firstError()).isNull();
  }

  @Test
  void the_overall_latency_merges_every_operation() {
    stats.record(Operation.PUSH, MS, 100 * MS, Outcome.ok());
    stats.record(Operation.HEAD, MS, 2 * MS, Outcome.ok());
    stats.record(Operation.HEAD, MS, 4 * MS, Outcome.ok());

    Latency all = stats.overall();

    assertThat(all.count()).isEqualTo(3);
    assertThat(all.maxMs()).isCloseTo(100, within(0.1));
    assertThat(all.p50Ms()).isCloseTo(4, within(0.01));
  }

  @Test
  void the_timeline_counts_completions_per_whole_second_by_operation_and_errors_apart() {
    stats.record(Operation.PULL, 100 * MS, MS, Outcome.ok());
    stats.record(Operation.PULL, 999 * MS, MS, Outcome.ok());
    stats.record(Operation.HEAD, 2500 * MS, MS, Outcome.ok());
    stats.record(Operation.HEAD, 2600 * MS, MS, Outcome.failed("SocketTimeoutException", "timed out"));

    var seconds = stats.timeline().seconds();

    assertThat(seconds).hasSize(3);
    assertThat(seconds.get(0).completed(Operation.PULL)).isEqualTo(2);
    assertThat(seconds.get(1).completed(Operation.PULL) + seconds.get(1).errors()).as("second 1: nothing").isZero();
    assertThat(seconds.get(2).completed(Operation.HEAD)).isEqualTo(1);
    assertThat(seconds.get(2).errors()).isEqualTo(1);
  }
}
