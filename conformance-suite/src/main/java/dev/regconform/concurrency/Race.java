package dev.regconform.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * {@code clients} clients doing their part at the same moment: each runs on a thread of a fixed pool of its own,
 * waits at a barrier until all are ready, then runs. Every thread is joined before {@link #run} returns, also when a
 * client throws or the race overruns its time limit (then the stragglers are interrupted, and the race fails).
 *
 * <pre>{@code
 * List<Race.Result<RegistryResponse>> puts = Race.run(8, Duration.ofSeconds(60),
 *     i -> registry.putManifest(repo, "latest", type, bytes));
 * }</pre>
 */
public final class Race {
  /** How long the stragglers of a race that overran get to stop after being interrupted. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final AtomicInteger RACES = new AtomicInteger();

  private Race() {}

  /**
   * What one client's part came to: its value, or what it threw (never both).
   *
   * @param client the client's index, from 0
   */
  public record Result<T>(int client, T value, Throwable error) {
    /** The value, or the client's exception rethrown (an {@link AssertionError} as it is). */
    public T get() {
      if (error == null) {
        return value;
      }
      if (error instanceof RuntimeException r) {
        throw r;
      }
      if (error instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(error);
    }
  }

  /**
   * Runs {@code part.apply(i)} for i = 0 … clients-1, all at once, and returns each client's result in client order.
   *
   * @param limit how long the whole race may take
   * @throws AssertionError when the race did not end within {@code limit}, naming the clients still running
   */
  public static <T> List<Result<T>> run(int clients, Duration limit, IntFunction<T> part) {
    if (clients < 1) {
      throw new IllegalArgumentException("a race needs at least one client, was " + clients);
    }
    int race = RACES.incrementAndGet();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
      Thread t = new Thread(r, "regconform-race-" + race + "-client-" + threads.size());
      t.setDaemon(true);
      threads.add(t);
      return t;
    });
    CyclicBarrier start = new CyclicBarrier(clients);
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int client = i;
        futures.add(pool.submit(() -> {
          start.await(limit.toMillis(), TimeUnit.MILLISECONDS);
          return part.apply(client);
        }));
      }
      List<Result<T>> results = new ArrayList<>();
      List<Integer> late = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        results.add(join(i, futures.get(i), deadline, late));
      }
      if (!late.isEmpty()) {
        throw new AssertionError(String.format("%nExpecting %d clients at once to finish within %d ms,%nbut clients %s"
            + " were still running then (interrupted)", clients, limit.toMillis(), late));
      }
      return results;
    } finally {
      pool.shutdownNow();
      awaitStop(pool, threads);
    }
  }

  private static <T> Result<T> join(int client, Future<T> future, long deadline, List<Integer> late) {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      return new Result<>(client, future.get(left, TimeUnit.NANOSECONDS), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof BrokenBarrierException || e.getCause() instanceof TimeoutException
          ? new IllegalStateException("client " + client + " never started: the others did not all get ready",
              e.getCause()) : e.getCause();
      return new Result<>(client, null, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      late.add(client);
      return new Result<>(client, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      late.add(client);
      return new Result<>(client, null, e);
    }
  }

  private static void awaitStop(ExecutorService pool, List<Thread> threads) {
    try {
      // A client blocked in a socket read ignores the interrupt; the client's own read timeout ends it.
      long deadline = System.nanoTime() + STOP_GRACE.toNanos();
      pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      // A terminated pool's last worker may still be on its way out: join the threads themselves.
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
