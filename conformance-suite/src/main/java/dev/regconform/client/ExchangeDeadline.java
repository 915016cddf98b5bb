package dev.regconform.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends an exchange that takes too long by aborting its request (Apache HttpClient then closes the connection, and the
 * blocked read or write fails at once). A socket's read timeout bounds each read only: a server that sends a byte now
 * and then, or one that never reads what a client writes, would hold an exchange forever.
 *
 * <pre>{@code
 * ExchangeDeadline deadline = ExchangeDeadline.whole(timeout, request::abort);
 * try { … client.execute(request) … } finally { deadline.close(); }
 * if (deadline.expired()) { … deadline.describe() … }
 * }</pre>
 *
 * <p>Two kinds: {@link #whole} bounds the exchange from the request going out to the last byte of the answer;
 * {@link #idle} (for transfers of hundreds of MiB, which take as long as the line needs) only the time without
 * {@link #progress()}.
 */
final class ExchangeDeadline implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "regconform-request-deadline");
    thread.setDaemon(true);
    return thread;
  });

  private final long timeoutNanos;
  private final boolean idle;
  private final Runnable abort;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean expired;
  private boolean closed;
  private ScheduledFuture<?> pending;

  private ExchangeDeadline(Duration timeout, boolean idle, Runnable abort) {
    this.timeoutNanos = timeout.toNanos();
    this.idle = idle;
    this.abort = abort;
    arm(timeoutNanos);
  }

  /** Runs {@code abort} once {@code timeout} has passed, unless closed before. */
  static ExchangeDeadline whole(Duration timeout, Runnable abort) {
    return new ExchangeDeadline(timeout, false, abort);
  }

  /** Runs {@code abort} once {@code timeout} has passed without {@link #progress()}, unless closed before. */
  static ExchangeDeadline idle(Duration timeout, Runnable abort) {
    return new ExchangeDeadline(timeout, true, abort);
  }

  /** Bytes moved: an {@link #idle} deadline starts again. */
  void progress() {
    lastProgress = System.nanoTime();
  }

  /** Whether the deadline passed and the exchange was aborted. */
  boolean expired() {
    return expired;
  }

  /** What ran out, for a message: {@code no complete answer within 1s}. */
  String describe() {
    String limit = RequestTimeout.text(Duration.ofNanos(timeoutNanos));
    return idle ? "nothing sent or received for " + limit + ", so the transfer was aborted"
        : "no complete answer within " + limit + ", so the request was aborted";
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  private synchronized void arm(long delayNanos) {
    if (!closed) {
      pending = TIMER.schedule(this::fire, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void fire() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    long quiet = System.nanoTime() - lastProgress;
    if (idle && quiet < timeoutNanos) {
      arm(timeoutNanos - quiet);
      return;
    }
    expired = true;
    abort.run();
  }
}
