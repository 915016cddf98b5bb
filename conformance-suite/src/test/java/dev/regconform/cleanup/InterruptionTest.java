package dev.regconform.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InterruptionTest {
  private final StringWriter printed = new StringWriter();
  private final PrintWriter out = new PrintWriter(printed, true);
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @Test
  void the_hook_stops_the_run_first_then_cleans_up_within_the_limit_and_prints_what_it_did() {
    Interruption interruption = Interruption.unarmed(out, Duration.ofSeconds(30), why -> calls.add("stop: " + why),
        deadline -> {
          calls.add("cleanup, deadline in about " + Duration.between(Instant.now(), deadline).toSeconds() + " s");
          return List.of("cleanup: removed everything the run pushed (1 manifest, 2 blobs; verified)");
        });

    interruption.onShutdown();

    assertThat(calls).containsExactly("stop: the run ended before its cleanup was verified",
        "cleanup, deadline in about 29 s");
    assertThat(printed.toString().lines()).containsExactly(
        "regconform: the run ended before its cleanup was verified: stopping it and deleting what it pushed (at most "
            + "30 s)",
        "cleanup: removed everything the run pushed (1 manifest, 2 blobs; verified)");
    assertThat(interruption.triggered()).isTrue();
  }

  @Test
  void a_cleanup_that_overruns_its_limit_is_left_and_said_so() {
    Interruption interruption = Interruption.unarmed(out, Duration.ofSeconds(1), why -> { }, deadline -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of("never printed");
    });
    long started = System.nanoTime();

    interruption.onShutdown();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time the hook took").isLessThan(Duration.ofSeconds(10));
    assertThat(printed.toString()).contains("regconform: the cleanup did not finish within 1 s; what it had not "
        + "deleted stays").doesNotContain("never printed");
  }

  @Test
  void a_disarmed_interruption_does_nothing_at_exit() {
    Interruption interruption = Interruption.unarmed(out, Duration.ofSeconds(30), why -> calls.add("stop"),
        deadline -> List.of("cleaned"));

    interruption.disarm();
    interruption.onShutdown();

    assertThat(calls).isEmpty();
    assertThat(printed.toString()).isEmpty();
    assertThat(interruption.triggered()).isFalse();
  }
}
