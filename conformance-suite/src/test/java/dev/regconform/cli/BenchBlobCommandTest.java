package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.bench.BlobStore;
import dev.regconform.client.Credentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code regconform bench blob}: its options, and its output against a registry stand-in holding small blobs. */
class BenchBlobCommandTest {
  private final Map<String, String> environment = new HashMap<>();
  private String stdin = "";

  private CommandLine cli() {
    CommandLine cli = new CommandLine(new RegconformCommand());
    BenchBlobCommand command = cli.getSubcommands().get("bench").getSubcommands().get("blob").getCommand();
    command.access.environment = environment::get;
    command.access.stdin = new ByteArrayInputStream(stdin.getBytes(UTF_8));
    return cli;
  }

  private CliRun run(String... args) {
    return CliRun.execute(environment, stdin, args);
  }

  /** The settings the arguments give, checked; nothing is sent anywhere. */
  private BenchBlobCommand.Settings settings(String... args) throws IOException {
    CommandLine cli = cli();
    String[] full = new String[args.length + 2];
    full[0] = "bench";
    full[1] = "blob";
    System.arraycopy(args, 0, full, 2, args.length);
    cli.parseArgs(full);
    BenchBlobCommand command = cli.getSubcommands().get("bench").getSubcommands().get("blob").getCommand();
    return command.settings();
  }

  @Nested
  class Options {
    @Test
    void default_to_a_GiB_once_into_a_fresh_repository_under_regconform_without_credentials() throws IOException {
      BenchBlobCommand.Settings settings = settings("--target", "http://127.0.0.1:5000/");

      assertThat(settings.target()).hasToString("http://127.0.0.1:5000");
      assertThat(settings.size()).isEqualTo(1L << 30);
      assertThat(settings.repeat()).isEqualTo(1);
      assertThat(settings.credentials()).isNull();
      assertThat(settings.repository()).matches("regconform/bench-\\d{8}-\\d{6}-[0-9a-f]{4}");
    }

    @Test
    void take_the_size_in_bytes_or_binary_units_and_the_namespace_and_repeat_given() throws IOException {
      assertThat(settings("--target", "http://localhost:5000", "--size", "32MiB").size()).isEqualTo(32L << 20);
      assertThat(settings("--target", "http://localhost:5000", "--size", "1000").size()).isEqualTo(1000);
      assertThat(settings("--target", "http://localhost:5000", "--repeat", "3").repeat()).isEqualTo(3);
      assertThat(settings("--target", "http://localhost:5000", "--namespace", "my-org/team").repository())
          .startsWith("my-org/team/bench-");
    }

    @Test
    void fall_back_on_OCI_ROOT_URL_OCI_NAMESPACE_OCI_USERNAME_and_OCI_PASSWORD() throws IOException {
      environment.putAll(Map.of("OCI_ROOT_URL", "http://127.0.0.1:6000", "OCI_NAMESPACE", "ci",
          "OCI_USERNAME", "octocat", "OCI_PASSWORD", "s3cr3t"));

      BenchBlobCommand.Settings settings = settings();

      assertThat(settings.target()).hasToString("http://127.0.0.1:6000");
      assertThat(settings.repository()).startsWith("ci/bench-");
      assertThat(settings.credentials()).isEqualTo(new Credentials("octocat", "s3cr3t"));
    }

    @Test
    void read_the_password_from_standard_input_with_password_stdin() throws IOException {
      stdin = "t0ken\n";

      assertThat(settings("--target", "http://127.0.0.1:5000", "--username", "octocat", "--password-stdin")
          .credentials()).isEqualTo(new Credentials("octocat", "t0ken"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://localhost:5000", "http://127.0.0.1:5000", "http://127.8.9.10", "http://[::1]:5000",
        "https://registry.localhost"})
    void accept_loopback_targets_without_allow_remote(String target) throws IOException {
      assertThat(settings("--target", target).target()).hasToString(target);
    }

    @Test
    void accept_a_target_that_is_not_loopback_with_allow_remote() throws IOException {
      assertThat(settings("--target", "https://registry.example.com", "--allow-remote").target())
          .hasToString("https://registry.example.com");
    }

    @Test
    void refuse_credentials_over_plain_http_to_a_remote_target_even_with_allow_remote_unless_insecure() {
      environment.putAll(Map.of("OCI_USERNAME", "octocat", "OCI_PASSWORD", "s3cr3t"));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> settings("--target", "http://registry.example.com", "--allow-remote"))
          .withMessageContaining("refusing to send credentials over plain http");
    }
  }

  @Nested
  class Refusals {
    @Test
    void a_target_that_is_not_loopback_is_refused_with_exit_2_before_anything_is_sent() {
      CliRun run = run("bench", "blob", "--target", "http://registry.example.com:5000", "--size", "2GiB");

      assertThat(run.exitCode()).as("exit status; stderr: %s", run.err()).isEqualTo(2);
      assertThat(run.err()).contains("refusing to benchmark http://registry.example.com:5000, which is not a loopback "
          + "address").contains("2 GiB").contains("--allow-remote");
      assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "--size {0}")
    @ValueSource(strings = {"1.5GiB", "0", "1GB", "lots"})
    void an_invalid_size_exits_2_naming_it(String size) {
      CliRun run = run("bench", "blob", "--target", "http://127.0.0.1:5000", "--size", size);

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("regconform: invalid size '" + size + "'");
    }

    @Test
    void a_repeat_below_1_no_target_a_bad_url_or_a_user_without_password_exit_2() {
      assertThat(run("bench", "blob", "--target", "http://127.0.0.1:5000", "--repeat", "0").err())
          .contains("--repeat must be at least 1, was 0");
      assertThat(run("bench", "blob").err()).contains("give --target URL (or set OCI_ROOT_URL)");
      assertThat(run("bench", "blob", "--target", "ftp://127.0.0.1").err()).contains("invalid --target 'ftp://127.0.0.1'");
      assertThat(run("bench", "blob", "--target", "http://127.0.0.1:5000", "--username", "octocat").err())
          .contains("--username given without a password");
      assertThat(run("bench", "blob", "--target", "http://127.0.0.1:5000", "--repeat", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void a_registry_that_does_not_answer_exits_2() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }

      CliRun run = run("bench", "blob", "--target", "http://127.0.0.1:" + port, "--size", "1KiB");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("GET http://127.0.0.1:" + port + "/v2/ failed");
    }

    @Test
    void bench_without_a_benchmark_says_which_there_are() {
      CliRun run = run("bench");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("regconform bench blob --help");
    }
  }

  @Nested
  class Output {
    private final BlobStore store = BlobStore.start();

    @AfterEach
    void stop() {
      store.close();
    }

    @Test
    void json_is_one_object_on_stdout_with_size_digest_target_date_and_seconds_and_MiB_per_second() throws IOException {
      CliRun run = run("bench", "blob", "--target", store.baseUri().toString(), "--size", "256KiB", "--repeat", "2",
          "--json");

      assertThat(run.exitCode()).as("exit status; stderr: %s", run.err()).isZero();
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.get("target").asText()).isEqualTo(store.baseUri().toString());
      assertThat(json.get("size").asLong()).isEqualTo(256 * 1024);
      // The timed rounds push the same bytes (the untimed warm-up pushes others): the digest is theirs, uploaded twice.
      String digest = json.get("digest").asText();
      assertThat(digest).matches("sha256:[0-9a-f]{64}");
      assertThat(store.uploadDigests().values()).as("digests of the uploads").filteredOn(digest::equals).hasSize(2);
      assertThat(json.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(json.get("repository").asText()).startsWith("regconform/bench-");
      assertThat(json.get("upload").asText()).contains("PATCH");
      assertThat(json.get("repeat").asInt()).isEqualTo(2);
      for (String direction : new String[] {"push", "pull"}) {
        assertThat(json.get(direction).get("seconds").asDouble()).as(direction + ".seconds").isPositive();
        assertThat(json.get(direction).get("mibPerSecond").asDouble()).as(direction + ".mibPerSecond").isPositive();
      }
      assertThat(json.get("runs")).hasSize(2);
      assertThat(json.get("deleted").asBoolean()).isTrue();
      assertThat(json.get("maxHeapMiB").asLong()).isPositive();
    }

    @Test
    void text_ends_with_push_and_pull_in_MiB_per_second_and_the_blob_is_deleted() {
      CliRun run = run("bench", "blob", "--target", store.baseUri().toString(), "--size", "64KiB");

      assertThat(run.exitCode()).as("exit status; stderr: %s", run.err()).isZero();
      String[] lines = run.out().split("\\R");
      assertThat(lines[0]).startsWith("bench blob: 64 KiB to " + store.baseUri() + "/v2/regconform/bench-");
      assertThat(lines).contains("deleted: yes");
      assertThat(lines[lines.length - 2]).matches("push: \\d+\\.\\d MiB/s \\(\\d+\\.\\d{3} s\\)");
      assertThat(lines[lines.length - 1]).matches("pull: \\d+\\.\\d MiB/s \\(\\d+\\.\\d{3} s\\)");
    }

    @Test
    void a_registry_that_serves_other_bytes_than_were_pushed_exits_1_with_both_digests() {
      store.corruptPulls();

      CliRun run = run("bench", "blob", "--target", store.baseUri().toString(), "--size", "64KiB");

      assertThat(run.exitCode()).as("exit status; stdout: %s", run.out()).isEqualTo(1);
      assertThat(run.err()).contains("regconform: bench blob failed: Pulled the blob back, but its bytes are not the "
          + "ones pushed");
    }
  }
}
