package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link RegistryLiveness}: when a registry counts as stopped, and when it answers again. */
class RegistryLivenessTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger probes = new AtomicInteger();
  /** What each probe finds: empty = answered; when none is queued, no answer. */
  private final Deque<Optional<String>> probeResults = new ArrayDeque<>();
  private final RegistryLiveness liveness = new RegistryLiveness(() -> {
    probes.incrementAndGet();
    return probeResults.isEmpty() ? Optional.of("ConnectException: Connection refused") : probeResults.poll();
  }, now::get);

  private static RegistryUnreachableException refused(int n) {
    return new RegistryUnreachableException("GET http://127.0.0.1:5000/v2/x/tags/list failed: refused #" + n, null);
  }

  @Test
  void fewer_failures_in_a_row_than_the_threshold_are_passed_on_and_nothing_is_probed() {
    for (int i = 1; i < RegistryLiveness.FAILURES_BEFORE_PROBE; i++) {
      RegistryUnreachableException failure = refused(i);
      assertThat(liveness.noAnswer(failure)).as("failure %d", i).isSameAs(failure);
    }
    assertThat(probes).as("probes").hasValue(0);
    assertThat(liveness.stopped()).isFalse();
  }

  @Test
  void an_answer_in_between_starts_the_count_again() {
    liveness.noAnswer(refused(1));
    liveness.noAnswer(refused(2));
    liveness.answered();
    liveness.noAnswer(refused(3));
    liveness.noAnswer(refused(4));

    assertThat(probes).as("probes").hasValue(0);
    assertThat(liveness.stopped()).isFalse();
  }

  @Test
  void the_third_failure_in_a_row_with_no_answer_to_get_v2_stops_the_registry_naming_what_happened_and_when() {
    liveness.answered();
    liveness.answered();
    liveness.noAnswer(refused(1));
    liveness.noAnswer(refused(2));

    RegistryUnreachableException third = liveness.noAnswer(refused(3));

    assertThat(third).isInstanceOf(RegistryStoppedAnsweringException.class).hasMessage("the registry stopped answering: "
        + "GET http://127.0.0.1:5000/v2/x/tags/list failed: refused #3, after 5 requests (GET /v2/ got no answer "
        + "either: ConnectException: Connection refused)");
    assertThat(liveness.stopped()).isTrue();
    assertThatThrownBy(liveness::beforeRequest).as("the next request")
        .isInstanceOf(RegistryStoppedAnsweringException.class).hasMessage(third.getMessage());
    assertThat(probes).as("probes: one, then none until it is time to try again").hasValue(1);
  }

  @Test
  void a_get_v2_that_is_answered_keeps_the_registry_answering() {
    probeResults.add(Optional.empty());
    liveness.noAnswer(refused(1));
    liveness.noAnswer(refused(2));

    RegistryUnreachableException failure = refused(3);
    assertThat(liveness.noAnswer(failure)).as("the failure itself").isSameAs(failure);
    assertThat(liveness.stopped()).isFalse();
    liveness.beforeRequest();
  }

  @Test
  void a_stopped_registry_is_tried_again_after_the_interval_and_answers_again_once_get_v2_is_answered() {
    for (int i = 1; i <= RegistryLiveness.FAILURES_BEFORE_PROBE; i++) {
      liveness.noAnswer(refused(i));
    }
    now.addAndGet(RegistryLiveness.PROBE_AGAIN_AFTER.toNanos() - 1);
    assertThatThrownBy(liveness::beforeRequest).as("just before the interval")
        .isInstanceOf(RegistryStoppedAnsweringException.class);
    assertThat(probes).hasValue(1);

    now.addAndGet(1);
    assertThatThrownBy(liveness::beforeRequest).as("after the interval, still no answer")
        .isInstanceOf(RegistryStoppedAnsweringException.class);
    assertThat(probes).hasValue(2);

    now.addAndGet(RegistryLiveness.PROBE_AGAIN_AFTER.toNanos());
    probeResults.add(Optional.empty()); // restarted
    liveness.beforeRequest();
    assertThat(probes).hasValue(3);
    assertThat(liveness.stopped()).as("stopped after GET /v2/ was answered again").isFalse();
    liveness.noAnswer(refused(9));
    assertThat(liveness.stopped()).as("one failure after coming back").isFalse();
  }
}
