package dev.regconform.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RegistryClient.Builder#requestTimeout}: a server that trickles its answer or never reads the request is ended
 * by the timeout, not held until the socket's per-read timeout never fires; a registry that stopped answering makes
 * later requests fail at once.
 */
class RegistryClientTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  @TempDir Path tmp;

  /** A server that runs {@code each} for every connection, on its own thread. */
  private URI serve(ConnectionHandler each) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          accepted.add(s);
          Thread t = new Thread(() -> {
            try (s) {
              each.handle(s);
            } catch (IOException | InterruptedException ended) {
              // the client aborted
            }
          });
          t.setDaemon(true);
          t.start();
        } catch (IOException closed) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  interface ConnectionHandler {
    void handle(Socket socket) throws IOException, InterruptedException;
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket s : accepted) {
      s.close();
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    for (int b; matched < 4 && (b = in.read()) != -1; ) {
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
    }
  }

  @Test
  void an_answer_trickled_a_byte_at_a_time_is_aborted_once_the_request_timeout_has_passed() throws IOException {
    URI base = serve(socket -> {
      readHead(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(ISO_8859_1));
      for (int i = 0; i < 100; i++) { // 20 s in all, each read well within the timeout
        out.write('x');
        out.flush();
        Thread.sleep(200);
      }
    });
    RegistryClient client = RegistryClient.builder(base).requestTimeout(TIMEOUT).build();

    long start = System.nanoTime();
    RegistryUnreachableException e = catchThrowableOfType(RegistryUnreachableException.class,
        () -> client.getManifest("acme/app", "latest", List.of()));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time until the request failed")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(e).as("the failure").isNotNull().hasMessage("GET " + base
        + "/v2/acme/app/manifests/latest failed: no complete answer within 1s, so the request was aborted");
  }

  @Test
  void a_file_upload_to_a_server_that_never_reads_it_is_aborted_after_the_timeout_without_progress() throws Exception {
    URI base = serve(socket -> Thread.sleep(60_000)); // accepts, reads nothing: the client's writes block
    Path file = tmp.resolve("big");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(256L << 20);
    }
    RegistryClient client = RegistryClient.builder(base).requestTimeout(TIMEOUT).build();

    long start = System.nanoTime();
    RegistryUnreachableException e = catchThrowableOfType(RegistryUnreachableException.class,
        () -> client.patchUpload(base + "/v2/acme/app/blobs/uploads/1", file));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time until the upload failed")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(e).as("the failure").isNotNull()
        .hasMessageEndingWith("failed: nothing sent or received for 1s, so the transfer was aborted");
  }

  @Test
  void once_the_registry_stopped_answering_requests_fail_at_once_with_one_message() throws IOException {
    URI base = serve(socket -> Thread.sleep(60_000)); // accepts, never answers, GET /v2/ included
    RegistryClient client = RegistryClient.builder(base).requestTimeout(Duration.ofMillis(300)).build();
    for (int i = 0; i < RegistryLiveness.FAILURES_BEFORE_PROBE; i++) {
      catchThrowableOfType(RegistryUnreachableException.class, () -> client.listTags("acme/app"));
    }

    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      RegistryStoppedAnsweringException e = catchThrowableOfType(RegistryStoppedAnsweringException.class,
          () -> client.listTags("acme/app"));
      assertThat(e).as("request %d after the registry stopped", i).isNotNull()
          .hasMessage("the registry stopped answering: GET " + base + "/v2/acme/app/tags/list failed: no complete "
              + "answer within 300ms, so the request was aborted, after 3 requests (GET /v2/ got no answer either: "
              + "no complete answer within 300ms, so the request was aborted)");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("20 requests after it stopped")
        .isLessThan(Duration.ofMillis(300));
  }
}
