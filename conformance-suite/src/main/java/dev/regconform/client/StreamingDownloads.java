package dev.regconform.client;

import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
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
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * GETs whose body goes to a sink, digested on the way, never held in memory: for layers of hundreds of MiB
 * ({@link RegistryHttp} reads a body into a byte array). Redirects followed as {@link RegistryHttp} follows them.
 */
final class StreamingDownloads {
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int BUFFER = 64 * 1024;

  private final CloseableHttpClient client;
  private final Duration timeout;

  /** @param timeout the longest a download may go without a byte arriving ({@link ExchangeDeadline#idle}) */
  StreamingDownloads(CloseableHttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * GET {@code url}; a 2xx body is copied to {@code sink} and digested with {@code algorithm}, any other body kept
   * (up to 64 KiB) in the returned response. Redirects of the registry (to storage) are followed, and the
   * Authorization is not sent on to another origin.
   */
  StreamedBlob get(String url, String authorization, DigestAlgorithm algorithm, OutputStream sink) {
    URI current = URI.create(url);
    String auth = authorization;
    for (int hops = 0; ; hops++) {
      HttpGet request = new HttpGet(current);
      if (auth != null) {
        request.setHeader(Headers.AUTHORIZATION, auth);
      }
      long started = System.currentTimeMillis();
      ExchangeSteps.SentHeaders.reset();
      String hopUrl = current.toString();
      ExchangeDeadline deadline = ExchangeDeadline.idle(timeout, request::abort);
      try (CloseableHttpResponse response = client.execute(request)) {
        int status = response.getStatusLine().getStatusCode();
        List<Map.Entry<String, String>> headers = headersOf(response);
        HttpEntity entity = response.getEntity();
        Optional<URI> next = REDIRECT_STATUSES.contains(status) && hops < MAX_REDIRECTS
            ? redirectTarget(current, response) : Optional.empty();
        if (next.isPresent()) {
          record(started, request, hopUrl, new RecordedExchange.Answer(status, headers, RecordedExchange.Body.NONE),
              "redirect followed, its body not read");
          if (!RegistryHttp.sameOrigin(current, next.get())) {
            auth = null;
          }
          current = next.get();
          continue;
        }
        MessageDigest digest = algorithm.newMessageDigest();
        if (status / 100 != 2 || entity == null) {
          byte[] body = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_ERROR_BODY);
          record(started, request, hopUrl,
              new RecordedExchange.Answer(status, headers, new RecordedExchange.Body.Bytes(body)), "");
          return new StreamedBlob(new RegistryResponse("GET", url, status, headers, body), 0,
              Digest.fromHash(algorithm, digest.digest()));
        }
        long size;
        try (InputStream in = entity.getContent()) {
          size = copy(in, sink, digest, deadline);
        } catch (IOException e) { // the body ended before its Content-Length, or the connection broke
          if (deadline.expired()) {
            throw new IOException(deadline.describe(), e);
          }
          record(started, request, hopUrl, new RecordedExchange.Answer(status, headers, RecordedExchange.Body.NONE),
              "the body broke off while it streamed: " + e);
          throw new IncompleteResponseError("GET", url, status,
              String.valueOf(Optional.ofNullable(response.getFirstHeader(Headers.CONTENT_LENGTH))
                  .map(Header::getValue).orElse(null)), e);
        }
        Digest received = Digest.fromHash(algorithm, digest.digest());
        record(started, request, hopUrl,
            new RecordedExchange.Answer(status, headers, new RecordedExchange.Body.Streamed(size, received)), "");
        return new StreamedBlob(new RegistryResponse("GET", url, status, headers, new byte[0]), size, received);
      } catch (IOException e) {
        String failure = deadline.expired() ? deadline.describe() : e.toString();
        record(started, request, hopUrl, null, failure);
        throw new RegistryUnreachableException("GET " + Redaction.url(current.toString()) + " failed: " + failure, e);
      } finally {
        deadline.close();
      }
    }
  }

  /** Reports one hop ({@link ExchangeSteps}); {@code answer} null when none came. */
  private static void record(long started, HttpGet request, String url, RecordedExchange.Answer answer, String note) {
    List<Map.Entry<String, String>> sent = ExchangeSteps.SentHeaders.take().orElseGet(() -> {
      List<Map.Entry<String, String>> given = new ArrayList<>();
      for (Header h : request.getAllHeaders()) {
        given.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
      }
      return given;
    });
    ExchangeSteps.record(new RecordedExchange(started, "GET", url, sent, RecordedExchange.Body.NONE,
        Optional.ofNullable(answer), note));
  }

  private static long copy(InputStream in, OutputStream sink, MessageDigest digest, ExchangeDeadline deadline)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      deadline.progress();
      digest.update(buffer, 0, n);
      sink.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static Optional<URI> redirectTarget(URI current, CloseableHttpResponse response) {
    Header location = response.getFirstHeader(Headers.LOCATION);
    try {
      return location == null ? Optional.empty() : Optional.of(current.resolve(location.getValue()));
    } catch (IllegalArgumentException notAUri) {
      return Optional.empty();
    }
  }

  private static List<Map.Entry<String, String>> headersOf(CloseableHttpResponse response) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Header h : response.getAllHeaders()) {
      headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
    }
    return headers;
  }
}
