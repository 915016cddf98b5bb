package dev.regconform.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests cut off mid-body ({@link RegistryClient#sendInterrupted}), against a socket server that records what
 * arrived and whether the client closed its side, and never answers the interrupted request.
 */
class InterruptedExchangeTest {
  private static final byte[] HALF = "0123456789".getBytes(ISO_8859_1);

  private ServerSocket server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Boolean> endedByClient = new CopyOnWriteArrayList<>();
  private final CountDownLatch interruptedRequestRead = new CountDownLatch(1);

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  /** Answers GET /v2/ with 200 (no authentication); reads any other request until the client closes, answering nothing. */
  private RegistryClient client() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket connection = server.accept()) {
          String firstLine = readUntilEofOrPing(connection);
          if (firstLine.startsWith("GET /v2/ ")) {
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(ISO_8859_1));
            continue;
          }
          interruptedRequestRead.countDown();
        } catch (IOException closed) {
          return;
        }
      }
    }, "interrupted-server");
    thread.setDaemon(true);
    thread.start();
    return RegistryClient.builder(java.net.URI.create("http://127.0.0.1:" + server.getLocalPort()))
        .connectTimeoutMillis(2_000).build();
  }

  private String readUntilEofOrPing(Socket connection) throws IOException {
    connection.setSoTimeout(5_000);
    InputStream in = connection.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    boolean eof = false;
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        bytes.write(buffer, 0, n);
        String text = bytes.toString(ISO_8859_1);
        if (text.startsWith("GET /v2/ ") && text.contains("\r\n\r\n")) {
          return text;
        }
      }
      eof = true;
    } catch (java.net.SocketTimeoutException stillOpen) {
      // the client did not close its side within 5 s
    }
    received.add(bytes.toString(ISO_8859_1));
    endedByClient.add(eof);
    return bytes.toString(ISO_8859_1);
  }

  @Test
  void the_headers_declare_the_full_length_and_only_the_partial_body_is_sent_before_the_client_closes()
      throws Exception {
    RegistryClient client = client();

    InterruptedExchange cut = client.sendInterrupted("PATCH", "/v2/a/blobs/uploads/1?_state=secret",
        Map.of(Headers.CONTENT_RANGE, "0-2047"), HALF, 2048);

    assertThat(interruptedRequestRead.await(5, TimeUnit.SECONDS)).as("the server read the interrupted request").isTrue();
    assertThat(received).last().asString()
        .startsWith("PATCH /v2/a/blobs/uploads/1?_state=secret HTTP/1.1\r\n")
        .contains("\r\nContent-Range: 0-2047\r\n").contains("\r\nContent-Length: 2048\r\n")
        .endsWith("\r\n\r\n0123456789");
    assertThat(endedByClient).as("the client closed the connection (the server saw EOF, not a timeout)")
        .containsExactly(true);
    assertThat(cut).isEqualTo(new InterruptedExchange(cut.requestLine(), 2048, 10));
  }

  @Test
  void the_exchange_returns_at_once_without_waiting_for_an_answer_that_never_comes() throws Exception {
    RegistryClient client = client();
    long start = System.nanoTime();

    client.sendInterrupted("PUT", "/v2/a/blobs/uploads/1", Map.of(), HALF, 1L << 30);

    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds the interrupted request took").isLessThan(2_000);
  }

  @Test
  void the_description_masks_the_upload_state_and_tells_how_much_was_sent() throws Exception {
    RegistryClient client = client();

    InterruptedExchange cut = client.sendInterrupted("PATCH", "/v2/a/blobs/uploads/1?_state=secret", Map.of(), HALF,
        2048);

    assertThat(cut.describe()).doesNotContain("secret").contains("_state=")
        .endsWith("with Content-Length: 2048: the client sent 10 bytes of body, then closed the connection");
  }

  @Test
  void a_registry_that_cannot_be_reached_is_reported_as_unreachable_naming_it() throws Exception {
    RegistryClient client = client();
    String url = "http://127.0.0.1:" + server.getLocalPort();
    server.close();

    assertThatThrownBy(() -> client.sendInterrupted("PATCH", url + "/v2/a/blobs/uploads/1", Map.of(), HALF, 2048))
        .isInstanceOf(RegistryUnreachableException.class).hasMessageContaining(url);
  }
}
