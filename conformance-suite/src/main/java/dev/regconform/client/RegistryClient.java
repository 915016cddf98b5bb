package dev.regconform.client;





import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.impl.client.CloseableHttpClient;

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

  private final URI baseUri;
  private final RegistryHttp http;
  private final RegistryAuthenticator authenticator;
  private final ShortBodySender shortBodies;
  private final InterruptedRequestSender interrupted;
  private final StreamingDownloads downloads;
  private final StreamingUploads uploads;
  private final RegistryLiveness liveness;

  private RegistryClient(Builder builder) {
    this.baseUri = builder.baseUri;
    this.authenticator = new RegistryAuthenticator(builder.credentials, builder.clock);
    CloseableHttpClient connections =
        HttpConnections.open(builder.insecure, builder.connectTimeoutMillis, builder.readTimeoutMillis);
    java.time.Duration timeout = java.time.Duration.ofMillis(builder.readTimeoutMillis);
    this.http = new RegistryHttp(connections, timeout);
    this.shortBodies = new ShortBodySender(builder.insecure, builder.connectTimeoutMillis, builder.shortBodyWaitMillis,
        builder.shortBodyAnswerMillis);
    this.interrupted = new InterruptedRequestSender(shortBodies);
    this.downloads = new StreamingDownloads(connections, timeout);
    this.uploads = new StreamingUploads(connections, timeout);
    this.liveness = new RegistryLiveness(this::probe);
  }

  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  public URI baseUri() {
    return baseUri;
  }

  /**
   * Fails at once when the registry stopped answering in the middle of the run ({@link RegistryLiveness}: a few
   * requests in a row got no HTTP answer, nor did {@code GET /v2/}); a check calls it before it starts, so one that
   * drives the registry with another client (docker, skopeo) does not wait out that client's timeouts either.
   *
   * @throws RegistryStoppedAnsweringException saying what happened, after how many requests
   */
  public void requireAnswering() {
    liveness.beforeRequest();
  }

  // end-1: GET /v2/
  public RegistryResponse checkVersion() {
    return send("GET", url("/v2/"), Map.of(), null, null);
  }

  // end-2: GET /v2/<name>/blobs/<digest>
  public RegistryResponse getBlob(String repository, Digest digest) {
    return send("GET", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "pull"));
  }

  /**
   * end-2: {@code GET /v2/<name>/blobs/<digest>} with the body streamed into {@code sink} and digested on the way (with
   * {@code digest}'s algorithm), never held in memory: for layers of hundreds of MiB. Only a 2xx body goes to the
   * sink; an error body comes back in {@link StreamedBlob#response()}. The sink is not closed.
   */
  public StreamedBlob getBlobTo(String repository, Digest digest, java.io.OutputStream sink) {
    String url = url("/v2/" + repository + "/blobs/" + digest);
    String scope = scope(repository, "pull");
    return authorized(scope, auth -> downloads.get(url, auth, digest.algorithm(), sink), StreamedBlob::response);
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
    return send("POST", url("/v2/" + repository + "/blobs/uploads/"), Map.of(), RequestBody.EMPTY, scope(repository, "pull,push"));
  }

  // end-4b: POST /v2/<name>/blobs/uploads/?digest=<digest> with the whole blob (single-POST upload)
  public RegistryResponse uploadMonolithic(String repository, Digest digest, byte[] body) {
    return send("POST", url("/v2/" + repository + "/blobs/uploads/?digest=" + encode(digest.toString())),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), RequestBody.of(body), scope(repository, "pull,push"));
  }

  // end-4c: POST /v2/<name>/blobs/uploads/?digest-algorithm=<algorithm>
  public RegistryResponse startUpload(String repository, DigestAlgorithm algorithm) {
    return send("POST", url("/v2/" + repository + "/blobs/uploads/?digest-algorithm=" + algorithm.label()), Map.of(),
        RequestBody.EMPTY, scope(repository, "pull,push"));
  }

  // end-11: POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<other name>; from null: automatic mount
  public RegistryResponse mountBlob(String repository, Digest digest, String from) {
    String query = "?mount=" + encode(digest.toString()) + (from == null ? "" : "&from=" + encode(from));
    String scope = scope(repository, "pull,push") + (from == null ? "" : " " + scope(from, "pull"));
    return send("POST", url("/v2/" + repository + "/blobs/uploads/" + query), Map.of(), RequestBody.EMPTY, scope);
  }

  // end-2: GET /v2/<name>/blobs/<digest> with a Range header, e.g. "bytes=0-9"
  public RegistryResponse getBlobRange(String repository, Digest digest, String range) {
    return send("GET", url("/v2/" + repository + "/blobs/" + digest), Map.of(Headers.RANGE, range), null,
        scope(repository, "pull"));
  }

  // end-5: PATCH <location> with a chunk, streamed (no Content-Range) when range is null
  public RegistryResponse patchUpload(String location, byte[] chunk, String contentRange) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Headers.CONTENT_TYPE, "application/octet-stream");
    if (contentRange != null) {
      headers.put(Headers.CONTENT_RANGE, contentRange);
    }
    String url = resolve(location);
    return send("PATCH", url, headers, RequestBody.of(chunk), uploadScope(url));
  }

  // end-5: PATCH <location> with a file's content, streamed
  public RegistryResponse patchUpload(String location, Path file) {
    String url = resolve(location);
    return send("PATCH", url, Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), RequestBody.of(file), uploadScope(url));
  }

  /**
   * A blob pushed as docker pushes a layer, streamed: end-4a {@code POST /v2/<name>/blobs/uploads/}, end-5 one
   * {@code PATCH <location>} with {@code length} bytes that {@code body} writes onto the connection as they go out
   * (Content-Length set, no Content-Range), never held in memory, then end-6 {@code PUT <location>?digest=<digest>},
   * where {@code digest} is asked for only once the body is out: it may be the digest of the bytes, computed while they
   * were sent. The PATCH's body is written by a BodyWriter (not
   * held as bytes or a file, as other requests' bodies are); a challenge is answered as for every request, and after one {@code body} writes the
   * bytes again. Stops at the first answer without the status the spec requires (202, 202, 201) or without a
   * Location to go on at.
   */
  public StreamedPush pushStreamed(String repository, long length, BodyWriter body, Supplier<Digest> digest) {
    RegistryResponse post = streamed(scope(repository, "pull,push"),
        auth -> uploads.send("POST", url("/v2/" + repository + "/blobs/uploads/"), 0, null, auth));
    Optional<String> location = post.header(Headers.LOCATION);
    if (post.status() != 202 || location.isEmpty()) {
      return new StreamedPush(post, null, null, null);
    }
    String patchUrl = resolve(location.get());
    String scope = uploadScope(patchUrl);
    RegistryResponse patch = streamed(scope, auth -> uploads.send("PATCH", patchUrl, length, body, auth));
    location = patch.header(Headers.LOCATION);
    if (patch.status() != 202 || location.isEmpty()) {
      return new StreamedPush(post, patch, null, null);
    }
    Digest sent = digest.get();
    String putUrl = resolve(location.get());
    String withDigest = putUrl + (putUrl.contains("?") ? "&" : "?") + "digest=" + encode(sent.toString());
    RegistryResponse put = streamed(uploadScope(putUrl), auth -> uploads.send("PUT", withDigest, 0, null, auth));
    return new StreamedPush(post, patch, put, sent);
  }

  // end-6: PUT <location>?digest=<digest>, with the last chunk (or the whole blob) or no body
  public RegistryResponse completeUpload(String location, Digest digest, byte[] body) {
    String url = resolve(location);
    String scope = uploadScope(url);
    url += (url.contains("?") ? "&" : "?") + "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
    return send("PUT", url, Map.of(Headers.CONTENT_TYPE, "application/octet-stream"),
        RequestBody.of(body == null ? new byte[0] : body), scope);
  }

  /**
   * end-6 with a body shorter than its Content-Length (R25): PUT {@code <location>?digest=<digest>} declaring
   * {@code declaredLength} bytes and sending only {@code body}, over a plain socket, then waiting, half-closing and
   * waiting again (each wait bounded; see {@link Builder#shortBodyWaitMillis}). No redirect is followed.
   */
  public ShortBodyExchange completeUploadWithShortBody(String location, Digest digest, byte[] body, long declaredLength) {
    String url = resolve(location);
    String scope = uploadScope(url);
    url += (url.contains("?") ? "&" : "?") + "digest=" + encode(digest.toString());
    return sendShortBody("PUT", url, body, declaredLength, scope);
  }

  /** end-4b with a body shorter than its Content-Length (R25), as {@link #completeUploadWithShortBody}. */
  public ShortBodyExchange uploadMonolithicWithShortBody(String repository, Digest digest, byte[] body,
      long declaredLength) {
    return sendShortBody("POST", url("/v2/" + repository + "/blobs/uploads/?digest=" + encode(digest.toString())), body,
        declaredLength, scope(repository, "pull,push"));
  }

  /** end-5 with a body shorter than its Content-Length (R25): PATCH {@code <location>}, as {@link #completeUploadWithShortBody}. */
  public ShortBodyExchange patchUploadWithShortBody(String location, byte[] body, long declaredLength) {
    String url = resolve(location);
    return sendShortBody("PATCH", url, body, declaredLength, uploadScope(url));
  }

  /**
   * A request cut off mid-body: {@code method <location>} with {@code headers}, declaring {@code declaredLength} bytes
   * of body, of which only {@code partialBody} is sent before the client closes the connection without reading an
   * answer (a client killed mid-upload). Authorization is settled first, as for a short body; no redirect is followed.
   */
  public InterruptedExchange sendInterrupted(String method, String location, Map<String, String> headers,
      byte[] partialBody, long declaredLength) {
    String url = resolve(location);
    String authorization = settledAuthorization(uploadScope(url));
    return watched(() -> interrupted.send(method, url, headers, partialBody, declaredLength, authorization));
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
        RequestBody.of(body), scope(repository, "pull,push"));
  }

  // end-7b: PUT /v2/<name>/manifests/<digest>?tag=<tag>&tag=<tag>… (HEAD spec): the manifest by digest, tagged too
  public RegistryResponse putManifestWithTags(String repository, Digest digest, List<String> tags, String mediaType,
      byte[] body) {
    String query = String.join("&", tags.stream().map(t -> "tag=" + encode(t)).toList());
    return send("PUT", url("/v2/" + repository + "/manifests/" + digest + (query.isEmpty() ? "" : "?" + query)),
        Map.of(Headers.CONTENT_TYPE, mediaType), RequestBody.of(body), scope(repository, "pull,push"));
  }

  // GET <location>: follows a Location the registry returned for a stored blob or manifest (end-6, end-7)
  public RegistryResponse getLocation(String location, List<String> accept) {
    return send("GET", resolve(location), acceptHeader(accept), null, null);
  }

  // end-8b: GET /v2/<name>/tags/list?n=<n>&last=<last>; either may be null
  public RegistryResponse listTags(String repository, Integer n, String last) {
    return send("GET", url("/v2/" + repository + "/tags/list" + pageQuery(n, last)), Map.of(), null,
        scope(repository, "pull"));
  }

  // GET /v2/_catalog?n=<n>&last=<last> (not in the OCI endpoint table; Docker's catalog API); either may be null
  public RegistryResponse listRepositories(Integer n, String last) {
    return send("GET", url("/v2/_catalog" + pageQuery(n, last)), Map.of(), null, "registry:catalog:*");
  }

  // end-12a/b: GET /v2/<name>/referrers/<digest>[?artifactType=<type>]; artifactType may be null
  public RegistryResponse listReferrers(String repository, String digest, String artifactType) {
    String query = artifactType == null ? "" : "?artifactType=" + encode(artifactType);
    return send("GET", url("/v2/" + repository + "/referrers/" + digest + query), Map.of(), null,
        scope(repository, "pull"));
  }

  /**
   * Any request, for the malformed ones whose answer the spec prescribes (bad ranges, wrong lengths, odd
   * names). {@code pathOrUrl} is a path such as {@code /v2/x/blobs/uploads/} or an absolute URL; nothing is
   * encoded for you. {@code scope} (e.g. {@code repository:x:pull,push}) lets token auth work; may be null.
   */
  public RegistryResponse exchange(String method, String pathOrUrl, Map<String, String> headers, byte[] body,
      String scope) {
    String target = pathOrUrl.startsWith("/") ? url(pathOrUrl) : resolve(pathOrUrl);
    return send(method, target, headers, body == null ? null : RequestBody.of(body), scope);
  }

  /**
   * One request sent exactly as given, with {@code authorization} as the {@code Authorization} value (null: none) and
   * no challenge answered: for checks of authentication itself, e.g. a push with a pull-only token, an anonymous
   * request, or a token request to a realm. {@code pathOrUrl} is a path such as {@code /v2/} or an absolute URL.
   */
  public RegistryResponse exchangeAs(String method, String pathOrUrl, Map<String, String> headers, byte[] body,
      String authorization) {
    String target = pathOrUrl.startsWith("/") ? url(pathOrUrl) : resolve(pathOrUrl);
    return watched(() -> http.execute(method, target, headers, body == null ? null : RequestBody.of(body),
        authorization));
  }

  /** The URL of the {@code rel="next"} entry of a response's {@code Link} header, resolved; empty when none. */
  public Optional<String> nextLink(RegistryResponse response) {
    return LinkHeader.next(response.headers(Headers.LINK)).map(this::resolve);
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

  /**
   * The tags an end-7b answer names in {@code OCI-Tag}: RFC 9110 list syntax, so comma-separated and possibly
   * over several headers ({@code OCI-Tag: 1.2.3, 1.2} and {@code OCI-Tag: latest}).
   */
  public static List<String> ociTags(RegistryResponse response) {
    return response.headers(Headers.OCI_TAG).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::trim).filter(t -> !t.isEmpty()).toList();
  }

  private static String pageQuery(Integer n, String last) {
    List<String> params = new ArrayList<>();
    if (n != null) {
      params.add("n=" + n);
    }
    if (last != null) {
      params.add("last=" + encode(last));
    }
    return params.isEmpty() ? "" : "?" + String.join("&", params);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
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

  /**
   * A short-body request cannot be repeated after a 401 (its answer would be about the credentials), so the
   * Authorization for its scope is settled first: when none is known yet, GET /v2/ with that scope answers the
   * registry's challenge and caches the token (or notes that Basic is wanted).
   */
  private ShortBodyExchange sendShortBody(String method, String url, byte[] body, long declaredLength, String scope) {
    String authorization = settledAuthorization(scope);
    return watched(() -> shortBodies.send(method, url, body, declaredLength, authorization));
  }

  /** The Authorization value for {@code scope}, asking GET /v2/ with it first when none is known; null for none. */
  private String settledAuthorization(String scope) {
    Optional<String> auth = authenticator.authorizationFor(scope);
    if (auth.isEmpty()) {
      send("GET", url("/v2/"), Map.of(), null, scope);
      auth = authenticator.authorizationFor(scope);
    }
    return auth.orElse(null);
  }

  /** As {@link #send}, for a streamed exchange made with the Authorization value it is given. */
  private RegistryResponse streamed(String scope, Function<String, RegistryResponse> exchange) {
    return authorized(scope, exchange, response -> response);
  }

  /** One request; a 401 with a challenge is answered once (Basic or a Bearer token) and the request retried. */
  private RegistryResponse send(String method, String url, Map<String, String> headers, RequestBody body, String scope) {
    return authorized(scope, auth -> http.execute(method, url, headers, body, auth), response -> response);
  }

  /**
   * Makes {@code exchange} with the Authorization value known for {@code scope} (null: none yet); a 401 with a
   * challenge is answered once (Basic, or a Bearer token from the challenge's realm) and the exchange made again with
   * the new value. Every kind of request goes through here: ordinary, streamed uploads and downloads.
   */
  private <T> T authorized(String scope, Function<String, T> exchange, Function<T, RegistryResponse> responseOf) {
    Optional<String> auth = authenticator.authorizationFor(scope);
    T result = watched(() -> exchange.apply(auth.orElse(null)));
    RegistryResponse response = responseOf.apply(result);
    if (response.status() == 401 && response.header(Headers.WWW_AUTHENTICATE).isPresent()) {
      Optional<String> retryAuth = authenticator.answer(response, scope,
          (tokenUrl, basic) -> http.execute("GET", tokenUrl, Map.of(), null, basic));
      if (retryAuth.isPresent() && !retryAuth.equals(auth)) {
        result = watched(() -> exchange.apply(retryAuth.get()));
      }
    }
    return result;
  }

  /** One exchange, told to {@link RegistryLiveness}: not sent when the registry stopped answering. */
  private <T> T watched(Supplier<T> exchange) {
    liveness.beforeRequest();
    T result;
    try {
      result = exchange.get();
    } catch (RegistryUnreachableException e) {
      if (RequestGate.isClosed()) {
        throw e; // not sent because the run was interrupted: says nothing about the registry
      }
      throw liveness.noAnswer(e);
    }
    liveness.answered();
    return result;
  }

  /** GET /v2/ for {@link RegistryLiveness}: empty when any answer came, else what happened. */
  private Optional<String> probe() {
    try {
      http.execute("GET", url("/v2/"), Map.of(), null, null);
      return Optional.empty();
    } catch (RegistryUnreachableException e) {
      String message = String.valueOf(e.getMessage());
      int failed = message.indexOf(" failed: ");
      return Optional.of(failed < 0 ? message : message.substring(failed + " failed: ".length()));
    }
  }

  /** Builds a client; only the base URI is required. */
  public static final class Builder {
    private final URI baseUri;
    private Credentials credentials;
    private boolean insecure;
    private int connectTimeoutMillis = 10_000;
    private int readTimeoutMillis = 120_000;
    private int shortBodyWaitMillis = 500;
    private int shortBodyAnswerMillis = 10_000;
    private java.time.Clock clock = java.time.Clock.systemUTC();

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

    /**
     * The longest an exchange may take, from the request going out to the last byte of the answer; a streamed transfer
     * (a file's body, {@link #getBlobTo}, {@link #pushStreamed}) may take longer but not go this long without a byte
     * moving. Also each read's bound. Default 120 s.
     */
    public Builder readTimeoutMillis(int millis) {
      this.readTimeoutMillis = millis;
      return this;
    }

    /**
     * How long one request may take ({@code --request-timeout}): {@link #readTimeoutMillis}, and connecting within it
     * (at most 10 s).
     */
    public Builder requestTimeout(java.time.Duration timeout) {
      this.readTimeoutMillis = Math.toIntExact(timeout.toMillis());
      this.connectTimeoutMillis = Math.toIntExact(Math.min(timeout.toMillis(), RequestTimeout.MAX_CONNECT.toMillis()));
      return this;
    }

    /**
     * How long a request with a short body ({@link #completeUploadWithShortBody}) waits for an answer before the
     * client half-closes its side; default 500 ms. A registry cannot know the body is short before then (it could
     * only time out), so this is short: Distribution waits for the missing bytes, and a longer wait only cost time.
     */
    public Builder shortBodyWaitMillis(int millis) {
      this.shortBodyWaitMillis = millis;
      return this;
    }

    /**
     * How long a request with a short body waits for the answer once the client has half-closed its side (the
     * registry then knows the body is short, and answers at once if it answers at all); default 10 s.
     */
    public Builder shortBodyAnswerMillis(int millis) {
      this.shortBodyAnswerMillis = millis;
      return this;
    }

    /** The clock token lifetimes are measured with; a seam for tests. */
    Builder clock(java.time.Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
