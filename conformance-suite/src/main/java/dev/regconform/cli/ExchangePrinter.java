package dev.regconform.cli;

import dev.regconform.client.Redaction;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code OCI_DEBUG}: prints one line per HTTP exchange, {@code > METHOD URL -> STATUS}, as it happens (token
 * requests included). Only the request line and the status: no headers or bodies, and {@code _state} values
 * masked, so no credential or token is printed.
 *
 * <p>It is a global REST Assured filter, so it hears every target's exchanges; each line goes to the console of the
 * target whose thread made the request ({@link #printingTo}), so that targets running in parallel
 * ({@link ParallelTargets}) keep their exchanges in their own block.
 */
final class ExchangePrinter implements Filter {
  private final PrintWriter out;
  /** The console of the target the current thread (or the thread that started it) works for. */
  private final InheritableThreadLocal<PrintWriter> console = new InheritableThreadLocal<>();

  ExchangePrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
      FilterContext context) {
    String line = request.getMethod().toUpperCase(Locale.ROOT) + " " + Redaction.url(request.getURI());
    Response r = null;
    try {
      r = context.next(request, response);
      return r;
    } finally {
      print(line + " -> " + (r == null ? "no response" : String.valueOf(r.getStatusCode())));
    }
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
