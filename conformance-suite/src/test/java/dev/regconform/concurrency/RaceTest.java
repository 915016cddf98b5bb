package dev.regconform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RaceTest {

  @Test
  void every_client_runs_at_the_same_time_and_results_come_back_in_client_order() {
    CountDownLatch allRunning = new CountDownLatch(8);

    List<Race.Result<Integer>> results = Race.run(8, Duration.ofSeconds(10), i -> {
      allRunning.countDown();
      try {
        // Only true when all 8 clients are running at once: a pool smaller than 8 would leave this waiting.
        return allRunning.await(5, TimeUnit.SECONDS) ? i * 10 : -1;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(results).extracting(Race.Result::value).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
    assertThat(results).extracting(Race.Result::error).containsOnlyNulls();
  }

  @Test
  void a_client_that_throws_is_reported_as_its_result_and_the_others_still_finish() {
    List<Race.Result<String>> results = Race.run(3, Duration.ofSeconds(10), i -> {
      if (i == 1) {
        throw new IllegalStateException("client 1 broke");
      }
      return "ok " + i;
    });

    assertThat(results).extracting(Race.Result::value).containsExactly("ok 0", null, "ok 2");
    assertThat(results.get(1).error()).hasMessage("client 1 broke");
    assertThatThrownBy(() -> results.get(1).get()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_race_that_overruns_its_limit_fails_naming_the_late_client_and_leaves_no_thread_behind() {
    assertThatThrownBy(() -> Race.run(4, Duration.ofMillis(300), i -> {
      if (i == 2) {
        sleep(30_000);
      }
      return i;
    })).isInstanceOf(AssertionError.class).hasMessageContaining("within 300 ms").hasMessageContaining("clients [2]");

    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .as("race threads alive after the race returned")
        .noneMatch(name -> name.startsWith("regconform-race-") && name.endsWith("-client-2"));
  }

  @Test
  void a_race_without_clients_is_refused() {
    assertThatThrownBy(() -> Race.run(0, Duration.ofSeconds(1), i -> i))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one client");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
