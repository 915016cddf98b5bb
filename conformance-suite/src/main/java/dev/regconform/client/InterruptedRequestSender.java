package dev.regconform.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the headers of a request and the first part of its body over a plain socket, then closes the connection
 * without waiting for an answer: the interrupted upload no HTTP client library will make. The registry sees a
 * request whose body ends early with the connection gone (a FIN: the client's side closed, as when the client
 * process dies). Connecting and the TLS handshake are bounded by the connect timeout; nothing else waits.
 */
final class InterruptedRequestSender {
  /** How long the bytes sent stay on an open connection before it is closed. */
  static final long HOLD_BEFORE_CLOSE_MILLIS = 300;
  private final ShortBodySender sockets;

  InterruptedRequestSender(ShortBodySender sockets) {
    this.sockets = sockets;
  }

  InterruptedExchange send(String method, String url, Map<String, String> headers, byte[] partialBody,
      long declaredLength, String authorization) {
    URI uri = URI.create(url);
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(uri.getHost()).append(uri.getPort() == -1 ? "" : ":" + uri.getPort()).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append(Headers.CONTENT_LENGTH).append(": ").append(declaredLength).append("\r\n");
    if (authorization != null) {
      head.append(Headers.AUTHORIZATION).append(": ").append(authorization).append("\r\n");
    }
    head.append("\r\n");
    String requestLine = method + " " + Redaction.url(url);
    long started = System.currentTimeMillis();
    try (Socket socket = sockets.open(uri.getHost(), port, tls)) {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(partialBody);
      out.flush();
      // A client killed mid-upload has had its bytes on the wire for a while: the registry has read them before it
      // sees the close (without the pause, whether a registry keeps them depends on how fast it read them).
      Thread.sleep(HOLD_BEFORE_CLOSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnreachableException(requestLine + ": interrupted while holding the connection open", e);
    } catch (IOException e) {
      String failure = requestLine + " (to be interrupted after " + partialBody.length + " bytes of body) failed: " + e;
      ShortBodySender.record(started, method, url, head, partialBody, Optional.empty(), failure);
      throw new RegistryUnreachableException(failure, e);
    }
    ShortBodySender.record(started, method, url, head, partialBody, Optional.empty(), "Content-Length: "
        + declaredLength + " declared, " + partialBody.length + " bytes of body sent, then the client closed the"
        + " connection without reading an answer");
    return new InterruptedExchange(requestLine, declaredLength, partialBody.length);
  }
}
