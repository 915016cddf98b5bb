package dev.regconform.scenarios.upload;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Unsupported;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import dev.regconform.scenarios.UploadSessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;

/** What the upload checks share: unique content, Location handling, and the assertions the shared assert class lacks. */
final class Uploads {
  private Uploads() {}



  /** {@code url} with one more query parameter, keeping the ones the registry put there (e.g. Distribution's _state). */
  static String withQuery(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The token scope a push to {@code repository} needs, for {@link RegistryClient#exchange}. */
  static String pushScope(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  /** PUT {@code <location>?digest=<digest>} with a chunk and its {@code Content-Range}: the final chunk sent in the closing PUT. */
  static RegistryResponse putFinalChunk(RegistryClient registry, String repository, String location, Digest digest,
      byte[] chunk, String contentRange) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Headers.CONTENT_TYPE, "application/octet-stream");
    headers.put(Headers.CONTENT_RANGE, contentRange);
    return registry.exchange("PUT", withQuery(location, "digest", digest.toString()), headers, chunk,
        pushScope(repository));
  }

  /** PUT {@code <location>?digest=<text>} with no body, for digests the model refuses to build (malformed ones). */
  static RegistryResponse putWithRawDigest(RegistryClient registry, String repository, String location, String digest) {
    return registry.exchange("PUT", withQuery(location, "digest", digest),
        Map.of(Headers.CONTENT_TYPE, "application/octet-stream"), new byte[0], pushScope(repository));
  }

  /** The inclusive range of {@code length} bytes from {@code start}, as Content-Range and Range spell it: {@code 0-1023}. */
  static String range(long start, long length) {
    return start + "-" + (start + length - 1);
  }

  /** The bytes {@code [from, to)} of {@code content}. */
  static byte[] slice(byte[] content, int from, int to) {
    return Arrays.copyOfRange(content, from, to);
  }

  /**
   * The size of a chunk that is not the last: {@code preferred}, or the registry's {@code OCI-Chunk-Min-Length}
   * from the POST answer when that is larger (spec: non-final chunks SHOULD be at least that long).
   */
  static int chunkSize(RegistryResponse post, int preferred) {
    Optional<String> min = post.header(Headers.OCI_CHUNK_MIN_LENGTH);
    try {
      return Math.max(preferred, min.map(String::trim).map(Integer::parseInt).orElse(0));
    } catch (NumberFormatException notANumber) {
      return preferred;
    }
  }

  /**
   * A session URL the registry never issued: the session id of a real {@code Location} (the
   * {@code Docker-Upload-UUID} value where the Location contains it, else its last path segment) replaced by a
   * random UUID; the rest, query included, kept.
   */
  static String unknownSession(RegistryResponse post) {
    String location = Content.location(post);
    String random = UUID.randomUUID().toString();
    Optional<String> uuid = post.header(Headers.DOCKER_UPLOAD_UUID).filter(u -> !u.isBlank() && location.contains(u));
    if (uuid.isPresent()) {
      return location.replace(uuid.get(), random);
    }
    int query = location.indexOf('?');
    String path = query < 0 ? location : location.substring(0, query);
    String rest = query < 0 ? "" : location.substring(query);
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(0, trimmed.lastIndexOf('/') + 1) + random + rest;
  }

  /** The response's JSON error body has one of {@code expected}; the message shows the exchange. */
  static void hasErrorCodeIn(RegistryResponse response, ErrorCode... expected) {
    List<String> codes = response.errors().stream().map(e -> e.code()).toList();
    List<String> wanted = Arrays.stream(expected).map(ErrorCode::name).toList();
    Assertions.assertThat(codes)
        .as("error codes in the body of %s, expected one of %s%nExchange:%n  %s", response.requestLine(), wanted,
            response.describe().replace("\n", "\n  "))
        .containsAnyElementsOf(wanted);
  }

  /**
   * A {@code Docker-Content-Digest} header is present and is a digest of {@code content} — in whichever algorithm
   * the registry chose (the spec lets it answer with its canonical digest, e.g. sha256 for a blob pushed by sha512).
   */
  static void hasContentDigestOf(RegistryResponse response, byte[] content) {
    assertThat(response).hasHeader(Headers.DOCKER_CONTENT_DIGEST);
    String value = response.header(Headers.DOCKER_CONTENT_DIGEST).orElseThrow();
    Assertions.assertThat(Digest.isDigest(value))
        .as("Docker-Content-Digest '%s' of %s is a digest (sha256 or sha512)%nExchange:%n  %s", value,
            response.requestLine(), response.describe().replace("\n", "\n  "))
        .isTrue();
    Digest digest = Digest.parse(value);
    Assertions.assertThat(digest)
        .as("Docker-Content-Digest of %s: the %s digest of the %d bytes pushed%nExchange:%n  %s", response.requestLine(),
            digest.algorithm().label(), content.length, response.describe().replace("\n", "\n  "))
        .isEqualTo(Digest.of(digest.algorithm(), content));
  }

  /**
   * HEAD and GET of {@code digest} in {@code repository} serve exactly {@code content}: HEAD with its size, both with
   * a Docker-Content-Digest of the bytes (in the registry's algorithm), GET with the bytes themselves.
   */
  static void assertStored(RegistryClient registry, String repository, Digest digest, byte[] content) {
    RegistryResponse head = registry.headBlob(repository, digest);
    assertThat(head).hasStatus(200).hasContentLength(content.length);
    hasContentDigestOf(head, content);
    RegistryResponse get = registry.getBlob(repository, digest);
    assertThat(get).hasStatus(200);
    hasContentDigestOf(get, content);
    // sha256 first: the same bytes, and the digest the corrupted-download test of the toolkit looks for.
    assertThat(get).hasBodyMatching(Digest.sha256(content), content.length).hasBodyMatching(digest, content.length);
  }

  /** A 202 to a mount is the spec's fallback: it must be an upload session (Location); the feature is then absent. */
  static void unsupportedIfSessionInstead(RegistryClient registry, RegistryResponse mount, String feature) {
    if (mount.status() == 202) {
      assertThat(mount).as("the 202 fallback of %s is an upload session", feature).hasLocationHeader();
      UploadSessions.abandon(registry, Content.location(mount));
      Unsupported.because(feature + " is not offered: " + mount.requestLine() + " answered 202 with an upload session");
    }
  }

}
