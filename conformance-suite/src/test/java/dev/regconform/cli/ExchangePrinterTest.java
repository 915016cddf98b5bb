package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.regconform.client.ExchangeListeners;
import dev.regconform.client.RegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OCI_DEBUG's exchange lines: each goes to the console of the target whose thread made the request. */
class ExchangePrinterTest {
  private HttpServer server;
  private URI base;
  private final StringWriter fallbackText = new StringWriter();
  private final ExchangePrinter printer = new ExchangePrinter(new PrintWriter(fallbackText, true));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    ExchangeListeners.add(printer);
  }

  @AfterEach
  void stop() {
    ExchangeListeners.remove(printer);
    server.stop(0);
  }

  @Test
  void two_targets_at_once_each_get_only_their_own_exchanges() throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> exchanges(a, "alpha", together));
      Future<?> second = pool.submit(() -> exchanges(b, "beta", together));
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(a.toString().lines()).as("alpha's console").hasSize(3)
        .allMatch(l -> l.equals("      > GET " + base + "/v2/alpha/tags/list -> 200"));
    assertThat(b.toString().lines()).as("beta's console").hasSize(3)
        .allMatch(l -> l.equals("      > GET " + base + "/v2/beta/tags/list -> 200"));
    assertThat(fallbackText.toString()).isEmpty();
  }

  @Test
  void a_thread_the_target_starts_prints_to_the_targets_console_too() throws Exception {
    StringWriter console = new StringWriter();

    printer.printingTo(new PrintWriter(console, true), () -> {
      Thread child = new Thread(() -> client().listTags("child"));
      child.start();
      try {
        child.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });

    assertThat(console.toString()).isEqualTo("      > GET " + base + "/v2/child/tags/list -> 200\n");
  }

  @Test
  void exchanges_outside_any_target_go_to_the_console_it_was_made_with() {
    client().checkVersion();

    assertThat(fallbackText.toString()).isEqualTo("      > GET " + base + "/v2/ -> 200\n");
  }

  private Object exchanges(StringWriter console, String repository, CyclicBarrier together) {
    return printer.printingTo(new PrintWriter(console, true), () -> {
      RegistryClient client = client();
      for (int i = 0; i < 3; i++) {
        try {
          together.await(30, TimeUnit.SECONDS); // the two targets' requests alternate
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        client.listTags(repository);
      }
      return null;
    });
  }

  private RegistryClient client() {
    return RegistryClient.builder(base).build();
  }
}
