package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.regconform.client.Credentials;
import dev.regconform.target.RegistryTarget;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings the runner hands to the scenarios as configuration parameters. */
class RegistryTargetTest {
  private static final String PASSWORD = "pat-" + java.util.UUID.randomUUID();
  private static final Credentials CREDENTIALS = new Credentials("octocat", PASSWORD);
  private static final RegistryTarget GHCR = new RegistryTarget(URI.create("https://ghcr.io"), CREDENTIALS,
      "octocat/run-20261126-160000-ab12", false, "GitHub Container Registry");

  @Test
  void toString_of_settings_and_credentials_never_contains_the_password() {
    assertThat(GHCR.toString())
        .contains("https://ghcr.io", "octocat/run-20261126-160000-ab12", "octocat")
        .doesNotContain(PASSWORD);
    assertThat(CREDENTIALS.toString()).contains("octocat").doesNotContain(PASSWORD);
  }

  @Test
  void without_a_url_reading_the_parameters_fails_naming_the_parameter_and_the_command_to_run() {
    assertThatIllegalStateException()
        .isThrownBy(() -> RegistryTarget.fromConfigurationParameters(name -> Optional.empty()))
        .withMessageContaining("regconform.target.url")
        .withMessageContaining("./regconform run --target");
  }

  @Test
  void the_configuration_parameters_carry_every_setting_to_the_scenarios() {
    Map<String, String> params = GHCR.toConfigurationParameters();

    RegistryTarget read = RegistryTarget.fromConfigurationParameters(name -> Optional.ofNullable(params.get(name)));

    assertThat(read).isEqualTo(GHCR);
  }

  @Test
  void defaults_apply_when_only_the_url_is_given() {
    RegistryTarget read = RegistryTarget.fromConfigurationParameters(
        name -> name.equals(RegistryTarget.URL) ? Optional.of("http://127.0.0.1:5000") : Optional.empty());

    assertThat(read.url()).isEqualTo(URI.create("http://127.0.0.1:5000"));
    assertThat(read.namespace()).isEqualTo("regconform");
    assertThat(read.credentials()).isNull();
    assertThat(read.insecure()).isFalse();
    assertThat(read.description()).isEqualTo("http://127.0.0.1:5000");
  }
}
