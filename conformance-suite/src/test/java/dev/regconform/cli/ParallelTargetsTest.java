package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.reports.TargetRun;
import dev.regconform.target.RegistryTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool that runs targets at once. Concurrency is shown without timing: jobs meet at a barrier, which jobs run
 * one after the other can never all reach (each would wait for the others until the barrier's time limit).
 */
class ParallelTargetsTest {
  private static final long LIMIT_SECONDS = 30;

  private final StringWriter outText = new StringWriter();
  private final StringWriter errText = new StringWriter();
  private final PrintWriter out = new PrintWriter(outText, true);
  private final PrintWriter err = new PrintWriter(errText, true);

  private static RegistryTarget target(String name) {
    return new RegistryTarget(URI.create("http://127.0.0.1:1"), null, "regconform/" + name, false, name);
  }

  private static TargetRun runOf(RegistryTarget target) {
    return new TargetRun(target.url().toString(), target.description(), target.namespace(), Instant.EPOCH, List.of());
  }

  private static List<RegistryTarget> targets(String... names) {
    return Arrays.stream(names).map(ParallelTargetsTest::target).toList();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the other targets never ran at the same time: " + e, e);
    }
  }

  @Test
  void all_targets_run_at_once_each_on_a_thread_of_its_own() {
    CyclicBarrier allThree = new CyclicBarrier(3);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    List<TargetRun> runs = ParallelTargets.run(targets("a", "b", "c"), 3, out, err, (target, o, e) -> {
      threads.add(Thread.currentThread());
      await(allThree);
      return runOf(target);
    });

    assertThat(runs).extracting(TargetRun::description).containsExactly("a", "b", "c");
    assertThat(threads).hasSize(3).doesNotContain(Thread.currentThread());
  }

  @Test
  void runs_come_back_in_the_order_of_the_targets_whatever_finishes_first() {
    CountDownLatch lastFinished = new CountDownLatch(1);

    List<TargetRun> runs = ParallelTargets.run(targets("slow", "fast"), 2, out, err, (target, o, e) -> {
      if (target.description().equals("slow")) {
        awaitLatch(lastFinished);
      } else {
        lastFinished.countDown();
      }
      return runOf(target);
    });

    assertThat(runs).extracting(TargetRun::namespace).containsExactly("regconform/slow", "regconform/fast");
  }

  @Test
  void no_more_than_parallel_targets_run_at_once() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CyclicBarrier firstTwo = new CyclicBarrier(2);

    List<TargetRun> runs = ParallelTargets.run(targets("a", "b", "c", "d", "e"), 2, out, err, (target, o, e) -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      if (target.description().equals("a") || target.description().equals("b")) {
        await(firstTwo);
      }
      running.decrementAndGet();
      return runOf(target);
    });

    assertThat(runs).hasSize(5);
    assertThat(most.get()).as("most targets running at once with --parallel 2").isEqualTo(2);
  }

  @Test
  void each_targets_block_is_printed_whole_even_when_their_lines_were_written_interleaved() {
    CyclicBarrier between = new CyclicBarrier(2);

    ParallelTargets.run(targets("a", "b"), 2, out, err, (target, o, e) -> {
      String name = target.description();
      o.println("== " + name);
      await(between); // both headers are written before either target goes on
      o.println("PASS  " + name + ".check");
      e.println("warning: " + name + " cleanup");
      await(between);
      o.println("   " + name + ": 1 passed");
      return runOf(target);
    });

    List<String> lines = outText.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("Running 2 targets, 2 at a time");
    List<String> blocks = lines.subList(1, lines.size());
    assertThat(blocks).hasSize(6);
    for (int start : new int[] {0, 3}) {
      String name = blocks.get(start).substring(3);
      assertThat(blocks.subList(start, start + 3)).as("block of %s in:%n%s", name, outText)
          .containsExactly("== " + name, "PASS  " + name + ".check", "   " + name + ": 1 passed");
    }
    assertThat(errText.toString().lines()).containsExactlyInAnyOrder("warning: a cleanup", "warning: b cleanup");
  }

  @Test
  void with_parallel_1_targets_run_one_after_the_other_on_the_calling_thread_printing_straight_to_the_console() {
    List<String> order = new ArrayList<>();
    Thread caller = Thread.currentThread();

    ParallelTargets.run(targets("a", "b"), 1, out, err, (target, o, e) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      assertThat(o).isSameAs(out);
      assertThat(e).isSameAs(err);
      order.add(target.description());
      return runOf(target);
    });

    assertThat(order).containsExactly("a", "b");
    assertThat(outText.toString()).as("no 'Running N targets' line when one runs at a time").isEmpty();
  }

  @Test
  void a_single_target_runs_on_the_calling_thread_whatever_the_parallelism() {
    Thread caller = Thread.currentThread();

    ParallelTargets.run(targets("only"), 8, out, err, (target, o, e) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      return runOf(target);
    });

    assertThat(outText.toString()).isEmpty();
  }

  @Test
  void a_target_that_throws_lets_the_others_finish_prints_its_block_and_is_rethrown_afterwards() {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicBoolean otherFinished = new AtomicBoolean();
    CountDownLatch failed = new CountDownLatch(1);

    assertThatThrownBy(() -> ParallelTargets.run(targets("broken", "fine"), 2, out, err, (target, o, e) -> {
      if (target.description().equals("broken")) {
        o.println("== broken");
        failed.countDown();
        throw boom;
      }
      awaitLatch(failed);
      otherFinished.set(true);
      return runOf(target);
    })).isSameAs(boom);

    assertThat(otherFinished).as("the other target ran to its end").isTrue();
    assertThat(outText.toString()).contains("== broken");
  }

  @Test
  void parallel_below_1_is_refused() {
    assertThatThrownBy(() -> ParallelTargets.run(targets("a"), 0, out, err, (t, o, e) -> runOf(t)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("--parallel must be at least 1, was 0");
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      assertThat(latch.await(LIMIT_SECONDS, TimeUnit.SECONDS)).as("the other target ran at the same time").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
