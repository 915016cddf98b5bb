package dev.regconform.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connections under a {@link RegistryClient}: kept alive, and the one retry they allow. */
class HttpConnectionsTest {
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

  private RawServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void consecutive_requests_share_one_kept_alive_connection() {
    server = RawServer.start(RawServer.Mode.KEEP_ALIVE);
    RegistryClient client = client();

    List<Integer> statuses = IntStream.range(0, 5).mapToObj(i -> client.listTags("a").status()).toList();

    assertThat(statuses).as("statuses of 5 GET /v2/a/tags/list").containsOnly(200);
    assertThat(server.requests).as("requests the server read").hasSize(5);
    assertThat(server.connections.get()).as("connections the server accepted for 5 requests").isEqualTo(1);
  }

  @Test
  void a_registry_that_closes_after_each_answer_without_saying_so_is_asked_again_on_a_new_connection() {
    server = RawServer.start(RawServer.Mode.CLOSE_AFTER_ANSWER);
    RegistryClient client = client();

    List<Integer> statuses = IntStream.range(0, 3).mapToObj(i -> client.listTags("a").status()).toList();

    assertThat(statuses).as("statuses of 3 GET /v2/a/tags/list").containsOnly(200);
    assertThat(server.requests).as("requests the server read (each once)").hasSize(3);
    assertThat(server.connections.get()).as("connections accepted").isEqualTo(3);
  }

  @Test
  void a_new_connection_closed_without_an_answer_is_not_tried_again() {
    server = RawServer.start(RawServer.Mode.CLOSE_WITHOUT_ANSWER);

    assertThatThrownBy(() -> client().listTags("a"))
        .isInstanceOf(RegistryUnreachableException.class)
        .hasMessageContaining("GET " + server.baseUri() + "/v2/a/tags/list failed: NoHttpResponseException");
    assertThat(server.requests).as("requests the server read: no retry").hasSize(1);
  }

  private RegistryClient client() {
    return RegistryClient.builder(server.baseUri()).connectTimeoutMillis(2_000).readTimeoutMillis(2_000).build();
  }

  /** A one-thread HTTP/1.1 server on 127.0.0.1 that answers every request but GET /v2/ alike, per its mode. */
  private static final class RawServer implements AutoCloseable {
    enum Mode { KEEP_ALIVE, CLOSE_AFTER_ANSWER, CLOSE_WITHOUT_ANSWER }

    private final ServerSocket socket;
    private final Mode mode;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    private RawServer(ServerSocket socket, Mode mode) {
      this.socket = socket;
      this.mode = mode;
    }

    static RawServer start(Mode mode) {
      try {
        RawServer server = new RawServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), mode);
        Thread thread = new Thread(server::serve, "raw-server");
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

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          connections.incrementAndGet();
          connection.setSoTimeout(2_000);
          for (String request; (request = readHead(connection.getInputStream())) != null; ) {
            requests.add(request);
            if (mode == Mode.CLOSE_WITHOUT_ANSWER) {
              break;
            }
            connection.getOutputStream().write(OK.getBytes(ISO_8859_1));
            connection.getOutputStream().flush();
            if (mode == Mode.CLOSE_AFTER_ANSWER) {
              break;
            }
          }
        } catch (IOException closedOrTimedOut) {
          // next connection, or the end
        }
      }
    }

    /** The request's head (GETs only: no body), or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      for (int b; (b = in.read()) != -1; ) {
        head.write(b);
        if (head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
          return head.toString(ISO_8859_1);
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
