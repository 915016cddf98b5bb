package dev.regconform.client;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.http.HttpRequestInterceptor;

/**
 * Stops the toolkit's HTTP requests when a run is interrupted: once {@link #close(String) closed}, every request any
 * {@link RegistryClient} of this JVM sends fails at once with an {@link IOException} naming the reason (the client
 * reports it as unreachable), except on a thread running {@link #exempt(Callable)} — the cleanup that deletes what the
 * interrupted run pushed. So nothing new lands on the registry while that cleanup runs.
 *
 * <pre>{@code
 * RequestGate.close("the run was interrupted (SIGINT)");
 * RequestGate.exempt(() -> client.deleteManifest(repository, digest.toString()));
 * }</pre>
 */
public final class RequestGate {
  private static volatile String closedBecause;
  /** Inherited: threads an exempt cleanup starts (its pool) are exempt too. */
  private static final InheritableThreadLocal<Boolean> EXEMPT = new InheritableThreadLocal<>() {
    @Override
    protected Boolean initialValue() {
      return false;
    }
  };

  /** Added first to every client's HTTP stack ({@link HttpConnections}). */
  static final HttpRequestInterceptor INTERCEPTOR = (request, context) -> check();

  private RequestGate() {}

  /**
   * Refuses every request from now on, but those of {@link #exempt} threads. Any thread may close it; requests already
   * under way are not stopped.
   *
   * @param reason why, ending each refused request's message ("request not sent: …")
   * @throws NullPointerException when {@code reason} is null
   */
  public static void close(String reason) {
    closedBecause = Objects.requireNonNull(reason, "reason");
  }

  /** Lets requests through again (tests; a run that ends normally never closes the gate). */
  public static void open() {
    closedBecause = null;
  }

  /**
   * Whether the gate is closed: the client uses it to tell a request refused here from a registry that stopped
   * answering.
   *
   * @return true from {@link #close} until {@link #open}
   */
  public static boolean isClosed() {
    return closedBecause != null;
  }

  /**
   * Runs {@code work} on this thread (and threads it starts while it runs) with its requests let through, closed gate or
   * not.
   *
   * @param <T> what {@code work} returns
   * @param work the cleanup to run
   * @return what {@code work} returned
   * @throws Exception what {@code work} threw
   */
  public static <T> T exempt(Callable<T> work) throws Exception {
    boolean before = EXEMPT.get();
    EXEMPT.set(true);
    try {
      return work.call();
    } finally {
      EXEMPT.set(before);
    }
  }

  /** Throws when the gate is closed and this thread is not exempt. */
  static void check() throws IOException {
    String reason = closedBecause;
    if (reason != null && !EXEMPT.get()) {
      throw new IOException("request not sent: " + reason);
    }
  }
}
