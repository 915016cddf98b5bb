package dev.regconform.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.regconform.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry stand-in for the blob benchmark's tests: the upload endpoints (POST, PATCH, PUT ?digest, DELETE of an
 * upload), GET and DELETE of a blob, and GET /v2/, on 127.0.0.1, keeping blobs in memory (so: small ones). A PUT
 * with another digest than that of the bytes received answers 400; a GET serves the bytes received (or, after
 * {@link #corruptPulls()}, them with one byte flipped). Every request is recorded with its Content-Length and
 * Transfer-Encoding.
 *
 * <pre>{@code
 * try (BlobStore store = BlobStore.start()) {
 *   new BlobBench(RegistryClient.builder(store.baseUri()).build(), "acme/bench", 1 << 20, 42).run();
 * }
 * }</pre>
 */
public final class BlobStore implements AutoCloseable {
  private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([^/]*)");
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, String> uploadDigests = new ConcurrentHashMap<>();
  private volatile int patchStatus = 202;
  private volatile int deleteStatus = 202;
  private volatile boolean corruptPulls;

  /**
   * One request as it arrived.
   *
   * @param contentLength its Content-Length header, or null
   * @param transferEncoding its Transfer-Encoding header, or null
   * @param bodyBytes how many body bytes arrived
   */
  public record Request(String method, String pathAndQuery, String contentLength, String transferEncoding,
      long bodyBytes) {}

  private BlobStore(HttpServer server) {
    this.server = server;
  }

  /** Serves on a free port of 127.0.0.1. */
  public static BlobStore start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      BlobStore store = new BlobStore(server);
      server.createContext("/", store::exchange);
      server.start();
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The digest of the bytes the PATCH of each upload carried, by upload id. */
  public Map<String, String> uploadDigests() {
    return Map.copyOf(uploadDigests);
  }

  /** Whether the repository still holds the blob. */
  public boolean holds(String repository, Digest digest) {
    return blobs.containsKey(repository + "@" + digest);
  }

  /** The status every PATCH answers (202 by default; the body is read either way). */
  public BlobStore patchStatus(int status) {
    this.patchStatus = status;
    return this;
  }

  /** The status a DELETE of a blob answers (202 by default; the blob stays unless it is 202). */
  public BlobStore deleteStatus(int status) {
    this.deleteStatus = status;
    return this;
  }

  /** Makes GETs serve the blob with its first byte flipped. */
  public BlobStore corruptPulls() {
    this.corruptPulls = true;
    return this;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      long bodyBytes = body.length;
      requests.add(new Request(method, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(),
          exchange.getRequestHeaders().getFirst("Content-Length"),
          exchange.getRequestHeaders().getFirst("Transfer-Encoding"), bodyBytes));
      Matcher upload = UPLOAD.matcher(path);
      Matcher blob = BLOB.matcher(path);
      if (path.equals("/v2/") && method.equals("GET")) {
        answer(exchange, 200, null);
      } else if (upload.matches() && method.equals("POST")) {
        String id = "u" + requests.size();
        uploads.put(id, new byte[0]);
        answer(exchange, 202, "/v2/" + upload.group(1) + "/blobs/uploads/" + id);
      } else if (upload.matches() && method.equals("PATCH") && uploads.containsKey(upload.group(2))) {
        uploads.put(upload.group(2), body);
        uploadDigests.put(upload.group(2), Digest.sha256(body).toString());
        answer(exchange, patchStatus, "/v2/" + upload.group(1) + "/blobs/uploads/" + upload.group(2));
      } else if (upload.matches() && method.equals("PUT") && uploads.containsKey(upload.group(2))) {
        String digest = uri.getQuery().replaceFirst("^digest=", "");
        if (!digest.equals(uploadDigests.get(upload.group(2)))) {
          answer(exchange, 400, null);
          return;
        }
        blobs.put(upload.group(1) + "@" + digest, uploads.remove(upload.group(2)));
        exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
        answer(exchange, 201, "/v2/" + upload.group(1) + "/blobs/" + digest);
      } else if (upload.matches() && method.equals("DELETE")) {
        uploads.remove(upload.group(2));
        answer(exchange, 204, null);
      } else if (blob.matches() && method.equals("GET") && blobs.containsKey(blob.group(1) + "@" + blob.group(2))) {
        byte[] bytes = blobs.get(blob.group(1) + "@" + blob.group(2)).clone();
        if (corruptPulls && bytes.length > 0) {
          bytes[0] ^= 1;
        }
        exchange.getResponseHeaders().add("Docker-Content-Digest", blob.group(2));
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      } else if (blob.matches() && method.equals("DELETE") && blobs.containsKey(blob.group(1) + "@" + blob.group(2))) {
        if (deleteStatus == 202) {
          blobs.remove(blob.group(1) + "@" + blob.group(2));
        }
        answer(exchange, deleteStatus, null);
      } else {
        answer(exchange, 404, null);
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String location) throws IOException {
    if (location != null) {
      exchange.getResponseHeaders().add("Location", location);
    }
    exchange.sendResponseHeaders(status, -1);
  }
}
