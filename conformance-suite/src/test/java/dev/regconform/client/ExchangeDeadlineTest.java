package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ExchangeDeadline}: a whole-exchange bound, and a bound on time without progress. */
class ExchangeDeadlineTest {
  @Test
  void a_whole_deadline_aborts_once_its_time_has_passed_and_says_what_ran_out() throws InterruptedException {
    CountDownLatch aborted = new CountDownLatch(1);
    ExchangeDeadline deadline = ExchangeDeadline.whole(Duration.ofMillis(100), aborted::countDown);

    assertThat(aborted.await(5, TimeUnit.SECONDS)).as("aborted within 5 s").isTrue();
    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.describe()).isEqualTo("no complete answer within 100ms, so the request was aborted");
  }

  @Test
  void a_closed_deadline_never_aborts() throws InterruptedException {
    CountDownLatch aborted = new CountDownLatch(1);
    ExchangeDeadline deadline = ExchangeDeadline.whole(Duration.ofMillis(100), aborted::countDown);
    deadline.close();

    assertThat(aborted.await(400, TimeUnit.MILLISECONDS)).as("aborted").isFalse();
    assertThat(deadline.expired()).isFalse();
  }

  @Test
  void an_idle_deadline_waits_while_there_is_progress_and_aborts_once_it_stops() throws InterruptedException {
    CountDownLatch aborted = new CountDownLatch(1);
    ExchangeDeadline deadline = ExchangeDeadline.idle(Duration.ofMillis(300), aborted::countDown);
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) { // 1 s of progress, every 100 ms
      Thread.sleep(100);
      deadline.progress();
    }
    assertThat(aborted.getCount()).as("aborts while bytes move").isEqualTo(1);

    assertThat(aborted.await(5, TimeUnit.SECONDS)).as("aborted once progress stopped").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to abort").isGreaterThan(Duration.ofMillis(1200));
    assertThat(deadline.describe()).isEqualTo("nothing sent or received for 300ms, so the transfer was aborted");
  }
}
