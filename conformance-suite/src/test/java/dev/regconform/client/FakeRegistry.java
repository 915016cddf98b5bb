package dev.regconform.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A registry stand-in for client tests: a JDK {@link HttpServer} on 127.0.0.1 and a free port that records
 * every request and answers with whatever the test's handler returns (200 with no body by default).
 *
 * <pre>{@code
 * try (FakeRegistry fake = FakeRegistry.start()) {
 *   fake.handle(request -> Reply.status(201).header("Location", "/v2/a/blobs/uploads/1"));
 *   RegistryClient client = RegistryClient.builder(fake.baseUri()).build();
 *   client.startUpload("a");
 *   assertThat(fake.lastRequest().path()).isEqualTo("/v2/a/blobs/uploads/");
 * }
 * }</pre>
 */
final class FakeRegistry implements AutoCloseable {
  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Reply> handler = request -> Reply.status(200);

  private FakeRegistry(HttpServer server) {
    this.server = server;
  }

  static FakeRegistry start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeRegistry fake = new FakeRegistry(server);
      server.createContext("/", fake::exchange);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets how the fake answers from now on. */
  void handle(Function<Request, Reply> handler) {
    this.handler = handler;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  Request lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the fake registry received no request");
    }
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body);
      requests.add(request);
      Reply reply;
      try {
        reply = handler.apply(request);
      } catch (RuntimeException | AssertionError e) {
        reply = Reply.status(500).body("fake registry handler failed: " + e);
      }
      reply.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
      boolean head = request.method().equals("HEAD");
      exchange.sendResponseHeaders(reply.status(), head || reply.body().length == 0 ? -1 : reply.body().length);
      if (!head && reply.body().length > 0) {
        exchange.getResponseBody().write(reply.body());
      }
    }
  }

  /**
   * One request as the fake received it.
   *
   * @param uri the request target as sent (path and raw query)
   */
  record Request(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {
    String path() {
      return uri.getPath();
    }

    /** The query as sent, still percent-encoded, or null. */
    String rawQuery() {
      return uri.getRawQuery();
    }

    /** Every value of each query parameter, decoded. */
    Map<String, List<String>> queryParams() {
      Map<String, List<String>> params = new LinkedHashMap<>();
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          String[] kv = pair.split("=", 2);
          params.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length == 2 ? decode(kv[1]) : "");
        }
      }
      return params;
    }

    Optional<String> header(String name) {
      return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }

  /** What the fake answers. */
  record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    static Reply status(int status) {
      return new Reply(status, List.of(), new byte[0]);
    }

    Reply header(String name, String value) {
      List<Map.Entry<String, String>> h = new ArrayList<>(headers);
      h.add(Map.entry(name, value));
      return new Reply(status, h, body);
    }

    Reply body(byte[] bytes) {
      return new Reply(status, headers, bytes);
    }

    Reply body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    Reply json(String json) {
      return header("Content-Type", "application/json").body(json);
    }
  }
}
