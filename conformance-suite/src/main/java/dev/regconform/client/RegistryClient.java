package dev.regconform.client;

import static io.restassured.config.EncoderConfig.encoderConfig;
import static io.restassured.config.HttpClientConfig.httpClientConfig;
import static io.restassured.config.RedirectConfig.redirectConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.model.Digest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry HTTP API, one method per endpoint of the distribution spec (ids {@code end-1} … in comments).
 * Methods return the exchange as a {@link RegistryResponse} and never assert: checks decide what is right.
 *
 * <pre>{@code
 * RegistryClient registry = RegistryClient.builder(URI.create("http://127.0.0.1:5000")).build();
 * RegistryResponse start = registry.startUpload("acme/app");            // POST /v2/acme/app/blobs/uploads/
 * RegistryResponse done = registry.completeUpload(start.header("Location").orElseThrow(), digest, bytes);
 * }</pre>
 *
 * <p>Authentication follows the registry's challenge: Basic credentials are sent when it asks for Basic;
 * for Bearer, a token is fetched from the challenge's realm (with the credentials when there are any) and
 * cached per scope. Credentials and tokens never appear in messages. This class is thread-safe.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">spec: endpoints</a>
 */
public final class RegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UPLOAD_PATH = Pattern.compile("/v2/(.+)/blobs/uploads/");
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  private final URI baseUri;
  private final boolean insecure;
  private final RestAssuredConfig config;
  private final RegistryAuthenticator authenticator;

  private RegistryClient(Builder builder) {
    this.baseUri = builder.baseUri;
    this.authenticator = new RegistryAuthenticator(builder.credentials);
    this.insecure = builder.insecure;
    this.config = RestAssuredConfig.config()
        // Registries compare Content-Type exactly: never let the client append "; charset=…".
        .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
        // Redirects are followed in execute(), which keeps credentials from the hosts they were not meant for.
        .redirect(redirectConfig().followRedirects(false))
        .httpClient(httpClientConfig()
            .setParam("http.connection.timeout", builder.connectTimeoutMillis)
            .setParam("http.socket.timeout", builder.readTimeoutMillis));
  }

  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  public URI baseUri() {
    return baseUri;
  }

  // end-1: GET /v2/
  public RegistryResponse checkVersion() {
    return send("GET", url("/v2/"), Map.of(), null, null);
  }

  // end-2: GET /v2/<name>/blobs/<digest>
  public RegistryResponse getBlob(String repository, Digest digest) {
    return send("GET", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "pull"));
  }

  // end-2: HEAD /v2/<name>/blobs/<digest>
  public RegistryResponse headBlob(String repository, Digest digest) {
    return send("HEAD", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "pull"));
  }

  // end-3: GET /v2/<name>/manifests/<reference>
  public RegistryResponse getManifest(String repository, String reference, List<String> accept) {
    return send("GET", url("/v2/" + repository + "/manifests/" + reference), acceptHeader(accept), null,
        scope(repository, "pull"));
  }

  // end-3: HEAD /v2/<name>/manifests/<reference>
  public RegistryResponse headManifest(String repository, String reference, List<String> accept) {
    return send("HEAD", url("/v2/" + repository + "/manifests/" + reference), acceptHeader(accept), null,
        scope(repository, "pull"));
  }

  // end-4a: POST /v2/<name>/blobs/uploads/
  public RegistryResponse startUpload(String repository) {
    return send("POST", url("/v2/" + repository + "/blobs/uploads/"), Map.of(), Body.EMPTY, scope(repository, "pull,push"));
  }

  // end-5: PATCH <location> with a chunk, streamed (no Content-Range) when range is null
  public RegistryResponse patchUpload(String location, byte[] chunk, String contentRange) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Headers.CONTENT_TYPE, "application/octet-stream");
    if (contentRange != null) {
      headers.put(Headers.CONTENT_RANGE, contentRange);
    }
    String url = resolve(location);
    return send("PATCH", url, headers, Body.of(chunk), uploadScope(url));
  }

  // end-5: PATCH <location> with a file's content, streamed
  public RegistryResponse patchUpload(String location, Path file) {
    String url = resolve(location);
    return send("PATCH", url, Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), Body.of(file), uploadScope(url));
  }

  // end-6: PUT <location>?digest=<digest>, with the last chunk (or the whole blob) or no body
  public RegistryResponse completeUpload(String location, Digest digest, byte[] body) {
    String url = resolve(location);
    String scope = uploadScope(url);
    url += (url.contains("?") ? "&" : "?") + "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
    return send("PUT", url, Map.of(Headers.CONTENT_TYPE, "application/octet-stream"),
        Body.of(body == null ? new byte[0] : body), scope);
  }

  // end-12: GET <location> (upload status)
  public RegistryResponse uploadStatus(String location) {
    String url = resolve(location);
    return send("GET", url, Map.of(), null, uploadScope(url));
  }

  // end-13: DELETE <location> (cancel upload)
  public RegistryResponse cancelUpload(String location) {
    String url = resolve(location);
    return send("DELETE", url, Map.of(), null, uploadScope(url));
  }

  // end-7: PUT /v2/<name>/manifests/<reference>
  public RegistryResponse putManifest(String repository, String reference, String mediaType, byte[] body) {
    return send("PUT", url("/v2/" + repository + "/manifests/" + reference), Map.of(Headers.CONTENT_TYPE, mediaType),
        Body.of(body), scope(repository, "pull,push"));
  }

  // GET <location>: follows a Location the registry returned for a stored blob or manifest (end-6, end-7)
  public RegistryResponse getLocation(String location, List<String> accept) {
    return send("GET", resolve(location), acceptHeader(accept), null, null);
  }

  // end-8a: GET /v2/<name>/tags/list
  public RegistryResponse listTags(String repository) {
    return send("GET", url("/v2/" + repository + "/tags/list"), Map.of(), null, scope(repository, "pull"));
  }

  // end-9: DELETE /v2/<name>/manifests/<reference>
  public RegistryResponse deleteManifest(String repository, String reference) {
    return send("DELETE", url("/v2/" + repository + "/manifests/" + reference), Map.of(), null,
        scope(repository, "delete"));
  }

  // end-10: DELETE /v2/<name>/blobs/<digest>
  public RegistryResponse deleteBlob(String repository, Digest digest) {
    return send("DELETE", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "delete"));
  }

  /** An absolute URL for a {@code Location} value, which the spec allows to be relative. */
  public String resolve(String location) {
    return baseUri.resolve(location).toString();
  }

  /** The tags of a {@code tags/list} body, or empty when the body is not one. */
  public static Optional<List<String>> tagsOf(RegistryResponse response) {
    try {
      JsonNode root = JSON.readTree(response.body());
      if (root == null || !root.has("tags")) {
        return Optional.empty();
      }
      List<String> tags = new ArrayList<>();
      root.get("tags").forEach(t -> tags.add(t.asText()));
      return Optional.of(tags);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String url(String path) {
    return baseUri.toString().replaceAll("/+$", "") + path;
  }

  private static Map<String, String> acceptHeader(List<String> accept) {
    return accept.isEmpty() ? Map.of() : Map.of(Headers.ACCEPT, String.join(", ", accept));
  }

  private static String scope(String repository, String actions) {
    return "repository:" + repository + ":" + actions;
  }

  /**
   * The push scope of the repository an upload session URL belongs to ({@code …/v2/<name>/blobs/uploads/…}),
   * so PATCH and PUT reuse the token POST got instead of meeting a 401 (with the whole body sent) first.
   * Null when the URL does not show its repository.
   */
  private static String uploadScope(String url) {
    Matcher m = UPLOAD_PATH.matcher(URI.create(url).getRawPath() == null ? "" : URI.create(url).getRawPath());
    return m.find() ? scope(m.group(1), "pull,push") : null;
  }

  /** One request; a 401 with a challenge is answered once (Basic or a Bearer token) and the request retried. */
  private RegistryResponse send(String method, String url, Map<String, String> headers, Body body, String scope) {
    Optional<String> auth = authenticator.authorizationFor(scope);
    RegistryResponse response = execute(method, url, headers, body, auth.orElse(null));
    if (response.status() == 401 && response.header(Headers.WWW_AUTHENTICATE).isPresent()) {
      Optional<String> retryAuth = authenticator.answer(response, scope,
          (tokenUrl, basic) -> execute("GET", tokenUrl, Map.of(), null, basic));
      if (retryAuth.isPresent() && !retryAuth.equals(auth)) {
        response = execute(method, url, headers, body, retryAuth.get());
      }
    }
    return response;
  }

  /**
   * One exchange, following redirects of GET and HEAD (blob downloads may redirect to storage). As docker does,
   * the Authorization header is not sent on to another host: a registry's token must not reach its storage
   * (a pre-signed storage URL may even refuse a request that carries one).
   */
  private RegistryResponse execute(String method, String url, Map<String, String> headers, Body body, String authorization) {
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

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private RegistryResponse executeOnce(String method, String url, Map<String, String> headers, Body body,
      String authorization) {
    RequestSpecification request = RestAssured.given().config(config).urlEncodingEnabled(false);
    if (insecure) {
      request.relaxedHTTPSValidation();
    }
    headers.forEach(request::header);
    if (authorization != null) {
      request.header(Headers.AUTHORIZATION, authorization);
    }
    if (body != null) {
      body.applyTo(request);
    }
    Response response;
    try {
      response = request.request(method, url);
    } catch (Exception e) { // REST Assured rethrows checked I/O exceptions (ConnectException) undeclared
      throw new RegistryUnreachableException(method + " " + Redaction.url(url) + " failed: " + rootMessage(e), e);
    }
    List<Map.Entry<String, String>> responseHeaders = new ArrayList<>();
    for (Header h : response.getHeaders().asList()) {
      responseHeaders.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
    }
    byte[] bytes = method.equals("HEAD") ? new byte[0] : response.asByteArray();
    return new RegistryResponse(method, url, response.getStatusCode(), responseHeaders, bytes);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /** A request body: bytes in memory or a file streamed from disk. */
  private record Body(byte[] bytes, Path file) {
    static final Body EMPTY = new Body(new byte[0], null);

    static Body of(byte[] bytes) {
      return new Body(bytes, null);
    }

    static Body of(Path file) {
      return new Body(null, file);
    }

    void applyTo(RequestSpecification request) {
      if (file != null) {
        request.body(file.toFile());
      } else {
        request.body(bytes);
      }
    }
  }

  /** Builds a client; only the base URI is required. */
  public static final class Builder {
    private final URI baseUri;
    private Credentials credentials;
    private boolean insecure;
    private int connectTimeoutMillis = 10_000;
    private int readTimeoutMillis = 120_000;

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    }

    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /** Accept self-signed or otherwise unverifiable TLS certificates. */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    public Builder connectTimeoutMillis(int millis) {
      this.connectTimeoutMillis = millis;
      return this;
    }

    public Builder readTimeoutMillis(int millis) {
      this.readTimeoutMillis = millis;
      return this;
    }

    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
