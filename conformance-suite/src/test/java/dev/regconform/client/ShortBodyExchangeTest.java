package dev.regconform.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.ShortBodyExchange.Course;
import dev.regconform.model.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests whose body is shorter than their Content-Length, against a socket server that answers the way a
 * registry may: at once, after the half-close, not at all, or by closing.
 */
class ShortBodyExchangeTest {
  private static final byte[] SENT = "0123456789".getBytes(ISO_8859_1);
  private static final Digest DIGEST = Digest.sha256("the whole blob".getBytes(ISO_8859_1));
  private static final String SIZE_INVALID = "{\"errors\":[{\"code\":\"SIZE_INVALID\",\"message\":\"short\"}]}";

  private RawServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private RegistryClient client(Credentials credentials) {
    return RegistryClient.builder(server.baseUri()).credentials(credentials).connectTimeoutMillis(2_000)
        .shortBodyWaitMillis(300).shortBodyAnswerMillis(300).build();
  }

  @Test
  void a_PUT_declares_the_full_length_sends_the_short_body_and_reads_an_early_answer() {
    server = RawServer.start((request, socket) -> reply(socket, "400 Bad Request", SIZE_INVALID));

    ShortBodyExchange exchange = client(null).completeUploadWithShortBody("/v2/a/blobs/uploads/1?_state=x", DIGEST,
        SENT, 2048);

    assertThat(server.requests.get(1)).startsWith("PUT /v2/a/blobs/uploads/1?_state=x&digest=sha256%3A" + DIGEST.hex()
        + " HTTP/1.1\r\n").contains("\r\nContent-Length: 2048\r\n").endsWith("\r\n\r\n0123456789");
    assertThat(exchange.course()).isEqualTo(Course.ANSWERED_BEFORE_HALF_CLOSE);
    assertThat(exchange.response()).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errors()).extracting(RegistryError::code).containsExactly("SIZE_INVALID");
    });
    assertThat(exchange.describe()).contains("Content-Length: 2048 and 10 bytes of body").contains("SIZE_INVALID");
  }

  @Test
  void an_answer_that_comes_after_the_half_close_is_read_and_a_chunked_body_decoded() {
    server = RawServer.start((request, socket) -> {
      socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(SIZE_INVALID.length()) + "\r\n" + SIZE_INVALID + "\r\n0\r\n\r\n").getBytes(ISO_8859_1));
    }, true);

    ShortBodyExchange exchange = client(null).uploadMonolithicWithShortBody("a", DIGEST, SENT, 2048);

    assertThat(server.requests.get(1)).startsWith("POST /v2/a/blobs/uploads/?digest=sha256%3A" + DIGEST.hex() + " ");
    assertThat(exchange.course()).isEqualTo(Course.ANSWERED_AFTER_HALF_CLOSE);
    assertThat(exchange.response().orElseThrow().bodyText()).isEqualTo(SIZE_INVALID);
  }

  @Test
  void a_connection_closed_without_an_answer_is_reported_as_such() {
    server = RawServer.start((request, socket) -> { }, true);

    ShortBodyExchange exchange = client(null).completeUploadWithShortBody("/v2/a/blobs/uploads/1", DIGEST, SENT, 2048);

    assertThat(exchange.course()).isEqualTo(Course.CLOSED_WITHOUT_ANSWER);
    assertThat(exchange.response()).isEmpty();
    assertThat(exchange.describe()).endsWith("closed the connection without an answer");
  }

  @Test
  void a_registry_that_waits_for_the_missing_bytes_forever_costs_two_waits_and_no_more() {
    server = RawServer.start((request, socket) -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long start = System.nanoTime();

    ShortBodyExchange exchange = client(null).completeUploadWithShortBody("/v2/a/blobs/uploads/1", DIGEST, SENT, 2048);

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertThat(exchange.course()).isEqualTo(Course.NO_ANSWER_IN_TIME);
    assertThat(exchange.response()).isEmpty();
  }

  @Test
  void basic_credentials_the_registry_asked_for_on_GET_v2_are_sent_with_the_short_body() {
    server = RawServer.start((PingAware) (request, socket) -> {
      if (request.startsWith("GET /v2/ ")) {
        socket.getOutputStream().write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"r\"\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(ISO_8859_1));
        return;
      }
      reply(socket, "400 Bad Request", SIZE_INVALID);
    });

    client(new Credentials("alice", "secret")).completeUploadWithShortBody("/v2/a/blobs/uploads/1", DIGEST, SENT, 2048);

    assertThat(server.requests).last().asString()
        .contains("\r\nAuthorization: " + new Credentials("alice", "secret").basicHeaderValue() + "\r\n");
  }

  @Test
  void an_interim_100_Continue_is_skipped() {
    byte[] bytes = ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}")
        .getBytes(ISO_8859_1);

    assertThat(ShortBodySender.parse(bytes)).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(400));
  }

  private static void reply(Socket socket, String status, String body) throws IOException {
    socket.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body).getBytes(ISO_8859_1));
  }

  /** A handler that answers GET /v2/ itself (else the server answers it with 200: no authentication). */
  interface PingAware extends Handler {}

  /** What the test server does with a connection once it has read the request (headers, or all until EOF). */
  interface Handler {
    void handle(String request, Socket socket) throws IOException;
  }

  /** A one-thread socket server on 127.0.0.1 that records each request as text and hands the socket to a handler. */
  static final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    final List<String> requests = new CopyOnWriteArrayList<>();

    private RawServer(ServerSocket socket) {
      this.socket = socket;
    }

    static RawServer start(Handler handler) {
      return start(handler, false);
    }

    /** {@code untilEof}: read the request until the client half-closes (else: until the headers, plus a moment). */
    static RawServer start(Handler handler, boolean untilEof) {
      try {
        RawServer server = new RawServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        Thread thread = new Thread(() -> server.serve(handler, untilEof), "raw-server");
        thread.setDaemon(true);
        thread.start();
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    URI baseUri() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    private void serve(Handler handler, boolean untilEof) {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          String request = read(connection, untilEof);
          requests.add(request);
          if (request.startsWith("GET /v2/ ") && !(handler instanceof PingAware)) {
            // the client settles authentication first; this registry has none
            connection.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(ISO_8859_1));
            continue;
          }
          handler.handle(request, connection);
        } catch (IOException closed) {
          return;
        }
      }
    }

    private static String read(Socket connection, boolean untilEof) throws IOException {
      InputStream in = connection.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      connection.setSoTimeout(untilEof ? 5_000 : 100);
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          bytes.write(buffer, 0, n);
          if (!untilEof && bytes.toString(ISO_8859_1).startsWith("GET ") && bytes.toString(ISO_8859_1).contains("\r\n\r\n")) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException enough) {
        // the headers and the short body have arrived; the rest never will
      }
      return bytes.toString(ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
