package dev.regconform.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpPatch;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The requests of a streamed blob upload (POST, PATCH, PUT), the PATCH's body written by a {@link BodyWriter} onto the
 * connection as it goes out, with a Content-Length, never held in memory, through the client's pooled connections
 * ({@link HttpConnections}).
 */
final class StreamingUploads {
  private static final int MAX_RESPONSE_BODY = 64 * 1024;

  private final CloseableHttpClient client;
  private final Duration timeout;

  /**
   * @param timeout the longest an upload may go without a byte going out, or its answer may take once the body is
   *     out ({@link ExchangeDeadline#idle})
   */
  StreamingUploads(CloseableHttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * {@code method} ({@code POST}, {@code PATCH} or {@code PUT}) {@code url}, with {@code length} bytes from
   * {@code body} ({@code Content-Type: application/octet-stream}, no Content-Range), or with no body
   * ({@code Content-Length: 0}) when {@code body} is null; the answer's body is kept up to 64 KiB. No redirect is
   * followed.
   *
   * @throws RegistryUnreachableException when the connection fails, or {@code body} fails or writes another number of
   *     bytes than {@code length}
   */
  RegistryResponse send(String method, String url, long length, BodyWriter body, String authorization) {
    HttpEntityEnclosingRequestBase request = switch (method) {
      case "POST" -> new HttpPost(url);
      case "PATCH" -> new HttpPatch(url);
      case "PUT" -> new HttpPut(url);
      default -> throw new IllegalArgumentException("not an upload method: " + method);
    };
    if (authorization != null) {
      request.setHeader(Headers.AUTHORIZATION, authorization);
    }
    ExchangeDeadline deadline = ExchangeDeadline.idle(timeout, request::abort);
    if (body != null) {
      request.setEntity(new WrittenEntity(length, body, deadline));
    }
    try (CloseableHttpResponse response = client.execute(request)) {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (Header h : response.getAllHeaders()) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
      }
      HttpEntity entity = response.getEntity();
      byte[] answer;
      if (entity == null) {
        answer = new byte[0];
      } else {
        try (InputStream in = entity.getContent()) {
          answer = in.readNBytes(MAX_RESPONSE_BODY);
        }
      }
      return new RegistryResponse(method, url, response.getStatusLine().getStatusCode(), headers, answer);
    } catch (IOException e) {
      throw new RegistryUnreachableException(method + " " + Redaction.url(url) + (body == null ? "" : " with " + length
          + " streamed bytes") + " failed: " + (deadline.expired() ? deadline.describe() : e), e);
    } finally {
      deadline.close();
    }
  }

  /** A body of a declared length, written by a {@link BodyWriter}; repeatable, since the writer can write it again. */
  private static final class WrittenEntity extends AbstractHttpEntity {
    private final long length;
    private final BodyWriter writer;
    private final ExchangeDeadline deadline;

    WrittenEntity(long length, BodyWriter writer, ExchangeDeadline deadline) {
      this.length = length;
      this.writer = writer;
      this.deadline = deadline;
      setContentType("application/octet-stream");
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public InputStream getContent() {
      throw new UnsupportedOperationException("a written body is only ever written, see writeTo");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      long[] written = {0};
      writer.writeTo(new FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          written[0] += len;
          out.write(b, off, len);
          deadline.progress();
        }

        @Override
        public void write(int b) throws IOException {
          written[0]++;
          out.write(b);
          deadline.progress();
        }

        @Override
        public void close() {
          // the connection's stream is HttpClient's to close
        }
      });
      if (written[0] != length) { // more would be cut off, fewer would leave the registry waiting: abort the request
        throw new IOException("the body writer wrote " + written[0] + " bytes; the request declared Content-Length "
            + length);
      }
    }

    @Override
    public boolean isStreaming() {
      return false;
    }
  }
}
