package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regconform run}'s argument handling, with no registry: every case here ends before a check runs.
 * Each gives a target on a closed 127.0.0.1 port, so a case that wrongly got past its argument check would
 * still stop at the preflight (and not start the reference registries).
 */
class RunCommandTest {
  private static String closedTarget;

  @TempDir Path reportDir;

  @BeforeAll
  static void pickClosedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedTarget = "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  /** Runs the command line with the environment and standard input given, through RunCommand's seams. */
  private static CliRun run(Map<String, String> environment, String stdin, String... args) {
    return CliRun.execute(environment, stdin, args);
  }

  private String[] args(String... options) {
    String[] all = new String[options.length + 5];
    all[0] = "run";
    all[1] = "--target";
    all[2] = closedTarget;
    all[3] = "--report-dir";
    all[4] = reportDir.toString();
    System.arraycopy(options, 0, all, 5, options.length);
    return all;
  }

  @Nested
  class Credentials {
    @Test
    void password_stdin_with_empty_input_exits_2_saying_standard_input_was_empty() {
      CliRun run = run(Map.of(), "", args("--username", "octocat", "--password-stdin"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("regconform: --password-stdin: standard input was empty");
    }

    @Test
    void password_stdin_with_only_a_newline_counts_as_empty() {
      CliRun run = run(Map.of(), "\n", args("--username", "octocat", "--password-stdin"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--password-stdin: standard input was empty");
    }

    @Test
    void a_password_from_the_environment_without_a_user_exits_2_asking_for_username() {
      CliRun run = run(Map.of("OCI_PASSWORD", "s3cr3t-from-env"), "", args());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("a password was given but no user: add --username USER (or OCI_USERNAME)")
          .doesNotContain("s3cr3t-from-env");
    }

    @Test
    void a_password_on_stdin_without_a_user_exits_2_too() {
      CliRun run = run(Map.of(), "s3cr3t\n", args("--password-stdin"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("a password was given but no user").doesNotContain("s3cr3t");
    }

    @Test
    void a_user_without_a_password_exits_2_pointing_to_password_stdin() {
      CliRun run = run(Map.of("OCI_USERNAME", "octocat"), "", args());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--username given without a password: pipe it to --password-stdin");
    }

    @Test
    void valid_credentials_get_as_far_as_the_preflight_and_are_never_printed() {
      String token = "pat-" + java.util.UUID.randomUUID();
      CliRun run = run(Map.of("OCI_USERNAME", "octocat"), token + "\n", args("--password-stdin"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).startsWith("regconform: cannot reach " + closedTarget).doesNotContain("\n");
      assertThat(run.out() + run.err()).doesNotContain(token);
    }
  }

  /**
   * A registry stand-in on 127.0.0.1 that refuses every credential: GET /v2/ answers 401 with the challenge the
   * test sets, and the token endpoint ({@code /token}) answers 401 too. Every case ends at the preflight.
   */
  @Nested
  class Plain_http {
    @Test
    void credentials_to_a_non_loopback_http_target_exit_2_in_one_line_before_any_request() {
      CliRun run = run(Map.of("OCI_PASSWORD", "s3cr3t-plain"), "", "run", "--target", "http://192.0.2.1:5000",
          "--username", "octocat", "--report-dir", reportDir.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("regconform: refusing to send credentials over plain http to "
          + "http://192.0.2.1:5000, which is not a loopback address: use https, or --insecure if you accept that "
          + "anyone on the way may read them").doesNotContain("s3cr3t-plain");
      assertThat(run.out()).isEmpty();
    }

    @Test
    void with_insecure_the_run_goes_on_to_the_preflight() {
      CliRun run = run(Map.of("OCI_PASSWORD", "s3cr3t"), "", "run", "--target", "http://192.0.2.1:5000", "--username",
          "octocat", "--insecure", "--report-dir", reportDir.toString());

      assertThat(run.err()).doesNotContain("refusing");
    }

    @Test
    void loopback_names_and_addresses_are_recognised_without_resolving() {
      assertThat(java.util.stream.Stream.of("http://127.0.0.1:5000", "http://127.3.4.5", "http://localhost:5000",
          "http://registry.localhost", "http://[::1]:5000").map(java.net.URI::create))
          .allMatch(CommandInputs::isLoopback);
      assertThat(java.util.stream.Stream.of("http://192.0.2.1", "http://127.0.0.1.example.com", "http://10.0.0.1",
          "http://localhost.example.com").map(java.net.URI::create))
          .noneMatch(CommandInputs::isLoopback);
    }

    @Test
    void a_read_only_user_without_its_password_variable_exits_2_naming_it() {
      CliRun run = run(Map.of(), "", args("--read-only-username", "reader"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo(
          "regconform: --read-only-username given without its password: set REGCONFORM_READ_ONLY_PASSWORD");
    }

    @Test
    void a_signing_key_without_its_certificate_exits_2() {
      CliRun run = run(Map.of(), "", args("--token-signing-key", "/dev/null"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--token-signing-key and --token-certificate go together");
    }

    @Test
    void a_large_blob_size_that_is_not_a_size_exits_2_with_the_syntax() {
      CliRun run = run(Map.of(), "", args("--large-blob-size", "lots"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).startsWith("regconform: Invalid regconform.large-blob.size 'lots'")
          .contains("300MiB");
    }
  }

  @Nested
  class Rejected_credentials {
    private HttpServer server;
    private String base;
    private volatile String challenge;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
            + exchange.getRequestHeaders().getOrDefault("Authorization", List.of("-")).get(0));
        if (exchange.getRequestURI().getPath().equals("/v2/")) {
          exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
        }
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
      });
      server.start();
      base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
      server.stop(0);
    }

    private CliRun runWithPassword(String password) {
      return run(Map.of(), password + "\n",
          "run", "--target", base, "--report-dir", reportDir.toString(), "--username", "octocat", "--password-stdin");
    }

    @Test
    void basic_credentials_that_get_401_exit_2_in_one_line_naming_the_user_and_never_the_password() {
      challenge = "Basic realm=\"fake\"";

      CliRun run = runWithPassword("wr0ng-Passw0rd");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("regconform: the registry at " + base
          + " rejected the credentials for octocat (401 on GET /v2/)");
      String basic = Base64.getEncoder().encodeToString("octocat:wr0ng-Passw0rd".getBytes(UTF_8));
      assertThat(run.out() + run.err()).doesNotContain("wr0ng-Passw0rd").doesNotContain(basic);
      assertThat(requests).as("the challenge was answered once with the credentials")
          .containsExactly("GET /v2/ -", "GET /v2/ Basic " + basic);
    }

    @Test
    void a_token_request_that_gets_401_exits_2_in_one_line_naming_the_token_realm() {
      challenge = "Bearer realm=\"" + base + "/token\",service=\"fake\"";

      CliRun run = runWithPassword("wr0ng-T0ken");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("regconform: the registry at " + base
          + " rejected the credentials for octocat (401 on GET /v2/ after a token request to " + base + "/token)");
      assertThat(run.out() + run.err()).doesNotContain("wr0ng-T0ken");
      assertThat(requests).hasSize(2).element(1).asString().startsWith("GET /token Basic ");
    }
  }

  @Nested
  class Targets {
    @Test
    void a_target_that_is_not_an_http_url_exits_2_with_an_example() {
      CliRun run = run(Map.of(), "", "run", "--target", "ftp://127.0.0.1:21", "--report-dir", reportDir.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("regconform: invalid --target 'ftp://127.0.0.1:21'", "http://127.0.0.1:5000");
    }

    @Test
    void a_target_from_OCI_ROOT_URL_is_used_when_no_target_option_is_given() {
      CliRun run = run(Map.of("OCI_ROOT_URL", closedTarget), "", "run", "--report-dir", reportDir.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("regconform: cannot reach " + closedTarget);
    }

    @Test
    void parallel_0_exits_2_before_any_request() {
      CliRun run = run(Map.of(), "", args("--parallel", "0"));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("regconform: --parallel must be at least 1, was 0");
    }
  }

  @Nested
  class Through_execute {
    private CliRun execute(String... args) {
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
        int exitCode = RegconformCommand.execute(args);
        return new CliRun(exitCode, out.toString(UTF_8), err.toString(UTF_8));
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
    }

    @Test
    void run_help_exits_0_and_describes_the_options() {
      CliRun run = execute("run", "--help");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("--target", "--password-stdin", "--namespace", "--report-dir", "OCI_PASSWORD");
    }

    @Test
    void an_unknown_option_exits_2() {
      CliRun run = execute("run", "--no-such-option");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void no_command_exits_2_pointing_to_run_help() {
      CliRun run = execute();

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Missing command: try 'regconform run --help'");
    }
  }
}
