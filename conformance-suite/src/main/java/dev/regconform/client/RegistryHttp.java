package dev.regconform.client;

import static io.restassured.config.EncoderConfig.encoderConfig;
import static io.restassured.config.HttpClientConfig.httpClientConfig;
import static io.restassured.config.RedirectConfig.redirectConfig;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTTP layer under {@link RegistryClient}: one exchange through REST Assured, redirects followed here. */
final class RegistryHttp {
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;
  /**
   * Set on a request whose caller gave no Accept header: REST Assured then adds {@code Accept: *}{@code /*} itself,
   * and {@link #newApacheClient()} takes both off again, so that the request goes out without one (a registry may
   * tell "no Accept" from "anything", and the negotiation checks ask both).
   */
  private static final String NO_ACCEPT = "X-Regconform-No-Accept";

  private final boolean insecure;
  private final RestAssuredConfig config;

  RegistryHttp(boolean insecure, int connectTimeoutMillis, int readTimeoutMillis) {
    this.insecure = insecure;
    this.config = RestAssuredConfig.config()
        // Registries compare Content-Type exactly: never let the client append "; charset=…".
        .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
            // A form (the OAuth2 token request) is sent as the bytes the caller encoded, like every other body.
            .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY))
        // Redirects are followed in execute(), which keeps credentials from the hosts they were not meant for.
        .redirect(redirectConfig().followRedirects(false))
        .httpClient(httpClientConfig()
            .httpClientFactory(RegistryHttp::newApacheClient)
            .setParam("http.connection.timeout", connectTimeoutMillis)
            .setParam("http.socket.timeout", readTimeoutMillis));
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

  /** REST Assured's default client (a DefaultHttpClient), with the interceptor that honours {@link #NO_ACCEPT}. */
  @SuppressWarnings("deprecation") // DefaultHttpClient is what REST Assured itself creates by default
  private static org.apache.http.client.HttpClient newApacheClient() {
    org.apache.http.impl.client.DefaultHttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
    client.addRequestInterceptor((request, context) -> {
      if (request.containsHeader(NO_ACCEPT)) {
        request.removeHeaders(NO_ACCEPT);
        request.removeHeaders(Headers.ACCEPT);
      }
    });
    // Last, so it sees the request as it goes out (for the report: ExchangeSteps).
    client.addRequestInterceptor(ExchangeSteps.SentHeaders.INTERCEPTOR);
    return client;
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
    RequestSpecification request = RestAssured.given().config(config).urlEncodingEnabled(false);
    if (insecure) {
      request.relaxedHTTPSValidation();
    }
    headers.forEach(request::header);
    if (headers.keySet().stream().noneMatch(Headers.ACCEPT::equalsIgnoreCase)) {
      request.header(NO_ACCEPT, "true");
    }
    if (authorization != null) {
      request.header(Headers.AUTHORIZATION, authorization);
    }
    if (body != null) {
      body.applyTo(request);
    }
    long started = System.currentTimeMillis();
    ExchangeSteps.SentHeaders.reset();
    Response response;
    try {
      response = request.request(method, url);
    } catch (Exception e) { // REST Assured rethrows checked I/O exceptions (ConnectException) undeclared
      RegistryUnreachableException unreachable =
          new RegistryUnreachableException(method + " " + Redaction.url(url) + " failed: " + rootMessage(e), e);
      record(started, method, url, headers, body, authorization, null, unreachable.getMessage());
      throw unreachable;
    }
    List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
    for (Header h : response.getHeaders().asList()) {
      responseHeaders.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
    }
    byte[] bytes;
    try {
      bytes = method.equals("HEAD") ? new byte[0] : response.asByteArray();
    } catch (Exception e) { // the body ended before its Content-Length: REST Assured rethrows it undeclared
      record(started, method, url, headers, body, authorization,
          new RecordedExchange.Answer(response.getStatusCode(), responseHeaders, RecordedExchange.Body.NONE),
          "the body ended before its Content-Length (" + response.getHeader(Headers.CONTENT_LENGTH) + "): "
              + rootMessage(e));
      throw new IncompleteResponseError(method, url, response.getStatusCode(),
          String.valueOf(response.getHeader(Headers.CONTENT_LENGTH)), e);
    }
    record(started, method, url, headers, body, authorization,
        new RecordedExchange.Answer(response.getStatusCode(), responseHeaders, new RecordedExchange.Body.Bytes(bytes)), "");
    return new RegistryResponse(method, url, response.getStatusCode(), responseHeaders, bytes);
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
