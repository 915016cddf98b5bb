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
 * The registry HTTP API, one method per endpoint of the distribution spec (each method's Javadoc names its id from the
 * spec's endpoint table, {@code end-1} … {@code end-14}). Methods return the exchange as a {@link RegistryResponse}
 * and never assert: checks decide what is right.
 *
 * <pre>{@code
 * RegistryClient registry = RegistryClient.builder(URI.create("http://127.0.0.1:5000")).build();
 * RegistryResponse start = registry.startUpload("acme/app");            // POST /v2/acme/app/blobs/uploads/
 * RegistryResponse done = registry.completeUpload(start.header("Location").orElseThrow(), digest, bytes);
 * }</pre>
 *
 * <p>Authentication follows the registry's challenge: Basic credentials are sent when it asks for Basic;
 * for Bearer, a token is fetched from the challenge's realm (with the credentials when there are any) and
 * cached per scope. Each endpoint method asks for the scope its endpoint needs ({@code repository:<name>:pull},
 * {@code pull,push} or {@code delete}). Credentials and tokens never appear in messages. This class is thread-safe.
 *
 * <p>What every method that sends a request has in common:
 * <ul>
 *   <li>Any HTTP answer comes back as a {@link RegistryResponse}, whatever its status: a 404 or a 500 is not thrown.
 *   <li>{@link RegistryUnreachableException} is thrown when no HTTP answer came: connection refused or reset, TLS
 *       failure, no answer within the {@linkplain Builder#readTimeoutMillis read timeout}, or the run's
 *       {@link RequestGate} closed. {@link RegistryStoppedAnsweringException} (a subclass) is thrown without sending
 *       anything once the registry has stopped answering in the middle of a run.
 *   <li>{@link IncompleteResponseError} (an {@link AssertionError}: the registry's fault) is thrown when the connection
 *       closed before the body its own {@code Content-Length} announced.
 *   <li>Repository names, references and {@code Location} values go into the URL as given, not encoded, so that checks
 *       can send malformed ones; query parameter values (digests, tags, {@code last}, {@code from}) are encoded.
 *   <li>Arguments are not null unless a parameter says so.
 *   <li>Redirects of GET and HEAD are followed (up to 5; blob downloads may be redirected to storage), without the
 *       {@code Authorization} header when the redirect leaves the registry's host. Other methods' redirects come
 *       back as the answer.
 * </ul>
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

  /**
   * Starts building a client for one registry.
   *
   * @param baseUri the registry's root, e.g. {@code http://127.0.0.1:5000} or {@code https://ghcr.io}; requests go to
   *     {@code <baseUri>/v2/…}, so a path on it is kept (a registry behind a path prefix). Not null
   * @return a builder with the defaults: anonymous, TLS certificates verified, 10 s to connect, 120 s per exchange
   * @throws NullPointerException when {@code baseUri} is null
   */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /**
   * The registry this client talks to, as given to {@link #builder(URI)}; relative {@code Location} values are
   * resolved against it ({@link #resolve(String)}).
   *
   * @return the registry's root URI
   */
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

  /**
   * end-1: {@code GET /v2/}, the API version check. With token authentication this is also how a client meets the
   * registry's challenge: a 401 is answered (with no scope) and the request repeated.
   *
   * @return the answer: 200 when the registry implements the API and the client may use it
   */
  public RegistryResponse checkVersion() {
    return send("GET", url("/v2/"), Map.of(), null, null);
  }

  /**
   * end-2: {@code GET /v2/<name>/blobs/<digest>}, the whole blob read into memory. For large blobs use
   * {@link #getBlobTo}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the blob's digest
   * @return the answer, with the blob as its body when the status is 200
   */
  public RegistryResponse getBlob(String repository, Digest digest) {
    return send("GET", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "pull"));
  }

  /**
   * end-2: {@code GET /v2/<name>/blobs/<digest>} with the body streamed into {@code sink} and digested on the way (with
   * {@code digest}'s algorithm), never held in memory: for layers of hundreds of MiB. Only a 2xx body goes to the
   * sink; an error body comes back in {@link StreamedBlob#response()}. The sink is not closed. The read timeout bounds
   * each wait for bytes, not the whole transfer.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the blob's digest; its algorithm is the one the streamed bytes are digested with
   * @param sink where a 2xx body is written; the caller closes it
   * @return the answer without its body, and the size and digest of what went to the sink
   */
  public StreamedBlob getBlobTo(String repository, Digest digest, java.io.OutputStream sink) {
    String url = url("/v2/" + repository + "/blobs/" + digest);
    String scope = scope(repository, "pull");
    return authorized(scope, auth -> downloads.get(url, auth, digest.algorithm(), sink), StreamedBlob::response);
  }

  /**
   * end-2: {@code HEAD /v2/<name>/blobs/<digest>}, whether the repository holds a blob.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the blob's digest
   * @return the answer (200 with {@code Content-Length} when the blob exists, else 404), with an empty body
   */
  public RegistryResponse headBlob(String repository, Digest digest) {
    return send("HEAD", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "pull"));
  }

  /**
   * end-3: {@code GET /v2/<name>/manifests/<reference>}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param reference a tag or a digest, e.g. {@code 1.3} or {@code sha256:…}
   * @param accept the media types to accept, sent as one {@code Accept} header in this order; an empty list sends no
   *     {@code Accept} header at all (which a registry may treat differently from one that accepts anything)
   * @return the answer, with the manifest's exact bytes as its body when the status is 200
   */
  public RegistryResponse getManifest(String repository, String reference, List<String> accept) {
    return send("GET", url("/v2/" + repository + "/manifests/" + reference), acceptHeader(accept), null,
        scope(repository, "pull"));
  }

  /**
   * end-3: {@code HEAD /v2/<name>/manifests/<reference>}, whether a manifest exists and its digest, without its body.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param reference a tag or a digest
   * @param accept the media types to accept, as for {@link #getManifest}; empty: no {@code Accept} header
   * @return the answer, with an empty body
   */
  public RegistryResponse headManifest(String repository, String reference, List<String> accept) {
    return send("HEAD", url("/v2/" + repository + "/manifests/" + reference), acceptHeader(accept), null,
        scope(repository, "pull"));
  }

  /**
   * end-4a: {@code POST /v2/<name>/blobs/uploads/}, opening an upload session.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @return the answer: 202 with the session's URL in {@code Location}, to go on with {@link #patchUpload} or
   *     {@link #completeUpload}
   */
  public RegistryResponse startUpload(String repository) {
    return send("POST", url("/v2/" + repository + "/blobs/uploads/"), Map.of(), RequestBody.EMPTY, scope(repository, "pull,push"));
  }

  /**
   * end-4b: {@code POST /v2/<name>/blobs/uploads/?digest=<digest>} with the whole blob as the body: the single-POST
   * upload, sent as {@code application/octet-stream}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the digest the registry is to check the body against (a wrong one is how checks test the check)
   * @param body the whole blob
   * @return the answer: 201 with the blob's {@code Location} when the registry stored it; 202 with a session's
   *     {@code Location} when it does not support single-POST uploads and opened a session instead
   */
  public RegistryResponse uploadMonolithic(String repository, Digest digest, byte[] body) {
    return send("POST", url("/v2/" + repository + "/blobs/uploads/?digest=" + encode(digest.toString())),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), RequestBody.of(body), scope(repository, "pull,push"));
  }

  /**
   * end-4c (HEAD spec): {@code POST /v2/<name>/blobs/uploads/?digest-algorithm=<algorithm>}, opening an upload session
   * whose blob will be named by a digest of that algorithm.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param algorithm the algorithm, sent by its label, e.g. {@code sha512}
   * @return the answer: 202 with the session's {@code Location}
   */
  public RegistryResponse startUpload(String repository, DigestAlgorithm algorithm) {
    return send("POST", url("/v2/" + repository + "/blobs/uploads/?digest-algorithm=" + algorithm.label()), Map.of(),
        RequestBody.EMPTY, scope(repository, "pull,push"));
  }

  /**
   * end-11: {@code POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<other name>}, mounting a blob another
   * repository holds; with token authentication the token asks for {@code pull} on {@code from} too.
   *
   * @param repository the repository to mount the blob into
   * @param digest the blob's digest
   * @param from the repository that holds it; null sends no {@code from} (automatic content discovery, which the spec
   *     lets a registry support)
   * @return the answer: 201 with the blob's {@code Location} when mounted; 202 with a session's {@code Location} when
   *     the registry opened an upload instead
   */
  public RegistryResponse mountBlob(String repository, Digest digest, String from) {
    String query = "?mount=" + encode(digest.toString()) + (from == null ? "" : "&from=" + encode(from));
    String scope = scope(repository, "pull,push") + (from == null ? "" : " " + scope(from, "pull"));
    return send("POST", url("/v2/" + repository + "/blobs/uploads/" + query), Map.of(), RequestBody.EMPTY, scope);
  }

  /**
   * end-2: {@code GET /v2/<name>/blobs/<digest>} with a {@code Range} header: part of a blob.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the blob's digest
   * @param range the {@code Range} value as sent, e.g. {@code bytes=0-9}; not checked, so a malformed one can be sent
   * @return the answer: 206 with that part when the registry supports ranges, or 200 with the whole blob, or 416
   */
  public RegistryResponse getBlobRange(String repository, Digest digest, String range) {
    return send("GET", url("/v2/" + repository + "/blobs/" + digest), Map.of(Headers.RANGE, range), null,
        scope(repository, "pull"));
  }

  /**
   * end-5: {@code PATCH <location>} with a chunk of the blob, as {@code application/octet-stream}.
   *
   * @param location the session URL from the last answer's {@code Location}, absolute or relative to the registry
   * @param chunk the bytes to append
   * @param contentRange the {@code Content-Range} value, e.g. {@code 0-1023} (inclusive byte offsets); null sends none,
   *     which is a streamed upload when it is the only PATCH
   * @return the answer: 202 with the session's next {@code Location} and the {@code Range} received so far; 416 when
   *     the range is out of order
   */
  public RegistryResponse patchUpload(String location, byte[] chunk, String contentRange) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Headers.CONTENT_TYPE, "application/octet-stream");
    if (contentRange != null) {
      headers.put(Headers.CONTENT_RANGE, contentRange);
    }
    String url = resolve(location);
    return send("PATCH", url, headers, RequestBody.of(chunk), uploadScope(url));
  }

  /**
   * end-5: {@code PATCH <location>} with a file's whole content as the body, streamed from disk (never held in memory),
   * without {@code Content-Range}: the streamed upload docker uses for layers.
   *
   * @param location the session URL from the last answer's {@code Location}, absolute or relative to the registry
   * @param file the file to send; read when the request goes out (again if a challenge makes the request repeat)
   * @return the answer: 202 with the session's next {@code Location}
   */
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
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param length the number of bytes {@code body} writes, sent as the PATCH's {@code Content-Length}; a writer that
   *     writes another number of bytes makes the PATCH fail ({@link RegistryUnreachableException})
   * @param body writes the blob; called once per attempt of the PATCH
   * @param digest asked once, after the PATCH was answered 202, for the digest the PUT names
   * @return the exchanges made, as far as the push went; {@link StreamedPush#succeeded()} says whether the registry
   *     holds the blob
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

  /**
   * end-6: {@code PUT <location>?digest=<digest>}, closing an upload session, as {@code application/octet-stream}.
   *
   * @param location the session URL from the last answer's {@code Location}; {@code digest} is added to its query
   * @param digest the digest of the whole blob
   * @param body the last chunk, or the whole blob when no PATCH was sent; null or empty sends an empty body
   * @return the answer: 201 with the blob's {@code Location} and {@code Docker-Content-Digest} when stored; 400 with
   *     {@code DIGEST_INVALID} when the content does not match
   */
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
   *
   * @param location the session URL from the last answer's {@code Location}
   * @param digest the digest named in the query
   * @param body the bytes actually sent; fewer than {@code declaredLength}
   * @param declaredLength the {@code Content-Length} sent
   * @return how the exchange ended, with the answer if one came
   */
  public ShortBodyExchange completeUploadWithShortBody(String location, Digest digest, byte[] body, long declaredLength) {
    String url = resolve(location);
    String scope = uploadScope(url);
    url += (url.contains("?") ? "&" : "?") + "digest=" + encode(digest.toString());
    return sendShortBody("PUT", url, body, declaredLength, scope);
  }

  /**
   * end-4b with a body shorter than its Content-Length (R25): {@code POST /v2/<name>/blobs/uploads/?digest=<digest>},
   * sent and waited on as by {@link #completeUploadWithShortBody}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the digest named in the query
   * @param body the bytes actually sent; fewer than {@code declaredLength}
   * @param declaredLength the {@code Content-Length} sent
   * @return how the exchange ended, with the answer if one came
   */
  public ShortBodyExchange uploadMonolithicWithShortBody(String repository, Digest digest, byte[] body,
      long declaredLength) {
    return sendShortBody("POST", url("/v2/" + repository + "/blobs/uploads/?digest=" + encode(digest.toString())), body,
        declaredLength, scope(repository, "pull,push"));
  }

  /**
   * end-5 with a body shorter than its Content-Length (R25): {@code PATCH <location>}, sent and waited on as by
   * {@link #completeUploadWithShortBody}.
   *
   * @param location the session URL from the last answer's {@code Location}
   * @param body the bytes actually sent; fewer than {@code declaredLength}
   * @param declaredLength the {@code Content-Length} sent
   * @return how the exchange ended, with the answer if one came
   */
  public ShortBodyExchange patchUploadWithShortBody(String location, byte[] body, long declaredLength) {
    String url = resolve(location);
    return sendShortBody("PATCH", url, body, declaredLength, uploadScope(url));
  }

  /**
   * A request cut off mid-body: {@code method <location>} with {@code headers}, declaring {@code declaredLength} bytes
   * of body, of which only {@code partialBody} is sent before the client closes the connection without reading an
   * answer (a client killed mid-upload). Authorization is settled first, as for a short body; no redirect is followed.
   *
   * @param method the request method, e.g. {@code PATCH} or {@code PUT}
   * @param location an upload session URL from a {@code Location}, absolute or relative to the registry
   * @param headers headers to send besides {@code Content-Length} and {@code Authorization}, e.g.
   *     {@code Content-Type}; may be empty
   * @param partialBody the bytes sent before the connection is closed
   * @param declaredLength the {@code Content-Length} sent
   * @return what was sent; there is no answer to return
   */
  public InterruptedExchange sendInterrupted(String method, String location, Map<String, String> headers,
      byte[] partialBody, long declaredLength) {
    String url = resolve(location);
    String authorization = settledAuthorization(uploadScope(url));
    return watched(() -> interrupted.send(method, url, headers, partialBody, declaredLength, authorization));
  }

  /**
   * end-13: {@code GET <location>}, an upload session's status ({@code GET /v2/<name>/blobs/uploads/<reference>}).
   *
   * @param location the session URL from the last answer's {@code Location}, absolute or relative to the registry
   * @return the answer: 204 with the session's {@code Location} and the {@code Range} received so far; 404 when the
   *     session is unknown
   */
  public RegistryResponse uploadStatus(String location) {
    String url = resolve(location);
    return send("GET", url, Map.of(), null, uploadScope(url));
  }

  /**
   * end-14: {@code DELETE <location>}, cancelling an upload session ({@code DELETE /v2/<name>/blobs/uploads/<reference>}).
   *
   * @param location the session URL from the last answer's {@code Location}, absolute or relative to the registry
   * @return the answer: 204 when the session was cancelled; 404 when it is unknown
   */
  public RegistryResponse cancelUpload(String location) {
    String url = resolve(location);
    return send("DELETE", url, Map.of(), null, uploadScope(url));
  }

  /**
   * end-7a: {@code PUT /v2/<name>/manifests/<reference>}, pushing a manifest under a tag or its digest.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param reference a tag, or the manifest's digest
   * @param mediaType the {@code Content-Type} sent, e.g. {@code application/vnd.oci.image.manifest.v1+json}; sent as
   *     given, no charset added
   * @param body the manifest's exact bytes (the registry digests these, not a re-serialisation)
   * @return the answer: 201 with the manifest's {@code Location} and {@code Docker-Content-Digest} when stored
   */
  public RegistryResponse putManifest(String repository, String reference, String mediaType, byte[] body) {
    return send("PUT", url("/v2/" + repository + "/manifests/" + reference), Map.of(Headers.CONTENT_TYPE, mediaType),
        RequestBody.of(body), scope(repository, "pull,push"));
  }

  /**
   * end-7b (HEAD spec): {@code PUT /v2/<name>/manifests/<digest>?tag=<tag>&tag=<tag>…}, pushing a manifest by digest
   * and tagging it in the same request. Read the tags the registry applied with {@link #ociTags}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the manifest's digest
   * @param tags the tags, one {@code tag} parameter each, in order; empty sends no query
   * @param mediaType the {@code Content-Type} sent, as given
   * @param body the manifest's exact bytes
   * @return the answer: 201 with {@code OCI-Tag} naming the tags applied, when the registry supports the parameter
   */
  public RegistryResponse putManifestWithTags(String repository, Digest digest, List<String> tags, String mediaType,
      byte[] body) {
    String query = String.join("&", tags.stream().map(t -> "tag=" + encode(t)).toList());
    return send("PUT", url("/v2/" + repository + "/manifests/" + digest + (query.isEmpty() ? "" : "?" + query)),
        Map.of(Headers.CONTENT_TYPE, mediaType), RequestBody.of(body), scope(repository, "pull,push"));
  }

  /**
   * {@code GET <location>}: follows a {@code Location} the registry returned for a stored blob or manifest (end-6,
   * end-7a), to check that it points at the content. Sent without a token scope: token authentication then answers the
   * challenge with the scope the registry names.
   *
   * @param location the {@code Location} value, absolute or relative to the registry
   * @param accept the media types to accept, as for {@link #getManifest}; empty: no {@code Accept} header
   * @return the answer
   */
  public RegistryResponse getLocation(String location, List<String> accept) {
    return send("GET", resolve(location), acceptHeader(accept), null, null);
  }

  /**
   * end-8b: {@code GET /v2/<name>/tags/list?n=<n>&last=<last>}, one page of a repository's tags. Read the tags with
   * {@link #tagsOf} and the next page's URL with {@link #nextLink}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param n the most tags to return; null sends no {@code n}
   * @param last the tag to list after (the last of the previous page); null sends no {@code last}
   * @return the answer: 200 with a {@code tags/list} body, and a {@code Link} header when more pages follow
   */
  public RegistryResponse listTags(String repository, Integer n, String last) {
    return send("GET", url("/v2/" + repository + "/tags/list" + pageQuery(n, last)), Map.of(), null,
        scope(repository, "pull"));
  }

  /**
   * {@code GET /v2/_catalog?n=<n>&last=<last>}: Docker's catalog API, not in the OCI endpoint table (registries need
   * not offer it). With token authentication the token asks for {@code registry:catalog:*}.
   *
   * @param n the most repository names to return; null sends no {@code n}
   * @param last the name to list after; null sends no {@code last}
   * @return the answer: 200 with {@code {"repositories":[…]}} where the registry offers the catalog
   */
  public RegistryResponse listRepositories(Integer n, String last) {
    return send("GET", url("/v2/_catalog" + pageQuery(n, last)), Map.of(), null, "registry:catalog:*");
  }

  /**
   * end-12a: {@code GET /v2/<name>/referrers/<digest>}, or end-12b with {@code ?artifactType=<type>}: the manifests
   * whose {@code subject} is that digest, as an image index.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the subject's digest as text, not checked (so a malformed one can be sent)
   * @param artifactType the artifact type to filter by; null: end-12a, no filter
   * @return the answer: 200 with an image index (and {@code OCI-Filters-Applied} when the registry filtered)
   */
  public RegistryResponse listReferrers(String repository, String digest, String artifactType) {
    String query = artifactType == null ? "" : "?artifactType=" + encode(artifactType);
    return send("GET", url("/v2/" + repository + "/referrers/" + digest + query), Map.of(), null,
        scope(repository, "pull"));
  }

  /**
   * Any request, for the malformed ones whose answer the spec prescribes (bad ranges, wrong lengths, odd
   * names). {@code pathOrUrl} is a path such as {@code /v2/x/blobs/uploads/} or an absolute URL; nothing is
   * encoded for you. A challenge is answered as for every other method.
   *
   * @param method the request method, as sent
   * @param pathOrUrl a path starting with {@code /}, put after the registry's root, or an absolute URL
   * @param headers the request headers, as sent; may be empty. Without a {@code Content-Type}, a body goes out as
   *     {@code application/octet-stream}
   * @param body the request body; null sends none (an empty one for POST, PUT and PATCH)
   * @param scope the token scope, e.g. {@code repository:x:pull,push}, so that token authentication works; may be null
   * @return the answer
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
   *
   * @param method the request method, as sent
   * @param pathOrUrl a path starting with {@code /}, put after the registry's root, or an absolute URL
   * @param headers the request headers, as sent; may be empty
   * @param body the request body; null sends none (an empty one for POST, PUT and PATCH)
   * @param authorization the whole {@code Authorization} value, e.g. {@code Bearer <token>}; null sends none
   * @return the answer, a 401 included
   */
  public RegistryResponse exchangeAs(String method, String pathOrUrl, Map<String, String> headers, byte[] body,
      String authorization) {
    String target = pathOrUrl.startsWith("/") ? url(pathOrUrl) : resolve(pathOrUrl);
    return watched(() -> http.execute(method, target, headers, body == null ? null : RequestBody.of(body),
        authorization));
  }

  /**
   * The next page of a paginated list (end-8b, the catalog, referrers): the {@code rel="next"} entry of the answer's
   * {@code Link} headers, resolved against the registry. Sends nothing.
   *
   * @param response a list's answer
   * @return the next page's absolute URL, to fetch with {@link #exchange}; empty when the answer names no next page
   */
  public Optional<String> nextLink(RegistryResponse response) {
    return LinkHeader.next(response.headers(Headers.LINK)).map(this::resolve);
  }

  /**
   * end-8a: {@code GET /v2/<name>/tags/list}, a repository's tags (the registry may still paginate).
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @return the answer: 200 with {@code {"name":…,"tags":[…]}}; read the tags with {@link #tagsOf}
   */
  public RegistryResponse listTags(String repository) {
    return send("GET", url("/v2/" + repository + "/tags/list"), Map.of(), null, scope(repository, "pull"));
  }

  /**
   * end-9: {@code DELETE /v2/<name>/manifests/<reference>}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param reference the manifest's digest, or a tag (which deletes the tag, where the registry supports it)
   * @return the answer: 202 when deleted; 405 when the registry does not allow deletes
   */
  public RegistryResponse deleteManifest(String repository, String reference) {
    return send("DELETE", url("/v2/" + repository + "/manifests/" + reference), Map.of(), null,
        scope(repository, "delete"));
  }

  /**
   * end-10: {@code DELETE /v2/<name>/blobs/<digest>}.
   *
   * @param repository the repository name, e.g. {@code acme/app}
   * @param digest the blob's digest
   * @return the answer: 202 when deleted; 405 when the registry does not allow deletes
   */
  public RegistryResponse deleteBlob(String repository, Digest digest) {
    return send("DELETE", url("/v2/" + repository + "/blobs/" + digest), Map.of(), null, scope(repository, "delete"));
  }

  /**
   * An absolute URL for a {@code Location} value, which the spec allows to be relative. Sends nothing.
   *
   * @param location a {@code Location} value, e.g. {@code /v2/acme/app/blobs/uploads/1?_state=…}
   * @return the value resolved against the registry's root; an absolute value unchanged
   * @throws IllegalArgumentException when the value is not a URI reference
   */
  public String resolve(String location) {
    return baseUri.resolve(location).toString();
  }

  /**
   * The tags of a {@code tags/list} body (end-8a, end-8b).
   *
   * @param response a tag list's answer
   * @return the {@code tags} entries in the order sent (an empty list for {@code "tags": null}); empty when the body is
   *     not JSON with a {@code tags} field
   */
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
   *
   * @param response the answer to {@link #putManifestWithTags}
   * @return the tags in the order sent, blanks dropped; empty when there is no {@code OCI-Tag} header
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

  /**
   * Builds a {@link RegistryClient}; only the base URI is required. Not thread-safe: build on one thread, then share
   * the client. Each {@link #build()} makes a client with its own connection pool and token cache.
   */
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

    /**
     * The account to answer challenges with: Basic sends it, Bearer fetches tokens with it.
     *
     * @param credentials the account; null (the default) for anonymous access, tokens fetched without credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * Whether to accept self-signed or otherwise unverifiable TLS certificates (and any host name). For test registries
     * only. Plain {@code http://} needs no flag.
     *
     * @param insecure true to skip certificate verification; default false
     * @return this builder
     */
    public Builder insecure(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /**
     * How long opening a connection (TCP and TLS handshake) may take before the request fails as unreachable.
     *
     * @param millis the timeout in milliseconds; default 10 000
     * @return this builder
     */
    public Builder connectTimeoutMillis(int millis) {
      this.connectTimeoutMillis = millis;
      return this;
    }

    /**
     * The longest an exchange may take, from the request going out to the last byte of the answer; a streamed transfer
     * (a file's body, {@link #getBlobTo}, {@link #pushStreamed}) may take longer but not go this long without a byte
     * moving. Also each read's bound. Default 120 s.
     *
     * @param millis the timeout in milliseconds
     * @return this builder
     */
    public Builder readTimeoutMillis(int millis) {
      this.readTimeoutMillis = millis;
      return this;
    }

    /**
     * How long one request may take ({@code --request-timeout}): {@link #readTimeoutMillis}, and connecting within it
     * (at most 10 s). Replaces what {@link #readTimeoutMillis} and {@link #connectTimeoutMillis} set before.
     *
     * @param timeout how long one request may take, e.g. from {@link RequestTimeout#parse}
     * @return this builder
     * @throws ArithmeticException when the timeout does not fit in an {@code int} of milliseconds (about 24 days)
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
     *
     * @param millis the wait in milliseconds
     * @return this builder
     */
    public Builder shortBodyWaitMillis(int millis) {
      this.shortBodyWaitMillis = millis;
      return this;
    }

    /**
     * How long a request with a short body waits for the answer once the client has half-closed its side (the
     * registry then knows the body is short, and answers at once if it answers at all); default 10 s.
     *
     * @param millis the wait in milliseconds
     * @return this builder
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

    /**
     * Makes the client. Nothing is sent yet: the first request connects.
     *
     * @return a new client with this builder's settings
     */
    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
