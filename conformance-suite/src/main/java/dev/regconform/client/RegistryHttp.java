package dev.regconform.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.FileEntity;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The HTTP layer under {@link RegistryClient}: one exchange through Apache HttpClient (kept-alive, pooled connections;
 * {@link HttpConnections}), redirects followed here. Requests go out as the caller built them: no Accept header unless
 * given (a registry may tell "no Accept" from "anything", and the negotiation checks ask both), a body's Content-Type
 * only when given, else {@code application/octet-stream}, never a charset appended (registries compare Content-Type
 * exactly).
 *
 * <p>It used to go through REST Assured; measured on a local Distribution (bench/RESULTS.md) that cost 2-3 ms more a
 * request and 1.1 s for the first one (Groovy starting), a quarter of a whole conformance run.
 */
final class RegistryHttp {
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;
  /** Methods that always carry a body, empty if none is given ({@code Content-Length: 0}). */
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
  private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private final CloseableHttpClient client;
  private final Duration timeout;

  /**
   * @param timeout the longest an exchange may take ({@link ExchangeDeadline#whole}); one with a file's body may take
   *     longer, but not go this long without a byte of it going out ({@link ExchangeDeadline#idle})
   */
  RegistryHttp(CloseableHttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * One exchange, following redirects of GET and HEAD (blob downloads may redirect to storage). As docker does,
   * the Authorization header is not sent on to another host: a registry's token must not reach its storage
   * (a pre-signed storage URL may even refuse a request that carries one).
   */
  RegistryResponse execute(String method, String url, Map<String, String> headers, RequestBody body, String authorization) {
    RegistryResponse response = executeOnce(method, url, headers, body, authorization);
    URI current = URI.create(url);
    String auth = authorization;
    boolean redirectable = method.equals("GET") || method.equals("HEAD");
    for (int hops = 0; redirectable && hops < MAX_REDIRECTS && REDIRECT_STATUSES.contains(response.status()); hops++) {
      Optional<String> location = response.header(Headers.LOCATION);
      URI next;
      try {
        next = location.map(current::resolve).orElse(null);
      } catch (IllegalArgumentException notAUri) {
        next = null;
      }
      if (next == null) {
        break;
      }
      if (!sameOrigin(current, next)) {
        auth = null;
      }
      current = next;
      RegistryResponse hop = executeOnce(method, next.toString(), headers, null, auth);
      response = new RegistryResponse(method, url, hop.status(), hop.headers(), hop.body());
    }
    return response;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private RegistryResponse executeOnce(String method, String url, Map<String, String> headers, RequestBody body,
      String authorization) {
    boolean fromFile = body != null && body.file() != null;
    HttpRequestBase request = newRequest(method, url, headers, body);
    ExchangeDeadline deadline = fromFile ? ExchangeDeadline.idle(timeout, request::abort)
        : ExchangeDeadline.whole(timeout, request::abort);
    if (fromFile) {
      WithBody upload = (WithBody) request;
      upload.setEntity(new ProgressEntity(upload.getEntity(), deadline));
    }
    headers.forEach(request::addHeader);
    if (request instanceof WithBody && headers.keySet().stream().noneMatch(Headers.CONTENT_TYPE::equalsIgnoreCase)) {
      request.setHeader(Headers.CONTENT_TYPE, DEFAULT_CONTENT_TYPE);
    }
    if (authorization != null) {
      request.setHeader(Headers.AUTHORIZATION, authorization);
    }
    long started = System.currentTimeMillis();
    ExchangeSteps.SentHeaders.reset();
    try (CloseableHttpResponse response = client.execute(request)) {
      int status = response.getStatusLine().getStatusCode();
      List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
      for (Header h : response.getAllHeaders()) {
        responseHeaders.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
      }
      byte[] bytes;
      try {
        bytes = readBody(response.getEntity());
      } catch (IOException e) { // the body ended before its Content-Length, or the connection broke
        if (deadline.expired()) {
          throw new IOException(deadline.describe(), e);
        }
        String contentLength = Optional.ofNullable(response.getFirstHeader(Headers.CONTENT_LENGTH))
            .map(Header::getValue).orElse(null);
        record(started, method, url, headers, body, authorization,
            new RecordedExchange.Answer(status, responseHeaders, RecordedExchange.Body.NONE),
            "the body ended before its Content-Length (" + contentLength + "): " + rootMessage(e));
        throw new IncompleteResponseError(method, url, status, String.valueOf(contentLength), e);
      }
      record(started, method, url, headers, body, authorization,
          new RecordedExchange.Answer(status, responseHeaders, new RecordedExchange.Body.Bytes(bytes)), "");
      return new RegistryResponse(method, url, status, responseHeaders, bytes);
    } catch (IOException e) {
      RegistryUnreachableException unreachable = new RegistryUnreachableException(method + " " + Redaction.url(url)
          + " failed: " + (deadline.expired() ? deadline.describe() : rootMessage(e) + timeoutNote(e)), e);
      record(started, method, url, headers, body, authorization, null, unreachable.getMessage());
      throw unreachable;
    } finally {
      deadline.close();
    }
  }

  /** For a read that timed out: which timeout that was. */
  private String timeoutNote(IOException e) {
    return e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException)
        ? " (nothing received for " + RequestTimeout.text(timeout) + ")" : "";
  }

  /** A body that tells its deadline each time bytes go out. */
  private static final class ProgressEntity extends HttpEntityWrapper {
    private final ExchangeDeadline deadline;

    ProgressEntity(HttpEntity entity, ExchangeDeadline deadline) {
      super(entity);
      this.deadline = deadline;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      super.writeTo(new FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          deadline.progress();
        }
      });
    }
  }

  /** The request with its body, if any: POST, PUT and PATCH always carry one (maybe empty), others only if given. */
  private static HttpRequestBase newRequest(String method, String url, Map<String, String> headers, RequestBody body) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(method + " " + Redaction.url(url) + ": not a URL a request can be sent to ("
          + Redaction.text(e.getMessage()) + ")", e);
    }
    if (body == null && !BODY_METHODS.contains(method)) {
      return new Bodiless(method, uri);
    }
    WithBody request = new WithBody(method, uri);
    RequestBody content = body == null ? RequestBody.EMPTY : body;
    request.setEntity(content.file() != null ? new FileEntity(content.file().toFile()) : new ByteArrayEntity(content.bytes()));
    return request;
  }

  private static byte[] readBody(HttpEntity entity) throws IOException {
    if (entity == null) { // HEAD, 204, 304: no body
      return new byte[0];
    }
    try (InputStream in = entity.getContent()) {
      return in.readAllBytes();
    }
  }

  /** A request of any method without a body (no Content-Length sent). */
  private static final class Bodiless extends HttpRequestBase {
    private final String method;

    Bodiless(String method, URI uri) {
      this.method = method;
      setURI(uri);
    }

    @Override
    public String getMethod() {
      return method;
    }
  }

  /** A request of any method with a body. */
  private static final class WithBody extends HttpEntityEnclosingRequestBase {
    private final String method;

    WithBody(String method, URI uri) {
      this.method = method;
      setURI(uri);
    }

    @Override
    public String getMethod() {
      return method;
    }
  }

  /** Reports the exchange ({@link ExchangeSteps}); {@code answer} null when none came. */
  private static void record(long started, String method, String url, Map<String, String> headers, RequestBody body,
      String authorization, RecordedExchange.Answer answer, String note) {
    List<Map.Entry<String, String>> sent = ExchangeSteps.SentHeaders.take().orElseGet(() -> {
      // Not sent (the connection failed first): the headers as given.
      List<Map.Entry<String, String>> given = new ArrayList<>(headers.entrySet());
      if (authorization != null) {
        given.add(new AbstractMap.SimpleImmutableEntry<>(Headers.AUTHORIZATION, authorization));
      }
      return given;
    });
    ExchangeSteps.record(new RecordedExchange(started, method, url, sent,
        body == null ? RecordedExchange.Body.NONE : body.recorded(), Optional.ofNullable(answer), note));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

}
