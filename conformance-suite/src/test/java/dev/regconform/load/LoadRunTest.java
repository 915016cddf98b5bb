package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.regconform.client.RegistryUnreachableException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadRunTest {
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void stops_at_the_operation_count_long_before_the_duration() throws InterruptedException {
    Workload counting = (op, worker, random) -> {
      calls.incrementAndGet();
      return Outcome.ok();
    };

    LoadRun.Result result = new LoadRun(counting, Mix.DEFAULT, 8, Duration.ofMinutes(5), OptionalLong.of(1000)).run();

    assertThat(calls.get()).as("operations executed").isEqualTo(1000);
    assertThat(result.stoppedBy()).isEqualTo(LoadRun.StopReason.OPERATIONS);
    long recorded = 0;
    for (Operation op : Operation.values()) {
      recorded += result.stats().of(op).ok();
    }
    assertThat(recorded).as("operations recorded").isEqualTo(1000);
    assertThat(Duration.ofNanos(result.elapsedNanos())).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void stops_at_the_duration_finishing_what_is_under_way_and_starting_nothing_after_it() throws InterruptedException {
    Workload slow = (op, worker, random) -> {
      calls.incrementAndGet();
      sleep(20);
      return Outcome.ok();
    };

    LoadRun.Result result = new LoadRun(slow, Mix.parse("head=1"), 4, Duration.ofMillis(300), OptionalLong.of(100_000))
        .run();

    assertThat(result.stoppedBy()).isEqualTo(LoadRun.StopReason.DURATION);
    assertThat(Duration.ofNanos(result.elapsedNanos())).isBetween(Duration.ofMillis(300), Duration.ofMillis(2000));
    // 4 workers x 300 ms / 20 ms = 60 at most, plus one under way per worker; scheduling only makes it fewer.
    assertThat(calls.get()).isBetween(4, 64);
    assertThat(result.stats().of(Operation.HEAD).ok()).isEqualTo(calls.get());
  }

  @Test
  void runs_the_given_number_of_workers_each_with_its_number() throws InterruptedException {
    Set<Integer> workers = ConcurrentHashMap.newKeySet();
    Workload noting = (op, worker, random) -> {
      workers.add(worker);
      sleep(5);
      return Outcome.ok();
    };

    new LoadRun(noting, Mix.DEFAULT, 3, Duration.ofMillis(200), OptionalLong.empty()).run();

    assertThat(workers).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void counts_what_an_operation_throws_by_kind_naming_a_connection_failure_by_its_cause() throws InterruptedException {
    Workload unreachable = (op, worker, random) -> {
      throw new RegistryUnreachableException("GET http://127.0.0.1:1/v2/ failed",
          new ConnectException("Connection refused"));
    };

    LoadRun.Result result = new LoadRun(unreachable, Mix.parse("tags=1"), 2, Duration.ofMinutes(1), OptionalLong.of(10))
        .run();

    OperationStats tags = result.stats().of(Operation.TAGS);
    assertThat(tags.errorsByKind()).containsEntry("ConnectException", 10L);
    assertThat(tags.ok()).isZero();
    assertThat(tags.firstError()).isEqualTo("GET http://127.0.0.1:1/v2/ failed");
  }

  @Test
  void refuses_concurrency_outside_1_to_256_and_an_operation_count_below_1() {
    Workload none = (op, worker, random) -> Outcome.ok();

    assertThatIllegalArgumentException().isThrownBy(() -> new LoadRun(none, Mix.DEFAULT, 0, Duration.ofSeconds(1),
        OptionalLong.empty())).withMessage("concurrency must be 1 to 256, was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> new LoadRun(none, Mix.DEFAULT, 257, Duration.ofSeconds(1),
        OptionalLong.empty())).withMessage("concurrency must be 1 to 256, was 257");
    assertThatIllegalArgumentException().isThrownBy(() -> new LoadRun(none, Mix.DEFAULT, 1, Duration.ofSeconds(1),
        OptionalLong.of(0))).withMessage("operations must be at least 1, was 0");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
