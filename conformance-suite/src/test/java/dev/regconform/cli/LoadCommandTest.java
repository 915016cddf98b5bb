package dev.regconform.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.client.Credentials;
import dev.regconform.client.RegistryClient;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.load.Mix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code regconform load}: its options and refusals, and a short run against a native Distribution with a password. */
class LoadCommandTest {
  private final Map<String, String> environment = new HashMap<>();

  private CliRun run(String... args) {
    return CliRun.execute(environment, "", args);
  }

  /** The settings the arguments give, checked; nothing is sent anywhere. */
  private LoadCommand.Settings settings(String... args) throws IOException {
    CommandLine cli = new CommandLine(new RegconformCommand());
    LoadCommand command = cli.getSubcommands().get("load").getCommand();
    command.access.environment = environment::get;
    command.access.stdin = new ByteArrayInputStream(new byte[0]);
    String[] full = new String[args.length + 1];
    full[0] = "load";
    System.arraycopy(args, 0, full, 1, args.length);
    cli.parseArgs(full);
    return command.settings();
  }

  @Nested
  class Options {
    @Test
    void default_to_4_workers_for_30s_the_default_mix_1_MiB_blobs_and_4_fresh_repositories() throws IOException {
      LoadCommand.Settings s = settings("--target", "http://127.0.0.1:5000");

      assertThat(s.concurrency()).isEqualTo(4);
      assertThat(s.duration()).isEqualTo(Duration.ofSeconds(30));
      assertThat(s.operations()).isEmpty();
      assertThat(s.mix()).isEqualTo(Mix.DEFAULT);
      assertThat(s.blobSize()).isEqualTo(1 << 20);
      assertThat(s.credentials()).isNull();
      assertThat(s.base()).matches("regconform/load-\\d{8}-\\d{6}-[0-9a-f]{4}");
      assertThat(s.repositories()).containsExactly(s.base() + "/r0", s.base() + "/r1", s.base() + "/r2",
          s.base() + "/r3");
      assertThat(s.reportDir()).contains(Path.of("regconform-report"));
    }

    @Test
    void take_what_is_given_with_one_repository_per_worker_up_to_4() throws IOException {
      LoadCommand.Settings s = settings("--target", "http://localhost:5000", "--concurrency", "2", "--duration", "500ms",
          "--operations", "100", "--mix", "pull=1", "--blob-size", "4KiB", "--namespace", "ci/team",
          "--report-dir", "out");

      assertThat(s.concurrency()).isEqualTo(2);
      assertThat(s.duration()).isEqualTo(Duration.ofMillis(500));
      assertThat(s.operations()).hasValue(100);
      assertThat(s.mix()).hasToString("pull=1");
      assertThat(s.blobSize()).isEqualTo(4096);
      assertThat(s.repositories()).hasSize(2).allMatch(r -> r.startsWith("ci/team/load-"));
      assertThat(s.reportDir()).contains(Path.of("out"));
    }

    @Test
    void fall_back_on_the_OCI_variables_and_write_no_files_with_report_dir_none() throws IOException {
      environment.putAll(Map.of("OCI_ROOT_URL", "http://127.0.0.1:6000", "OCI_NAMESPACE", "ci",
          "OCI_USERNAME", "octocat", "OCI_PASSWORD", "s3cr3t", "OCI_REPORT_DIR", "none"));

      LoadCommand.Settings s = settings();

      assertThat(s.target()).hasToString("http://127.0.0.1:6000");
      assertThat(s.base()).startsWith("ci/load-");
      assertThat(s.credentials()).isEqualTo(new Credentials("octocat", "s3cr3t"));
      assertThat(s.reportDir()).isEmpty();
    }
  }

  @Nested
  class Refusals {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--mix push=1,fetch=2|regconform: invalid --mix 'push=1,fetch=2': unknown operation 'fetch'",
        "--mix push|regconform: invalid --mix 'push' at 'push'",
        "--duration 30|regconform: invalid duration '30': expected a whole number with ms, s, m or h",
        "--duration 2d|regconform: invalid duration '2d'",
        "--concurrency 0|regconform: --concurrency must be 1 to 256, was 0",
        "--concurrency 257|regconform: --concurrency must be 1 to 256, was 257",
        "--operations 0|regconform: --operations must be at least 1, was 0",
        "--blob-size 0|regconform: invalid size '0'"})
    void a_bad_option_with_one_line_and_exit_status_2(String option, String line) {
      String[] parts = option.split(" ");

      CliRun run = run("load", "--target", "http://127.0.0.1:1", parts[0], parts[1]);

      assertThat(run.exitCode()).as("exit status; %s", run).isEqualTo(2);
      assertThat(run.err().strip()).as("one line on stderr").startsWith(line).doesNotContain("\n").doesNotContain("at dev.");
      assertThat(run.out()).isEmpty();
    }

    @Test
    void a_target_that_is_not_loopback_without_allow_remote() {
      CliRun run = run("load", "--target", "https://registry.example.com");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("regconform: refusing to load https://registry.example.com, which is not a "
          + "loopback address").contains("add --allow-remote");
    }

    @Test
    void a_registry_that_does_not_take_the_seed_images_with_exit_status_2_and_no_run(@TempDir Path dir) {
      try (StandInRegistry registry = StandInRegistry.start(Map.of())) {
        CliRun run = run("load", "--target", registry.base(), "--duration", "1s",
            "--report-dir", dir.toString());

        assertThat(run.exitCode()).as("exit status; %s", run).isEqualTo(2);
        assertThat(run.err()).contains("could not push the seed images to regconform/load-")
            .contains("answered 404").endsWith("; no load run\n");
        assertThat(dir).isEmptyDirectory();
      }
    }
  }

  @Nested
  class AgainstDistribution {
    @Test
    void runs_the_mix_with_the_credentials_stops_at_the_operation_count_reports_and_deletes_what_it_pushed(
        @TempDir Path dir) throws Exception {
      Optional<Path> binary = DistributionProcess.findBinary();
      Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
      String password = "pw-" + Long.toHexString(System.nanoTime());
      try (DistributionProcess registry = DistributionProcess.builder(binary.get()).htpasswd("loader", password)
          .start()) {
        environment.putAll(Map.of("OCI_USERNAME", "loader", "OCI_PASSWORD", password));

        CliRun run = run("load", "--target", registry.baseUri().toString(), "--concurrency",
            "3", "--duration", "2m", "--operations", "60", "--blob-size", "4KiB", "--report-dir", dir.toString());

        assertThat(run.exitCode()).as("exit status; %s", run).isZero();
        assertThat(run.out()).containsPattern("(?m)^push +\\d+ +0 ").containsPattern("(?m)^pull +\\d+ +0 ")
            .containsPattern("(?m)^head +\\d+ +0 ").containsPattern("(?m)^tags +\\d+ +0 ")
            .containsPattern("(?m)^all +60 +0 ").contains("stopped by the operation count")
            .containsPattern("cleanup: deleted \\d+ manifests and \\d+ blobs in \\d+\\.\\d s\n")
            .contains("Reports: " + dir.resolve("load.json") + ", " + dir.resolve("load.svg"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("load.json").toFile());
        assertThat(json.get("total").get("ok").asLong()).isEqualTo(60);
        assertThat(json.get("stoppedBy").asText()).isEqualTo("operations");
        long pushes = json.get("operations").get("push").get("ok").asLong();
        assertThat(json.get("cleanup").get("complete").asBoolean()).isTrue();
        assertThat(json.get("cleanup").get("manifestsDeleted").asLong()).as("pushes + 2 seeds in each of 3 repositories")
            .isEqualTo(pushes + 6);
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("load.svg").toFile())
            .getDocumentElement().getTagName()).isEqualTo("svg");
        RegistryClient client = RegistryClient.builder(registry.baseUri())
            .credentials(new Credentials("loader", password)).build();
        for (JsonNode repository : json.get("repositories")) {
          Optional<List<String>> tags = RegistryClient.tagsOf(client.listTags(repository.asText()));
          assertThat(tags.orElse(List.of())).as("tags left in %s", repository).isEmpty();
        }
        for (String text : List.of(run.out(), run.err(), Files.readString(dir.resolve("load.json"), UTF_8),
            Files.readString(dir.resolve("load.svg"), UTF_8))) {
          assertThat(text).doesNotContain(password);
        }
      }
    }
  }
}
