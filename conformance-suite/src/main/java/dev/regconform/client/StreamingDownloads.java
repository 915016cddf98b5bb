package dev.regconform.client;

import dev.regconform.model.Digest;
import dev.regconform.model.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.TrustAllStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.ssl.SSLContexts;

/**
 * GETs whose body goes to a sink, digested on the way, never held in memory: for layers of hundreds of MiB. REST
 * Assured reads every response body into a byte array, so this talks to Apache HttpClient (REST Assured's transport)
 * directly: no content decoding (the bytes are the blob's), redirects followed as {@link RegistryHttp} follows them.
 */
final class StreamingDownloads {
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int BUFFER = 64 * 1024;

  private final CloseableHttpClient client;

  StreamingDownloads(boolean insecure, int connectTimeoutMillis, int readTimeoutMillis) {
    this.client = newClient(insecure, connectTimeoutMillis, readTimeoutMillis);
  }

  /**
   * The Apache HttpClient for streamed bodies: no content decoding (the bytes are the blob's), no redirects, retries or
   * cookies (the caller decides), and with {@code insecure} no certificate checks.
   */
  static CloseableHttpClient newClient(boolean insecure, int connectTimeoutMillis, int readTimeoutMillis) {
    HttpClientBuilder builder = HttpClientBuilder.create()
        .disableContentCompression()
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectTimeout(connectTimeoutMillis).setSocketTimeout(readTimeoutMillis).build());
    if (insecure) {
      try {
        builder.setSSLSocketFactory(new SSLConnectionSocketFactory(
            SSLContexts.custom().loadTrustMaterial(null, TrustAllStrategy.INSTANCE).build(), NoopHostnameVerifier.INSTANCE));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Cannot set up TLS without certificate checks", e);
      }
    }
    return builder.build();
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
      try (CloseableHttpResponse response = client.execute(request)) {
        int status = response.getStatusLine().getStatusCode();
        List<Map.Entry<String, String>> headers = headersOf(response);
        HttpEntity entity = response.getEntity();
        Optional<URI> next = REDIRECT_STATUSES.contains(status) && hops < MAX_REDIRECTS
            ? redirectTarget(current, response) : Optional.empty();
        if (next.isPresent()) {
          if (!RegistryHttp.sameOrigin(current, next.get())) {
            auth = null;
          }
          current = next.get();
          continue;
        }
        MessageDigest digest = algorithm.newMessageDigest();
        if (status / 100 != 2 || entity == null) {
          byte[] body = entity == null ? new byte[0] : entity.getContent().readNBytes(MAX_ERROR_BODY);
          return new StreamedBlob(new RegistryResponse("GET", url, status, headers, body), 0,
              Digest.fromHash(algorithm, digest.digest()));
        }
        long size;
        try (InputStream in = entity.getContent()) {
          size = copy(in, sink, digest);
        } catch (IOException e) { // the body ended before its Content-Length, or the connection broke
          throw new IncompleteResponseError("GET", url, status,
              String.valueOf(Optional.ofNullable(response.getFirstHeader(Headers.CONTENT_LENGTH))
                  .map(Header::getValue).orElse(null)), e);
        }
        return new StreamedBlob(new RegistryResponse("GET", url, status, headers, new byte[0]), size,
            Digest.fromHash(algorithm, digest.digest()));
      } catch (IOException e) {
        throw new RegistryUnreachableException("GET " + Redaction.url(current.toString()) + " failed: " + e, e);
      }
    }
  }

  private static long copy(InputStream in, OutputStream sink, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
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
