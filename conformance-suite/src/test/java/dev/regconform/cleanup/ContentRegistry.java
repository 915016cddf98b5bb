package dev.regconform.cleanup;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.regconform.model.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny registry that keeps content, for the cleanup tests: manifests (PUT by tag or digest, HEAD, DELETE by digest,
 * which drops its tags as Distribution does), blobs (monolithic POST ?digest=, HEAD, DELETE) and the tag list. Deletes
 * can be turned off (405 UNSUPPORTED) or made to lie (202, content kept).
 */
final class ContentRegistry implements AutoCloseable {
  /** How DELETE is answered: done; 405 UNSUPPORTED; 202 but kept; 404 but kept (no DELETE route, as Artipie). */
  enum Deletes { ON, OFF, IGNORED, NOT_FOUND }

  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/([^/]+:[^/]+)");
  private static final Pattern UPLOADS = Pattern.compile("/v2/(.+)/blobs/uploads/");
  private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");

  private final HttpServer server;
  private volatile Deletes deletes = Deletes.ON;
  /** repository → digest → manifest bytes. */
  final Map<String, Map<String, byte[]>> manifests = new ConcurrentHashMap<>();
  /** repository → tag → digest. */
  final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();
  /** repository → digests. */
  final Map<String, Set<String>> blobs = new ConcurrentHashMap<>();

  private ContentRegistry(HttpServer server) {
    this.server = server;
  }

  static ContentRegistry start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ContentRegistry registry = new ContentRegistry(server);
      server.createContext("/", registry::handle);
      server.start();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ContentRegistry deletes(Deletes mode) {
    this.deletes = mode;
    return this;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Everything still held, one line per item, e.g. {@code manifest repo@sha256:…}. */
  Set<String> held() {
    Set<String> all = new java.util.TreeSet<>();
    manifests.forEach((r, m) -> m.keySet().forEach(d -> all.add("manifest " + r + "@" + d)));
    tags.forEach((r, t) -> t.keySet().forEach(tag -> all.add("tag " + r + ":" + tag)));
    blobs.forEach((r, b) -> b.forEach(d -> all.add("blob " + r + "@" + d)));
    return all;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    Matcher m;
    if (path.equals("/v2/")) {
      answer(exchange, 200, "{}");
    } else if ((m = TAGS.matcher(path)).matches()) {
      Map<String, String> t = tags.get(m.group(1));
      if (t == null && !manifests.containsKey(m.group(1))) {
        answer(exchange, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"unknown\"}]}");
      } else {
        answer(exchange, 200, "{\"name\":\"" + m.group(1) + "\",\"tags\":[" + (t == null ? "" : t.keySet().stream()
            .map(x -> "\"" + x + "\"").collect(Collectors.joining(","))) + "]}");
      }
    } else if ((m = UPLOADS.matcher(path)).matches() && method.equals("POST") && query != null
        && query.startsWith("digest=")) {
      String digest = URLDecoder.decode(query.substring("digest=".length()), UTF_8);
      blobs.computeIfAbsent(m.group(1), r -> ConcurrentHashMap.newKeySet()).add(digest);
      exchange.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/" + digest);
      answer(exchange, 201, "");
    } else if ((m = BLOB.matcher(path)).matches()) {
      Set<String> held = blobs.getOrDefault(m.group(1), Set.of());
      String digest = m.group(2);
      switch (method) {
        case "HEAD" -> answer(exchange, held.contains(digest) ? 200 : 404, "");
        case "DELETE" -> delete(exchange, held.contains(digest), () -> held.remove(digest));
        default -> answer(exchange, 405, "");
      }
    } else if ((m = MANIFEST.matcher(path)).matches()) {
      String repository = m.group(1);
      String reference = m.group(2);
      Map<String, byte[]> held = manifests.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
      Map<String, String> tagged = tags.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
      String digest = reference.contains(":") ? reference : tagged.get(reference);
      switch (method) {
        case "PUT" -> {
          String stored = Digest.sha256(body).toString();
          held.put(stored, body);
          if (!reference.contains(":")) {
            tagged.put(reference, stored);
          }
          exchange.getResponseHeaders().add("Docker-Content-Digest", stored);
          answer(exchange, 201, "");
        }
        case "HEAD", "GET" -> {
          if (digest != null && held.containsKey(digest)) {
            exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
            answer(exchange, 200, new String(held.get(digest), UTF_8));
          } else {
            answer(exchange, 404, "");
          }
        }
        case "DELETE" -> delete(exchange, digest != null && held.containsKey(digest), () -> {
          held.remove(digest);
          tagged.values().removeIf(digest::equals);
        });
        default -> answer(exchange, 405, "");
      }
    } else {
      answer(exchange, 404, "");
    }
  }

  private void delete(HttpExchange exchange, boolean present, Runnable removal) throws IOException {
    switch (deletes) {
      case OFF -> answer(exchange, 405,
          "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"The operation is unsupported.\"}]}");
      case IGNORED -> answer(exchange, 202, "");
      case NOT_FOUND -> answer(exchange, 404, "");
      case ON -> {
        if (present) {
          removal.run();
        }
        answer(exchange, present ? 202 : 404, "");
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    boolean none = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
    if (!none) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, none ? -1 : bytes.length);
    if (!none) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
