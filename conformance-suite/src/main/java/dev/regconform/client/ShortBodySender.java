package dev.regconform.client;

import dev.regconform.client.ShortBodyExchange.Course;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Sends a request whose body is shorter than its {@code Content-Length} over a plain socket, which no HTTP client
 * library will do. Every socket operation is bounded: the answer is awaited for {@code waitBeforeHalfCloseMillis}
 * with the connection open (a registry may answer before the body is complete), then the client half-closes its side
 * (no more bytes will come: now the registry knows the body is short) and waits up to {@code waitAfterHalfCloseMillis};
 * then the socket is closed. Over TLS, whose sockets cannot
 * half-close, the exchange ends after the first wait.
 */
final class ShortBodySender {
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private final boolean insecure;
  private final int connectTimeoutMillis;
  private final int waitBeforeHalfCloseMillis;
  private final int waitAfterHalfCloseMillis;

  ShortBodySender(boolean insecure, int connectTimeoutMillis, int waitBeforeHalfCloseMillis,
      int waitAfterHalfCloseMillis) {
    this.insecure = insecure;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.waitBeforeHalfCloseMillis = waitBeforeHalfCloseMillis;
    this.waitAfterHalfCloseMillis = waitAfterHalfCloseMillis;
  }

  ShortBodyExchange send(String method, String url, byte[] body, long declaredLength, String authorization) {
    URI uri = URI.create(url);
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(uri.getPort() == -1 ? "" : ":" + uri.getPort()).append("\r\n")
        .append("Content-Type: application/octet-stream\r\n")
        .append("Content-Length: ").append(declaredLength).append("\r\n");
    if (authorization != null) {
      head.append(Headers.AUTHORIZATION).append(": ").append(authorization).append("\r\n");
    }
    head.append("\r\n");
    String requestLine = method + " " + Redaction.url(url);
    long started = System.currentTimeMillis();

    ShortBodyExchange exchange;
    try (Socket socket = open(uri.getHost(), port, tls)) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (IOException refusedMidway) {
        // the registry may answer and close before it has read everything: read what it sent
      }
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      Read first = read(socket, received, waitBeforeHalfCloseMillis);
      if (first != Read.TIMED_OUT || socket instanceof SSLSocket) {
        exchange = result(requestLine, declaredLength, body.length, method, url, received.toByteArray(),
            Course.ANSWERED_BEFORE_HALF_CLOSE, first);
      } else {
        socket.shutdownOutput();
        Read second = read(socket, received, waitAfterHalfCloseMillis);
        exchange = result(requestLine, declaredLength, body.length, method, url, received.toByteArray(),
            Course.ANSWERED_AFTER_HALF_CLOSE, second);
      }
    } catch (IOException e) {
      String failure = requestLine + " (a body shorter than its Content-Length) failed: " + e;
      record(started, method, url, head, body, Optional.empty(), failure);
      throw new RegistryUnreachableException(failure, e);
    }
    record(started, method, url, head, body, exchange.response(), "Content-Length: " + declaredLength + " declared, "
        + body.length + " bytes of body sent; the registry " + exchange.course().text());
    return exchange;
  }

  /** Reports the exchange ({@link ExchangeSteps}): the headers as written on the socket, the bytes actually sent. */
  static void record(long started, String method, String url, CharSequence head, byte[] body,
      Optional<RegistryResponse> response, String note) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    String[] lines = head.toString().split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
      }
    }
    ExchangeSteps.record(new RecordedExchange(started, method, url, headers, new RecordedExchange.Body.Bytes(body),
        response.map(r -> new RecordedExchange.Answer(r.status(), r.headers(), new RecordedExchange.Body.Bytes(r.body()))),
        note));
  }

  private enum Read { COMPLETE, CLOSED, TIMED_OUT }

  /** Reads into {@code received} until it holds a complete response, the peer closes, or the wait ends. */
  private Read read(Socket socket, ByteArrayOutputStream received, int waitMillis) throws IOException {
    socket.setSoTimeout(waitMillis);
    long deadline = System.currentTimeMillis() + waitMillis;
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    while (true) {
      if (parse(received.toByteArray()).filter(Parsed::complete).isPresent()) {
        return Read.COMPLETE;
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return Read.TIMED_OUT;
      }
      socket.setSoTimeout((int) left);
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException timeout) {
        return Read.TIMED_OUT;
      } catch (IOException reset) {
        return Read.CLOSED;
      }
      if (n < 0) {
        return Read.CLOSED;
      }
      received.write(buffer, 0, n);
    }
  }

  /** The exchange from the bytes received; a response counts once its status line and headers are complete. */
  private static ShortBodyExchange result(String requestLine, long declared, int sent, String method, String url,
      byte[] received, Course ifAnswered, Read last) {
    Optional<Parsed> parsed = parse(received);
    if (parsed.isEmpty()) {
      Course course = last == Read.TIMED_OUT ? Course.NO_ANSWER_IN_TIME : Course.CLOSED_WITHOUT_ANSWER;
      return new ShortBodyExchange(requestLine, declared, sent, Optional.empty(), course);
    }
    Parsed p = parsed.get();
    return new ShortBodyExchange(requestLine, declared, sent,
        Optional.of(new RegistryResponse(method, url, p.status(), p.headers(), p.body())), ifAnswered);
  }

  record Parsed(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean complete) {}

  /**
   * The first final (non-1xx) response in {@code bytes}, with as much of its body as arrived; empty while its
   * headers are incomplete. The body is framed by Content-Length, chunked coding, or the end of the connection.
   */
  static Optional<Parsed> parse(byte[] bytes) {
    int start = 0;
    while (true) {
      int end = indexOf(bytes, HEADER_END, start);
      if (end < 0) {
        return Optional.empty();
      }
      String[] lines = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      int status;
      try {
        status = Integer.parseInt(statusLine.length > 1 ? statusLine[1] : "");
      } catch (NumberFormatException notHttp) {
        return Optional.empty();
      }
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.add(new AbstractMap.SimpleImmutableEntry<>(lines[i].substring(0, colon).trim(),
              lines[i].substring(colon + 1).trim()));
        }
      }
      int bodyStart = end + HEADER_END.length;
      if (status >= 100 && status < 200) {
        start = bodyStart;
        continue;
      }
      return Optional.of(body(status, headers, bytes, bodyStart));
    }
  }

  private static Parsed body(int status, List<Map.Entry<String, String>> headers, byte[] bytes, int from) {
    int available = bytes.length - from;
    Optional<String> length = headers.stream().filter(h -> h.getKey().equalsIgnoreCase(Headers.CONTENT_LENGTH))
        .map(Map.Entry::getValue).findFirst();
    boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
        && h.getValue().toLowerCase().contains("chunked"));
    if (chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int pos = from;
      while (true) {
        int lineEnd = indexOf(bytes, new byte[] {'\r', '\n'}, pos);
        if (lineEnd < 0) {
          return new Parsed(status, headers, out.toByteArray(), false);
        }
        int size;
        try {
          size = Integer.parseInt(new String(bytes, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0]
              .trim(), 16);
        } catch (NumberFormatException bad) {
          return new Parsed(status, headers, out.toByteArray(), true);
        }
        if (size == 0) {
          return new Parsed(status, headers, out.toByteArray(), true);
        }
        int dataStart = lineEnd + 2;
        int dataEnd = Math.min(bytes.length, dataStart + size);
        out.write(bytes, dataStart, dataEnd - dataStart);
        if (dataStart + size + 2 > bytes.length) {
          return new Parsed(status, headers, out.toByteArray(), false);
        }
        pos = dataStart + size + 2;
      }
    }
    if (length.isPresent()) {
      long declared;
      try {
        declared = Long.parseLong(length.get().trim());
      } catch (NumberFormatException bad) {
        declared = available;
      }
      int n = (int) Math.min(available, declared);
      byte[] body = new byte[n];
      System.arraycopy(bytes, from, body, 0, n);
      return new Parsed(status, headers, body, available >= declared);
    }
    byte[] body = new byte[available];
    System.arraycopy(bytes, from, body, 0, available);
    boolean noBody = status == 204 || status == 304;
    return new Parsed(status, headers, noBody ? new byte[0] : body, noBody);
  }

  private static int indexOf(byte[] bytes, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= bytes.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A connected socket to {@code host:port}, TLS when asked (handshake bounded by the connect timeout). */
  Socket open(String host, int port, boolean tls) throws IOException {
    RequestGate.check();
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
    if (!tls) {
      return plain;
    }
    SSLSocket socket = (SSLSocket) sslFactory().createSocket(plain, host, port, true);
    socket.setSoTimeout(connectTimeoutMillis); // the handshake, like connecting, is bounded by the connect timeout
    socket.startHandshake();
    return socket;
  }

  private SSLSocketFactory sslFactory() throws IOException {
    if (!insecure) {
      return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS without certificate verification", e);
    }
  }
}
