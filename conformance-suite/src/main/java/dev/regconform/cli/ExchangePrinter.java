package dev.regconform.cli;

import dev.regconform.client.Redaction;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code OCI_DEBUG}: prints one line per HTTP exchange, {@code > METHOD URL -> STATUS}, as it happens (token
 * requests included). Only the request line and the status: no headers or bodies, and {@code _state} values
 * masked, so no credential or token is printed.
 */
final class ExchangePrinter implements Filter {
  private final PrintWriter out;

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

  private void print(String line) {
    synchronized (out) {
      out.println("      > " + Redaction.text(line));
      out.flush();
    }
  }
}
