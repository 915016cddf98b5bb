package dev.regconform.cleanup;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What happens when a run is interrupted (Ctrl-C, SIGTERM) or the JVM ends before the run's cleanup was verified: a
 * shutdown hook stops the run ({@code stop}), then runs {@code cleanup} for at most {@code limit} and prints the lines
 * it returns. A second Ctrl-C (or SIGTERM) while it runs abandons the cleanup: the JVM ends at once, after one line
 * saying so. Exit status after a signal: 130 for SIGINT, 143 for SIGTERM (128 + the signal's number), as a shell
 * reports it.
 *
 * <pre>{@code
 * Interruption interruption = Interruption.arm(out, Duration.ofSeconds(30), RequestGate::close,
 *     deadline -> List.of(sweep.run(deadline).consoleLine()));
 * runTheChecks();
 * interruption.disarm();   // the run's own end did the cleanup
 * }</pre>
 */
public final class Interruption {
  /** Why the run stops, for the request gate's messages: {@code the run was interrupted (SIGINT)}. */
  @FunctionalInterface
  public interface Stop {
    void stop(String why);
  }

  private final PrintWriter out;
  private final Duration limit;
  private final Stop stop;
  private final Function<java.time.Instant, List<String>> cleanup;
  private final AtomicReference<String> signalled = new AtomicReference<>();
  private final AtomicBoolean armed = new AtomicBoolean(true);
  private final AtomicBoolean running = new AtomicBoolean();
  private final Thread hook;
  private boolean hookAdded;
  private SignalHandler previousInt;
  private SignalHandler previousTerm;

  private Interruption(PrintWriter out, Duration limit, Stop stop, Function<java.time.Instant, List<String>> cleanup) {
    this.out = Objects.requireNonNull(out, "out");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.stop = Objects.requireNonNull(stop, "stop");
    this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
    this.hook = new Thread(this::onShutdown, "regconform-interrupted-cleanup");
  }

  /**
   * Installs the shutdown hook and the SIGINT and SIGTERM handlers (where the JVM lets it: a process started with
   * SIGINT ignored, as a shell's background job is, keeps ignoring it).
   *
   * @param limit how long the cleanup may take
   * @param stop stops the run: no request goes out any more but the cleanup's
   * @param cleanup given the deadline, deletes what the run stored and returns the lines to print
   */
  public static Interruption arm(PrintWriter out, Duration limit, Stop stop,
      Function<java.time.Instant, List<String>> cleanup) {
    Interruption interruption = new Interruption(out, limit, stop, cleanup);
    Runtime.getRuntime().addShutdownHook(interruption.hook);
    interruption.hookAdded = true;
    interruption.previousInt = handle("INT", interruption);
    interruption.previousTerm = handle("TERM", interruption);
    return interruption;
  }

  /** An interruption with no hook or signal handler installed: tests call {@link #onShutdown()} themselves. */
  static Interruption unarmed(PrintWriter out, Duration limit, Stop stop,
      Function<java.time.Instant, List<String>> cleanup) {
    return new Interruption(out, limit, stop, cleanup);
  }

  /** The run ended and verified its cleanup itself: nothing to do at exit, signals behave as before. */
  public void disarm() {
    if (!armed.getAndSet(false) || previousInt == null && previousTerm == null && !hookAdded) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs or ran already; disarmed, it does nothing.
    }
    restore("INT", previousInt);
    restore("TERM", previousTerm);
  }

  /** True once a signal came or the shutdown hook started its cleanup: the run is being stopped. */
  public boolean triggered() {
    return signalled.get() != null || running.get();
  }

  /**
   * Once interrupted, the thread that would go on (write reports, clean up itself) waits here for the shutdown hook,
   * which ends the JVM when its cleanup is done; otherwise returns at once.
   */
  public void holdIfTriggered() {
    while (triggered()) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // The JVM ends when the hook is done; nothing to do before.
      }
    }
  }

  /** The shutdown hook's work; package-private so tests can run it without ending their JVM. */
  void onShutdown() {
    if (!armed.get() || !running.compareAndSet(false, true)) {
      return;
    }
    String why = signalled.get() != null ? "the run was interrupted (" + signalled.get() + ")"
        : "the run ended before its cleanup was verified";
    long seconds = limit.toSeconds();
    out.println("regconform: " + why + ": stopping it and deleting what it pushed (at most " + seconds + " s"
        + (signalled.get() != null ? "; " + signalled.get().replace("SIG", "") + " again to abandon" : "") + ")");
    out.flush();
    stop.stop(why);
    java.time.Instant deadline = java.time.Instant.now().plus(limit);
    AtomicReference<List<String>> lines = new AtomicReference<>();
    Thread worker = new Thread(() -> lines.set(cleanup.apply(deadline)), "regconform-interrupted-sweep");
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(limit.plusSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> done = lines.get();
    if (done == null) {
      out.println("regconform: the cleanup did not finish within " + seconds + " s; what it had not deleted stays");
    } else {
      done.forEach(out::println);
    }
    out.flush();
  }

  private void onSignal(Signal signal) {
    if (!armed.get()) {
      return;
    }
    String name = "SIG" + signal.getName();
    if (!signalled.compareAndSet(null, name)) {
      // The second one: the user does not want to wait for the cleanup.
      out.println("regconform: " + name + " again: cleanup abandoned; what it had not deleted stays");
      out.flush();
      Runtime.getRuntime().halt(128 + signal.getNumber());
      return;
    }
    // As the JVM's own handler does: exit, which runs the shutdown hooks (ours among them).
    Thread exit = new Thread(() -> System.exit(128 + signal.getNumber()), "regconform-exit-on-" + name);
    exit.start();
  }

  private static SignalHandler handle(String name, Interruption interruption) {
    try {
      return Signal.handle(new Signal(name), interruption::onSignal);
    } catch (IllegalArgumentException unavailable) {
      return null; // the signal does not exist here, or the JVM keeps it (-Xrs): the shutdown hook still runs
    }
  }

  private static void restore(String name, SignalHandler previous) {
    if (previous != null) {
      try {
        Signal.handle(new Signal(name), previous);
      } catch (IllegalArgumentException e) {
        // As in handle(): nothing to restore.
      }
    }
  }
}
