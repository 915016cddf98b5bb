package dev.regconform.scenarios.robustness;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static dev.regconform.scenarios.Content.location;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Scenario;
import dev.regconform.model.Digest;
import dev.regconform.scenarios.Content;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The honest steps the bad-upload cases are built from: sessions opened and fed as a client should, the malformed
 * request of each case sent around them, and the checks of what a session or a blob holds afterwards. Every digest
 * a step may make the registry store is recorded for cleanup.
 */
final class UploadSteps {
  /** The size of a chunk that is not the last, unless the registry asks for more (OCI-Chunk-Min-Length). */
  static final int CHUNK = 1024;
  private static final Pattern RANGE = Pattern.compile("(?:bytes=)?0-(\\d+)");

  private final Scenario scenario;
  private final RegistryClient registry;

  UploadSteps(Scenario scenario) {
    this.scenario = scenario;
    this.registry = scenario.client();
  }

  /** A blob of {@code chunks} chunks and the chunk size it was cut for, with a session that has received the first. */
  record Chunked(String location, int chunk, byte[] content) {
    byte[] chunk(int index) {
      return slice(content, index * chunk, Math.min(content.length, (index + 1) * chunk));
    }

    Digest digest() {
      return Digest.sha256(content);
    }
  }

  /** POST (202) that opens a session for a blob of {@code chunks} chunks; nothing sent yet. */
  Chunked opened(String repository, int chunks) {
    RegistryResponse post = registry.startUpload(repository);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    int chunk = Math.max(CHUNK, post.header(Headers.OCI_CHUNK_MIN_LENGTH).map(String::trim)
        .filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt).orElse(0));
    byte[] content = Content.newContent(chunks * chunk);
    scenario.cleanup().recordBlob(repository, Digest.sha256(content));
    return new Chunked(location(post), chunk, content);
  }

  /** As {@link #opened}, then PATCH of the first chunk with its Content-Range (202); the Location is the PATCH's. */
  Chunked firstChunkSent(String repository, int chunks) {
    Chunked s = opened(repository, chunks);
    RegistryResponse patch = registry.patchUpload(s.location(), s.chunk(0), range(0, s.chunk()));
    assertThat(patch).as("PATCH of the first chunk").hasStatus(202);
    return new Chunked(location(patch), s.chunk(), s.content());
  }

  /** POST, then one PATCH with {@code content} (no Content-Range: a streamed chunk); returns the Location to close at. */
  String patched(String repository, byte[] content) {
    RegistryResponse post = registry.startUpload(repository);
    assertThat(post).as("POST that opens the session").hasStatus(202);
    scenario.cleanup().recordBlob(repository, Digest.sha256(content));
    RegistryResponse patch = registry.patchUpload(location(post), content, range(0, content.length));
    assertThat(patch).as("PATCH of the whole blob").hasStatus(202);
    return location(patch);
  }

  /** A session closed by PUT ?digest= (201) after a PATCH of {@code content}; returns the Location the PUT went to. */
  String finished(String repository, byte[] content) {
    String location = patched(repository, content);
    RegistryResponse put = registry.completeUpload(location, Digest.sha256(content), null);
    assertThat(put).as("PUT that closes the session").hasStatus(201);
    return location;
  }

  /** PUT {@code <location>?digest=<text>} with {@code body} (may be empty), the digest written as given, URL-encoded. */
  RegistryResponse putWithDigest(String repository, String location, String digest, byte[] body) {
    return put(repository, withQuery(location, "digest", digest), body, Map.of());
  }

  /** PUT {@code url} as given, with {@code body} and the extra {@code headers}. */
  RegistryResponse put(String repository, String url, byte[] body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(Headers.CONTENT_TYPE, "application/octet-stream");
    return registry.exchange("PUT", url, all, body, pushScope(repository));
  }

  /**
   * What the session at {@code location} says it holds, from its status (end-13): the number of bytes its Range
   * reports, or empty when the session is gone (404). Anything else is answered with an AssertionError: a session must
   * be one or the other. {@code 0-0} counts as nothing received: it is how Distribution and others report an empty
   * session (the spec's form has no way to say "none").
   */
  Optional<Long> received(String location, String after) {
    RegistryResponse status = registry.uploadStatus(location);
    if (status.status() == 404) {
      return Optional.empty();
    }
    assertThat(status).as("GET of the session's Location after %s: 204 with its Range (R32), or 404 if it is gone",
        after).hasStatus(204);
    String range = status.header(Headers.RANGE).orElse("");
    Matcher m = RANGE.matcher(range.trim());
    if (!m.matches()) {
      throw new AssertionError(String.format("%nExpecting the status of the session after %s%n  <%s>%nto report"
          + " Range: 0-<last byte received> (R32)%nbut it was%n  <%s>%nExchange:%n  %s", after, status.requestLine(),
          range, status.describe().replace("\n", "\n  ")));
    }
    long last = Long.parseLong(m.group(1));
    return Optional.of(last == 0 ? 0 : last + 1);
  }

  /**
   * As {@link #received}, once the registry has settled what it kept of a request whose connection closed mid-body:
   * asked every 250 ms (at least twice, from 500 ms on) until two answers in a row agree, for at most 5 s. A
   * registry that stores the partial bytes a moment after the close (Artipie under load) is then read after it did.
   */
  Optional<Long> receivedOnceSettled(String location, String after) {
    long start = System.nanoTime();
    pause(500);
    Optional<Long> previous = received(location, after);
    while (true) {
      pause(250);
      Optional<Long> now = received(location, after);
      if (now.equals(previous) || System.nanoTime() - start > 5_000_000_000L) {
        return now;
      }
      previous = now;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the upload session to settle", e);
    }
  }

  /**
   * Finishes the upload of {@code content} as an honest client would from what the session reports it holds: the
   * bytes after that by PATCH (with their Content-Range), then PUT {@code ?digest=} of the whole. Returns the PUT's
   * answer; empty when the session already holds more bytes than the blob has (nothing honest is left to send).
   */
  Optional<RegistryResponse> finishFrom(String location, long received, byte[] content) {
    if (received > content.length) {
      return Optional.empty();
    }
    String at = location;
    if (received < content.length) {
      byte[] rest = slice(content, (int) received, content.length);
      RegistryResponse patch = registry.patchUpload(at, rest, range(received, rest.length));
      if (patch.status() != 202 || patch.header(Headers.LOCATION).isEmpty()) {
        return Optional.of(patch);
      }
      at = location(patch);
    }
    return Optional.of(registry.completeUpload(at, Digest.sha256(content), null));
  }

  /**
   * What is wrong with {@code repository}'s blob {@code digest} where it must be exactly {@code content} or absent:
   * a line with the exchange, or empty when it is absent (404) or served with exactly those bytes.
   */
  Optional<String> notExactlyOrAbsent(String repository, Digest digest, byte[] content) {
    RegistryResponse head = registry.headBlob(repository, digest);
    if (head.status() == 404) {
      return Optional.empty();
    }
    RegistryResponse get = registry.getBlob(repository, digest);
    try {
      assertThat(get).hasStatus(200).hasBodyMatching(digest, content.length);
      return Optional.empty();
    } catch (AssertionError e) {
      return Optional.of("the blob " + repository + "@" + digest + " is visible but is not the " + content.length
          + " bytes that digest names:" + e.getMessage());
    }
  }

  /** {@code url} with one more query parameter, keeping the ones the registry put there (e.g. Distribution's _state). */
  static String withQuery(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The token scope a push to {@code repository} needs, for {@link RegistryClient#exchange}. */
  static String pushScope(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  /** The inclusive range of {@code length} bytes from {@code start}, as Content-Range spells it: {@code 0-1023}. */
  static String range(long start, long length) {
    return start + "-" + (start + length - 1);
  }

  /** The bytes {@code [from, to)} of {@code content}. */
  static byte[] slice(byte[] content, int from, int to) {
    return Arrays.copyOfRange(content, from, to);
  }

  /** {@code a} followed by {@code b}. */
  static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
