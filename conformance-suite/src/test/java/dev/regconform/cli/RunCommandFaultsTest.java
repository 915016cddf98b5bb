package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform run} against targets that misbehave below HTTP, each a small server of this test on 127.0.0.1: the
 * run never hangs (every case well under a minute), ends with the exit status the README gives, and says what happened
 * in words (one line where the pre-flight refuses the target), with no stack trace on the console.
 */
class RunCommandFaultsTest {
  /** Generous: not a benchmark, only proof that nothing waits forever. */
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.execute(Map.of(), args);
  }

  /** Runs and asserts the wall-time bound and that no stack trace reached the console. */
  private static CliRun timed(String... args) {
    long start = System.nanoTime();
    CliRun run = run(args);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("wall time of regconform %s%n%s", String.join(" ", args), run).isLessThan(BOUND);
    assertThat(run.out() + run.err()).as("console of regconform %s", String.join(" ", args))
        .doesNotContain("\tat ", "Exception in thread", "internal error");
    return run;
  }

  private static void assertOneLineRefusal(CliRun run, String... mentions) {
    assertThat(run.exitCode()).as("exit status%n%s", run).isEqualTo(2);
    assertThat(run.err().strip().lines()).as("standard error%n%s", run).hasSize(1);
    assertThat(run.err()).as("standard error").startsWith("regconform: cannot reach ").contains(mentions);
    assertThat(run.out()).as("standard output: no check ran").isEmpty();
  }

  @Test
  void a_request_timeout_that_is_not_a_duration_exits_2_in_one_line_with_the_syntax() {
    for (String command : List.of("run", "bench blob", "load")) {
      List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
      args.addAll(List.of("--target", "http://127.0.0.1:9", "--request-timeout", "10"));
      CliRun run = timed(args.toArray(String[]::new));

      assertThat(run.exitCode()).as("exit status of %s%n%s", command, run).isEqualTo(2);
      assertThat(run.err().strip()).as("standard error of %s", command).isEqualTo("regconform: invalid "
          + "--request-timeout '10': expected a number with ms, s or m, e.g. 500ms, 10s or 2m");
    }
  }

  @Test
  void a_closed_port_is_refused_in_one_line_saying_connection_refused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    CliRun run = timed("run", "--target", "http://127.0.0.1:" + port, "--report-dir", "none");

    assertOneLineRefusal(run, "Connection refused");
  }

  @Test
  void a_server_that_accepts_and_never_answers_is_refused_in_one_line_saying_nothing_came() throws IOException {
    try (RawServer server = RawServer.start(RawServer.SILENT)) {
      CliRun run = timed("run", "--target", server.base(), "--report-dir", "none");

      assertOneLineRefusal(run, "GET " + server.base() + "/v2/", "no complete answer within 4s");
    }
  }

  @Test
  void a_server_that_does_not_speak_http_is_refused_in_one_line() throws IOException {
    try (RawServer server = RawServer.start(RawServer.GARBAGE)) {
      CliRun run = timed("run", "--target", server.base(), "--report-dir", "none");

      assertOneLineRefusal(run, "GET " + server.base() + "/v2/ failed: ");
    }
  }

  @Test
  void https_to_a_plain_http_server_is_refused_in_one_line_naming_the_tls_failure() {
    try (StandInRegistry plain = StandInRegistry.start(Map.of())) {
      String https = plain.base().replace("http://", "https://");
      CliRun run = timed("run", "--target", https, "--report-dir", "none");

      assertOneLineRefusal(run, "GET " + https + "/v2/ failed: SSLException");
    }
  }

  @Test
  void a_self_signed_certificate_is_refused_in_one_line_and_accepted_with_insecure() throws Exception {
    HttpsServer server = selfSignedRegistryBase();
    try {
      String url = "https://127.0.0.1:" + server.getAddress().getPort();
      CliRun refused = timed("run", "--target", url, "--report-dir", "none");
      assertOneLineRefusal(refused, "unable to find valid certification path");

      CliRun accepted = timed("run", "--target", url, "--insecure", "--check", "api.base.version-check",
          "--report-dir", "none");
      assertThat(accepted.exitCode()).as("exit status with --insecure%n%s", accepted).isZero();
      assertThat(accepted.out()).contains("PASS  api.base.version-check");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void checks_against_a_registry_that_stops_answering_after_get_v2_end_broken_each_saying_the_request_timed_out()
      throws IOException {
    try (RawServer server = RawServer.start(RawServer.registryBaseThen(RawServer.SILENT))) {
      CliRun run = timed("run", "--target", server.base(), "--request-timeout", "1s", "--check", "errors.unknown-*",
          "--report-dir", "none");

      assertThat(run.exitCode()).as("exit status (broken, none failed)%n%s", run).isEqualTo(2);
      assertThat(checkLines(run)).as("check lines%n%s", run).isNotEmpty().allMatch(l -> l.startsWith("BRKN  "));
      assertThat(messages(run)).as("messages%n%s", run).allMatch(m -> m.contains("No answer from the registry: ")
          && m.contains("failed: no complete answer within 1s, so the request was aborted"));
    }
  }

  @Test
  void checks_against_answers_that_are_not_http_end_broken_saying_so() throws IOException {
    try (RawServer server = RawServer.start(RawServer.registryBaseThen(RawServer.GARBAGE))) {
      CliRun run = timed("run", "--target", server.base(), "--check", "errors.unknown-*", "--report-dir", "none");

      assertThat(run.exitCode()).as("exit status (broken, none failed)%n%s", run).isEqualTo(2);
      assertThat(checkLines(run)).as("check lines%n%s", run).isNotEmpty().allMatch(l -> l.startsWith("BRKN  "));
      assertThat(messages(run)).as("messages%n%s", run).allMatch(m -> m.contains("No answer from the registry: ")
          && m.contains("failed: ProtocolException: The server failed to respond with a valid HTTP response"));
    }
  }

  @Test
  void a_connection_reset_in_the_middle_of_a_body_fails_the_check_saying_the_body_broke_off() throws IOException {
    try (RawServer server = RawServer.start(RawServer.registryBaseThen(RawServer.RESET_MID_BODY))) {
      CliRun run = timed("run", "--target", server.base(), "--check", "errors.unknown-*", "--report-dir", "none");

      // An answer that breaks off is the registry's answer: a failure of the registry, not of the toolkit.
      assertThat(run.exitCode()).as("exit status%n%s", run).isEqualTo(1);
      assertThat(checkLines(run)).as("check lines%n%s", run).isNotEmpty().allMatch(l -> l.startsWith("FAIL  "));
      assertThat(run.out()).contains("Content-Length 100000 the connection closed before the whole body arrived");
    }
  }

  @Test
  void a_registry_that_dies_mid_run_ends_the_remaining_checks_broken_at_once_with_one_message() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int afterRequests = 4; // the pre-flight, then 3 of the run: most classes have not started (they fail fast here)
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (requests.incrementAndGet() == afterRequests) {
        new Thread(() -> server.stop(0)).start(); // from now on: connection refused
      }
      boolean base = exchange.getRequestURI().getPath().equals("/v2/");
      byte[] body = (base ? "{}" : "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"x\"}]}").getBytes(UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(base ? 200 : 404, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
      if (!exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    try {
      CliRun run = timed("run", "--target", "http://127.0.0.1:" + server.getAddress().getPort(), "--threads", "1",
          "--check", "errors.*,pull.*,push.blob.*", "--report-dir", "none");

      List<String> stopped = messages(run).stream().filter(m -> m.contains("The registry stopped answering: "))
          .map(m -> m.substring(m.indexOf("The registry stopped answering: "))).toList();
      assertThat(stopped).as("checks that end saying the registry stopped%n%s", run).hasSizeGreaterThan(10)
          .allMatch(m -> m.contains("Connection refused") && m.matches(".*, after \\d+ requests .*"));
      assertThat(stopped.stream().distinct()).as("one message for all of them").hasSize(1);
      assertThat(run.exitCode()).as("exit status%n%s", run).isEqualTo(1); // the stand-in fails checks before it dies
      assertThat(run.err()).as("cleanup warnings: said once%n%s", run.err())
          .satisfies(e -> assertThat(e.split("stopped answering", -1)).hasSizeLessThanOrEqualTo(2));
    } finally {
      server.stop(0);
    }
  }

  /** The line of each check: {@code PASS  id  name (n ms)}. */
  private static List<String> checkLines(CliRun run) {
    return run.out().lines().filter(l -> l.matches("(PASS|WARN|FAIL|BRKN|SKIP)  .*")).toList();
  }

  /** The first line of each check's message (indented under its check line). */
  private static List<String> messages(CliRun run) {
    List<String> lines = run.out().lines().toList();
    List<String> messages = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).matches("(WARN|FAIL|BRKN|SKIP)  .*") && lines.get(i + 1).startsWith("      ")) {
        messages.add(lines.get(i + 1).strip());
      }
    }
    return messages;
  }

  /** An HTTPS server with a certificate of its own (keytool), answering GET /v2/ 200 as Distribution does. */
  private HttpsServer selfSignedRegistryBase() throws Exception {
    Path keystore = tmp.resolve("self-signed.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished: %s", output).isTrue();
    assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      boolean base = exchange.getRequestURI().getPath().equals("/v2/");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Docker-Distribution-Api-Version", "registry/2.0");
      byte[] body = base ? "{}".getBytes(UTF_8) : "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}".getBytes(UTF_8);
      exchange.sendResponseHeaders(base ? 200 : 404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }
}
