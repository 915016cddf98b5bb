package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A stand-in registry for command-line tests: answers {@code GET /v2/} with 200 like Distribution and everything else
 * with 404 {@code NAME_UNKNOWN}, so every check that needs content fails fast. Extra headers go on every response.
 */
final class StandInRegistry implements AutoCloseable {
  private final HttpServer server;

  private StandInRegistry(HttpServer server) {
    this.server = server;
  }

  static StandInRegistry start(Map<String, String> headers) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean ping = exchange.getRequestURI().getPath().equals("/v2/");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      headers.forEach(exchange.getResponseHeaders()::add);
      byte[] body = ping ? "{}".getBytes(UTF_8)
          : "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"stand-in\"}]}".getBytes(UTF_8);
      exchange.sendResponseHeaders(ping ? 200 : 404, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
      if (!exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    return new StandInRegistry(server);
  }

  /** {@code http://127.0.0.1:<port>}. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
