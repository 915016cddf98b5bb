package dev.regconform.client;

/**
 * Names of the HTTP headers the distribution spec gives meaning to, spelled as the spec spells them. Header names are
 * case-insensitive: {@link RegistryResponse#header(String)} matches them in any case.
 */
public final class Headers {
  /** Request: the manifest media types a client takes (end-3), in order of preference. */
  public static final String ACCEPT = "Accept";
  /** Request: the Basic credentials or Bearer token; always masked in messages and reports ({@link Redaction}). */
  public static final String AUTHORIZATION = "Authorization";
  /** The body's length in bytes; a registry's answer to a HEAD states the length the GET would return. */
  public static final String CONTENT_LENGTH = "Content-Length";
  /** Request of a chunked upload (end-5): the inclusive byte offsets of the chunk, e.g. {@code 0-1023}. */
  public static final String CONTENT_RANGE = "Content-Range";
  /** A manifest's media type, sent with a push (end-7a) and returned with a pull (end-3). */
  public static final String CONTENT_TYPE = "Content-Type";
  /** Answer: the digest of the content a request stored or returned, e.g. {@code sha256:…}. */
  public static final String DOCKER_CONTENT_DIGEST = "Docker-Content-Digest";
  /** Answer to end-1 in Docker's registry API: {@code registry/2.0}; the OCI spec does not require it. */
  public static final String DOCKER_DISTRIBUTION_API_VERSION = "Docker-Distribution-Api-Version";
  /** Answer in an upload session: the session's id (Docker's header; the spec does not require it). */
  public static final String DOCKER_UPLOAD_UUID = "Docker-Upload-UUID";
  /** Answer of a paginated list (end-8b, the catalog, referrers): the next page, {@code <url>; rel="next"}. */
  public static final String LINK = "Link";
  /** Answer: where an upload session goes on (end-4a, end-5) or where stored content is (end-6, end-7a). */
  public static final String LOCATION = "Location";
  /** Answer to end-4a: the smallest chunk, in bytes, the registry takes in a chunked upload (all but the last). */
  public static final String OCI_CHUNK_MIN_LENGTH = "OCI-Chunk-Min-Length";
  /** Answer to end-7b (HEAD spec): the tags the registry applied, a comma-separated list, maybe over several headers. */
  public static final String OCI_TAG = "OCI-Tag";
  /**
   * Request to end-2: the part of a blob wanted, e.g. {@code bytes=0-9}. Answer in an upload session (end-5, end-13):
   * the bytes received so far, e.g. {@code 0-1023}.
   */
  public static final String RANGE = "Range";
  /** Answer: a warning for the client, {@code 299 - "text"} ({@link WarningHeader}). */
  public static final String WARNING = "Warning";
  /** Answer 401: the challenge to answer, Basic or Bearer ({@link Challenge}). */
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private Headers() {}
}
