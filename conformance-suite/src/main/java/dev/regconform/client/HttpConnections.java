package dev.regconform.client;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpClientConnection;
import org.apache.http.HttpException;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.TrustAllStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpRequestExecutor;
import org.apache.http.ssl.SSLContexts;

/**
 * The one Apache HttpClient a {@link RegistryClient} sends everything through ({@link RegistryHttp},
 * {@link StreamingDownloads}, {@link StreamingUploads}): connections kept alive and pooled, safe to use from many
 * threads at once. It changes nothing the caller did not ask for: no content decoding (the bytes are the blob's), no
 * redirects (followed by the caller, which decides where credentials go), no cookies, no Accept or Accept-Encoding
 * added, and no retries but one: a request sent on a kept-alive connection that the registry had closed meanwhile
 * (nothing at all came back) is sent once more on a new connection, as curl and Go's client do. A registry that
 * closes a connection after each answer without saying {@code Connection: close} would otherwise fail every second
 * request for a reason of the client's making.
 */
final class HttpConnections {
  /** Enough for the load mode's workers and parallel checks against one registry. */
  private static final int MAX_PER_ROUTE = 256;
  /**
   * A pooled connection idle for longer than this is checked before it is used again (a registry may have closed
   * it); the check costs up to a millisecond, so connections used back to back skip it.
   */
  private static final int VALIDATE_AFTER_IDLE_MILLIS = 500;

  private HttpConnections() {}

  static CloseableHttpClient open(boolean insecure, int connectTimeoutMillis, int readTimeoutMillis) {
    Registry<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
        .register("http", PlainConnectionSocketFactory.getSocketFactory())
        .register("https", insecure ? trustingEverything() : SSLConnectionSocketFactory.getSocketFactory())
        .build();
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(sockets);
    pool.setDefaultMaxPerRoute(MAX_PER_ROUTE);
    pool.setMaxTotal(MAX_PER_ROUTE * 2);
    pool.setValidateAfterInactivity(VALIDATE_AFTER_IDLE_MILLIS);
    // Bounds the TLS handshake too, which happens before the request's socket timeout applies.
    pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readTimeoutMillis).build());
    return HttpClientBuilder.create()
        .setConnectionManager(pool)
        .setRequestExecutor(new ReuseMarkingExecutor())
        .setRetryHandler(HttpConnections::retryOnClosedIdleConnection)
        .disableContentCompression()
        .disableRedirectHandling()
        .disableCookieManagement()
        // First: an interrupted run sends nothing more but its cleanup (RequestGate).
        .addInterceptorFirst(RequestGate.INTERCEPTOR)
        // Last, so it sees the request as it goes out (for the report: ExchangeSteps).
        .addInterceptorLast(ExchangeSteps.SentHeaders.INTERCEPTOR)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectTimeout(connectTimeoutMillis)
            .setConnectionRequestTimeout(connectTimeoutMillis)
            .setSocketTimeout(readTimeoutMillis)
            // Requests go out with the path as built: HttpClient would otherwise drop empty segments (a//b -> a/b),
            // and the bad-name checks send exactly such paths.
            .setNormalizeUri(false)
            .build())
        .build();
  }

  /** See the class comment: once, and only when the connection had carried a request before. */
  private static boolean retryOnClosedIdleConnection(IOException failure, int executionCount, HttpContext context) {
    return executionCount == 1 && failure instanceof NoHttpResponseException
        && Boolean.TRUE.equals(context.getAttribute(ReuseMarkingExecutor.REUSED));
  }

  /** Marks in the context whether the connection a request goes out on had carried a request before. */
  private static final class ReuseMarkingExecutor extends HttpRequestExecutor {
    static final String REUSED = "regconform.connection-reused";

    @Override
    public HttpResponse execute(HttpRequest request, HttpClientConnection connection, HttpContext context)
        throws IOException, HttpException {
      context.setAttribute(REUSED, connection.getMetrics().getRequestCount() > 0);
      return super.execute(request, connection, context);
    }
  }

  private static SSLConnectionSocketFactory trustingEverything() {
    try {
      SSLContext context = SSLContexts.custom().loadTrustMaterial(null, TrustAllStrategy.INSTANCE).build();
      return new SSLConnectionSocketFactory(context, NoopHostnameVerifier.INSTANCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS without certificate checks", e);
    }
  }
}
