package dev.regconform.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHomeTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @Test
  void a_client_gets_a_private_home_docker_config_and_auth_file_inside_the_temp_directory() {
    try (ClientHome home = ClientHome.create()) {
      // GIVEN a variable of the caller that is no business of the client WHEN it prints its environment
      ClientRun run = home.run(LIMIT, "sh", "-c", "echo $HOME; echo $DOCKER_CONFIG; echo $REGISTRY_AUTH_FILE; "
          + "echo $CONTAINERS_REGISTRIES_CONF; echo ${JAVA_HOME:-none}");
      // THEN every configuration location is inside the home, and nothing else of the caller's environment leaks
      assertThat(run.succeeded()).as(run.describe()).isTrue();
      assertThat(run.output().lines().toList()).containsExactly(home.dir().toString(),
          home.dockerConfig().toString(), home.authFile().toString(),
          home.dir().resolve("config/containers/registries.conf").toString(), "none");
      assertThat(home.policy()).content().contains("insecureAcceptAnything");
    }
  }

  @Test
  void secrets_are_masked_in_the_command_line_and_the_output() {
    try (ClientHome home = ClientHome.create()) {
      home.secret("s3cr3t-pass");
      ClientRun run = home.run(LIMIT, null, List.of("sh", "-c", "echo login s3cr3t-pass; echo Basic dXNlcjpwYXNz"));
      assertThat(run.describe()).doesNotContain("s3cr3t-pass").doesNotContain("dXNlcjpwYXNz").contains("login ***");
    }
  }

  @Test
  void standard_input_reaches_the_client() {
    try (ClientHome home = ClientHome.create()) {
      ClientRun run = home.run(LIMIT, "from stdin\n", List.of("cat"));
      assertThat(run.output()).isEqualTo("from stdin\n");
    }
  }

  @Test
  void a_client_past_its_time_limit_is_stopped_and_reported_as_timed_out() {
    try (ClientHome home = ClientHome.create()) {
      ClientRun run = home.run(Duration.ofMillis(300), "sleep", "30");
      assertThat(run.timedOut()).isTrue();
      assertThat(run.succeeded()).isFalse();
      assertThat(run.took()).isLessThan(Duration.ofSeconds(15));
      assertThat(run.describe()).contains("$ sleep 30", "timed out after");
    }
  }

  @Test
  void a_missing_program_is_a_failed_run_not_an_exception() {
    try (ClientHome home = ClientHome.create()) {
      ClientRun run = home.run(LIMIT, "regconform-no-such-client", "version");
      assertThat(run.exitCode()).isEqualTo(-1);
      assertThat(run.output()).startsWith("cannot start:");
    }
  }

  @Test
  void a_failing_client_shows_its_exit_code_and_output() {
    try (ClientHome home = ClientHome.create()) {
      ClientRun run = home.run(LIMIT, "sh", "-c", "echo unauthorized: authentication required >&2; exit 3");
      assertThat(run.describe()).contains("-> exit 3", "unauthorized: authentication required");
    }
  }

  @Test
  void close_removes_the_home() {
    ClientHome home = ClientHome.create();
    Path dir = home.dir();
    home.newDirectory("x-");
    home.close();
    assertThat(Files.exists(dir)).isFalse();
  }
}
