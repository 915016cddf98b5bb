package dev.regconform.cli;

import dev.regconform.client.ExchangeListeners;
import dev.regconform.client.Redaction;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * {@code OCI_DEBUG}: prints one line per HTTP exchange, {@code > METHOD URL -> STATUS}, as it happens (token
 * requests included). Only the request line and the status: no headers or bodies, and {@code _state} values
 * masked, so no credential or token is printed.
 *
 * <p>It is an {@link ExchangeListeners.Listener}, so it hears every target's exchanges; each line goes to the console of the
 * target whose thread made the request ({@link #printingTo}), so that targets running in parallel
 * ({@link ParallelTargets}) keep their exchanges in their own block.
 */
final class ExchangePrinter implements ExchangeListeners.Listener {
  private final PrintWriter out;
  /** The console of the target the current thread (or the thread that started it) works for. */
  private final InheritableThreadLocal<PrintWriter> console = new InheritableThreadLocal<>();

  ExchangePrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void exchanged(String method, String url, OptionalInt status) {
    print(method + " " + Redaction.url(url) + " -> "
        + (status.isPresent() ? String.valueOf(status.getAsInt()) : "no response"));
  }

  /** Runs {@code work}, printing the exchanges its thread (and threads it starts) make to {@code target}. */
  <T> T printingTo(PrintWriter target, Supplier<T> work) {
    PrintWriter before = console.get();
    console.set(target);
    try {
      return work.get();
    } finally {
      console.set(before);
    }
  }

  private void print(String line) {
    PrintWriter to = console.get() == null ? out : console.get();
    synchronized (to) {
      to.println("      > " + Redaction.text(line));
      to.flush();
    }
  }
}
