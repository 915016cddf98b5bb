package dev.regconform.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Notices a registry that stopped answering, so that the requests after it fail at once instead of each waiting out
 * its own timeouts: one per {@link RegistryClient}, told about every exchange.
 *
 * <pre>{@code
 * liveness.beforeRequest();                 // throws RegistryStoppedAnsweringException while the registry is stopped
 * try { response = send(); } catch (RegistryUnreachableException e) { throw liveness.noAnswer(e); }
 * liveness.answered();
 * }</pre>
 *
 * <p>The rule: after {@value #FAILURES_BEFORE_PROBE} requests in a row got no HTTP answer at all (connection refused
 * or reset, connect or read timeout, TLS failure), {@code GET /v2/} is sent, bounded by the request timeout like any
 * request. An answer (any status) means the registry is still there: those requests failed for reasons of their own.
 * No answer means it stopped: every later request fails at once with "the registry stopped answering: …, after n
 * requests", naming the last failure. A registry that comes back (restarted) is noticed: while it counts as stopped,
 * the next request after {@link #PROBE_AGAIN_AFTER} sends {@code GET /v2/} again, and if that is answered requests go
 * out as before.
 */
final class RegistryLiveness {
  static final int FAILURES_BEFORE_PROBE = 3;
  static final Duration PROBE_AGAIN_AFTER = Duration.ofSeconds(10);

  private final Supplier<Optional<String>> probe;
  private final LongSupplier nanoTime;
  private int requests;
  private int failuresInARow;
  /** Why the registry counts as stopped; null while it answers. */
  private volatile RegistryUnreachableException stopped;
  private long lastProbe;

  /**
   * @param probe sends {@code GET /v2/}: empty when an answer came, else what happened (e.g. "Connection refused")
   */
  RegistryLiveness(Supplier<Optional<String>> probe) {
    this(probe, System::nanoTime);
  }

  RegistryLiveness(Supplier<Optional<String>> probe, LongSupplier nanoTime) {
    this.probe = probe;
    this.nanoTime = nanoTime;
  }

  /**
   * Before a request: passes while the registry answers; while it counts as stopped, throws at once, unless the time
   * to try {@code GET /v2/} again has come and that is answered.
   *
   * @throws RegistryStoppedAnsweringException when the registry counts as stopped
   */
  void beforeRequest() {
    if (stopped == null) {
      return;
    }
    synchronized (this) {
      if (stopped != null && nanoTime.getAsLong() - lastProbe >= PROBE_AGAIN_AFTER.toNanos()) {
        lastProbe = nanoTime.getAsLong();
        if (probe.get().isEmpty()) {
          stopped = null;
          failuresInARow = 0;
        }
      }
      if (stopped != null) {
        throw stoppedAnswering();
      }
    }
  }

  /** After a request that got an HTTP answer, whatever its status. */
  synchronized void answered() {
    requests++;
    failuresInARow = 0;
  }

  /**
   * After a request that got no HTTP answer at all.
   *
   * @return what to throw: {@code failure} itself, or, when this failure made the registry count as stopped, the
   *     {@link RegistryStoppedAnsweringException} that later requests get too
   */
  synchronized RegistryUnreachableException noAnswer(RegistryUnreachableException failure) {
    requests++;
    if (stopped != null) {
      return stoppedAnswering();
    }
    if (++failuresInARow < FAILURES_BEFORE_PROBE) {
      return failure;
    }
    lastProbe = nanoTime.getAsLong();
    Optional<String> probed = probe.get();
    if (probed.isEmpty()) {
      failuresInARow = 0;
      return failure;
    }
    stopped = new RegistryUnreachableException("the registry stopped answering: " + failure.getMessage() + ", after "
        + requests + " requests (GET /v2/ got no answer either: " + probed.get() + ")", failure);
    return stoppedAnswering();
  }

  /** A new exception each time (JUnit adds to a thrown exception what fails after it), with the same message. */
  private RegistryStoppedAnsweringException stoppedAnswering() {
    RegistryUnreachableException why = stopped;
    return new RegistryStoppedAnsweringException(why.getMessage(), why.getCause());
  }

  /** Whether the registry counts as stopped now. */
  boolean stopped() {
    return stopped != null;
  }
}
