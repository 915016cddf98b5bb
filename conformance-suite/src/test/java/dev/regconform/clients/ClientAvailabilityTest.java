package dev.regconform.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ClientAvailabilityTest {

  @Test
  void clients_run_only_against_plain_http_loopback_registries() {
    assertThat(ClientAvailability.registryUnsuitable(URI.create("http://127.0.0.1:5000"))).isEmpty();
    assertThat(ClientAvailability.registryUnsuitable(URI.create("http://localhost:5000"))).isEmpty();
    assertThat(ClientAvailability.registryUnsuitable(URI.create("https://127.0.0.1:5000"))).get().asString()
        .contains("plain-HTTP registries on 127.0.0.1");
    assertThat(ClientAvailability.registryUnsuitable(URI.create("http://registry.example:5000"))).isPresent();
  }

  @Test
  void clients_name_the_registry_by_host_and_port() {
    assertThat(ClientAvailability.hostPort(URI.create("http://localhost:5000/"))).isEqualTo("127.0.0.1:5000");
    assertThat(ClientAvailability.hostPort(URI.create("http://127.0.0.2"))).isEqualTo("127.0.0.2:80");
  }
}
