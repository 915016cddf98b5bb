package dev.regconform.load;

import dev.regconform.client.RequestGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N workers, each doing one operation after another (closed loop, no pause), drawn from a {@link Mix}, until the
 * duration is up or the run has started its last allowed operation, whichever comes first. An operation under way at
 * the deadline is finished and counted; none starts after it.
 *
 * <pre>{@code
 * LoadRun.Result result = new LoadRun(workload, Mix.DEFAULT, 8, Duration.ofSeconds(30), OptionalLong.empty()).run();
 * result.stats().of(Operation.PULL).latency().p99Ms();
 * }</pre>
 */
public final class LoadRun {
  /** The most workers a run takes. */
  public static final int MAX_CONCURRENCY = 256;

  private final Workload workload;
  private final Mix mix;
  private final int concurrency;
  private final Duration duration;
  private final OptionalLong maxOperations;

  /**
   * @param concurrency workers, 1 to {@link #MAX_CONCURRENCY}
   * @param maxOperations how many operations to start at most, over all workers; empty for no limit but the duration
   */
  public LoadRun(Workload workload, Mix mix, int concurrency, Duration duration, OptionalLong maxOperations) {
    this.workload = Objects.requireNonNull(workload, "workload");
    this.mix = Objects.requireNonNull(mix, "mix");
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be 1 to " + MAX_CONCURRENCY + ", was " + concurrency);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be more than 0, was " + duration);
    }
    if (maxOperations.isPresent() && maxOperations.getAsLong() < 1) {
      throw new IllegalArgumentException("operations must be at least 1, was " + maxOperations.getAsLong());
    }
    this.concurrency = concurrency;
    this.duration = duration;
    this.maxOperations = maxOperations;
  }

  /** Runs the workers on threads of their own and waits for all of them. */
  public Result run() throws InterruptedException {
    LoadStats stats = new LoadStats();
    AtomicLong started = new AtomicLong();
    long limit = maxOperations.orElse(Long.MAX_VALUE);
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    SplittableRandom seeds = new SplittableRandom();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      int worker = i;
      SplittableRandom random = seeds.split();
      Thread t = new Thread(() -> {
        // A closed RequestGate: the run was interrupted (Ctrl-C); no operation starts any more.
        while (System.nanoTime() - deadline < 0 && !RequestGate.isClosed() && started.getAndIncrement() < limit) {
          Operation op = mix.pick(random);
          long begin = System.nanoTime();
          Outcome outcome;
          try {
            outcome = workload.execute(op, worker, random);
          } catch (RuntimeException | AssertionError e) { // AssertionError: IncompleteResponseError
            outcome = Outcome.of(e);
          }
          long end = System.nanoTime();
          stats.record(op, end - start, end - begin, outcome);
        }
      }, "regconform-load-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    long elapsed = System.nanoTime() - start;
    boolean byCount = started.get() >= limit;
    return new Result(elapsed, byCount ? StopReason.OPERATIONS : StopReason.DURATION, stats);
  }

  /** Why a run stopped. */
  public enum StopReason {
    /** The duration was up. */
    DURATION,
    /** The last allowed operation had started. */
    OPERATIONS
  }

  /**
   * A finished run.
   *
   * @param elapsedNanos from the first worker's start to the last one's end (operations finished after the deadline in)
   */
  public record Result(long elapsedNanos, StopReason stoppedBy, LoadStats stats) {}
}
