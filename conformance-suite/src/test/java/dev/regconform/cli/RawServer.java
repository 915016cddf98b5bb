package dev.regconform.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that misbehaves in ways no HTTP server library will: it reads each request's head and then does
 * what its {@link Behaviour} says, which may be never answering, answering with bytes that are not HTTP, or resetting
 * the connection half-way through a body. {@code GET /v2/} may be answered properly, so a run gets past its pre-flight.
 */
final class RawServer implements AutoCloseable {
  /** What to do with one request on a connection; {@code head} is its request line and headers. */
  @FunctionalInterface
  interface Behaviour {
    void answer(String head, Socket socket) throws IOException;
  }

  /** Accepts, reads, never answers (until the server closes). */
  static final Behaviour SILENT = (head, socket) -> {
    while (socket.getInputStream().read() != -1) {
      // keep the connection open, say nothing
    }
  };

  /** Answers with what an SSH server says first, then closes. */
  static final Behaviour GARBAGE = (head, socket) -> {
    socket.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n".getBytes(StandardCharsets.UTF_8));
    socket.close();
  };

  /** 200 with Content-Length 100000, 10 bytes of body, then a reset (RST, not FIN). */
  static final Behaviour RESET_MID_BODY = (head, socket) -> {
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n"
        + "0123456789").getBytes(StandardCharsets.UTF_8));
    out.flush();
    socket.setSoLinger(true, 0);
    socket.close();
  };

  /** {@code GET /v2/} answered 200 as Distribution does, everything else as {@code rest}. */
  static Behaviour registryBaseThen(Behaviour rest) {
    return (head, socket) -> {
      if (head.startsWith("GET /v2/ ")) {
        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Docker-Distribution-Api-Version: registry/2.0\r\nContent-Length: 2\r\n\r\n{}")
            .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
      } else {
        rest.answer(head, socket);
      }
    };
  }

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private RawServer(ServerSocket server, Behaviour behaviour) {
    this.server = server;
    this.behaviour = behaviour;
    this.acceptor = new Thread(this::acceptAll, "raw-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RawServer start(Behaviour behaviour) {
    try {
      return new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  String base() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      open.add(socket);
      Thread t = new Thread(() -> serve(socket), "raw-server-connection");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Request after request on one connection, each body skipped by its Content-Length. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      while (!socket.isClosed()) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        long length = contentLength(head);
        in.skipNBytes(length);
        behaviour.answer(head, socket);
      }
    } catch (IOException ended) {
      // the client went away, or the behaviour closed the connection
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) != -1; ) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static long contentLength(String head) {
    return head.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
        .mapToLong(l -> Long.parseLong(l.substring(15).strip())).findFirst().orElse(0);
  }
}
