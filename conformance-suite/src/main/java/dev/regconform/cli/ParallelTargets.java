package dev.regconform.cli;

import dev.regconform.reports.TargetRun;
import dev.regconform.target.RegistryTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one job per target, up to {@code parallel} at a time ({@code --parallel N}), each on a thread of its own,
 * and returns their runs in the order of the targets (so reports do not depend on which finished first).
 *
 * <pre>{@code
 * List<TargetRun> runs = ParallelTargets.run(targets, 4, out, err, (target, o, e) -> runOne(target, o, e));
 * }</pre>
 *
 * <p>What the console shows. With one target at a time (one target, or {@code --parallel 1}) the job runs on the
 * calling thread and prints straight to the console as each check finishes, as runs always did. With several at
 * once, each job prints into buffers of its own, and its whole block (its {@code ==} header, a line per check with
 * the messages below, its interop matrix and its totals line; its warnings on stderr) is printed at once when that
 * target finishes. Blocks rather than lines prefixed with a target label, because a block reads exactly like a
 * sequential run's: a failure's multi-line message, the {@code OCI_DEBUG} exchanges and the totals stay under their
 * own target's header instead of being interleaved with four others, nothing that reads the console needs to learn a
 * new format, and a CI log can be searched by target. The price is no line-by-line progress while several targets run;
 * the blocks arrive as targets finish, and the closing lines are printed by the caller after the last.
 *
 * <p>A job that throws does not stop the others: every target runs to its end (so each cleans up what it pushed),
 * then the first failure is rethrown.
 */
final class ParallelTargets {
  /** One target's work: runs its checks, printing its block to {@code out} and its warnings to {@code err}. */
  @FunctionalInterface
  interface Job {
    TargetRun run(RegistryTarget target, PrintWriter out, PrintWriter err);
  }

  private ParallelTargets() {}

  /**
   * Runs {@code job} for every target, at most {@code parallel} at a time.
   *
   * @param parallel how many targets may run at once; 1 runs them one after the other on the calling thread
   * @return each target's run, in the order of {@code targets}
   */
  static List<TargetRun> run(List<RegistryTarget> targets, int parallel, PrintWriter out, PrintWriter err, Job job) {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel must be at least 1, was " + parallel);
    }
    if (parallel == 1 || targets.size() <= 1) {
      List<TargetRun> runs = new ArrayList<>();
      for (RegistryTarget target : targets) {
        runs.add(job.run(target, out, err));
      }
      return runs;
    }
    int threads = Math.min(parallel, targets.size());
    out.println("Running " + targets.size() + " targets, " + threads + " at a time (--parallel); each target's lines "
        + "are printed when it finishes.");
    out.flush();
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads,
        task -> new Thread(task, "regconform-target-" + counter.incrementAndGet()));
    Object console = new Object();
    try {
      List<Future<TargetRun>> futures = new ArrayList<>();
      for (RegistryTarget target : targets) {
        futures.add(pool.submit(() -> buffered(target, job, out, err, console)));
      }
      List<TargetRun> runs = new ArrayList<>();
      Throwable failure = null;
      for (Future<TargetRun> future : futures) {
        try {
          runs.add(future.get());
        } catch (ExecutionException e) {
          failure = failure == null ? e.getCause() : failure;
        }
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return runs;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the targets ran", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs one target into buffers of its own, then prints them whole, even when the job threw. */
  private static TargetRun buffered(RegistryTarget target, Job job, PrintWriter out, PrintWriter err, Object console) {
    StringWriter outBuffer = new StringWriter();
    StringWriter errBuffer = new StringWriter();
    try (PrintWriter o = new PrintWriter(outBuffer); PrintWriter e = new PrintWriter(errBuffer)) {
      try {
        return job.run(target, o, e);
      } finally {
        o.flush();
        e.flush();
        synchronized (console) {
          out.print(outBuffer);
          out.flush();
          err.print(errBuffer);
          err.flush();
        }
      }
    }
  }
}
