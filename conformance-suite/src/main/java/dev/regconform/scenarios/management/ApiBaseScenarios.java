package dev.regconform.scenarios.management;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.CheckId;
import dev.regconform.junit.Covers;
import dev.regconform.junit.Level;
import dev.regconform.junit.RegistryConformance;
import dev.regconform.junit.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v2/} (end-1), the request a client starts with to learn whether the registry implements the
 * spec: 200, or 401 with a challenge the client can answer (spec "Determining Support").
 */
@RegistryConformance
@Tag("errors")
@DisplayName("API version check")
public class ApiBaseScenarios {
  private static final String API_VERSION = "registry/2.0";

  private RegistryClient registry;

  @BeforeAll
  void connect(Scenario scenario) {
    registry = scenario.client();
  }

  @Test
  @CheckId("api.base.version-check")
  @Covers({"R70"})
  void GET_v2_answers_200_or_401_with_a_challenge() {
    // The client answers a challenge with the run's credentials: a 401 that remains is one the registry
    // sends to anonymous clients (no credentials given), which must say how to authenticate.
    RegistryResponse base = registry.checkVersion();
    assertThat(base).hasStatusIn("200: the registry implements the spec; 401: authenticate as WWW-Authenticate says", 200, 401);
    if (base.status() == 401) {
      assertThat(base).hasHeader(Headers.WWW_AUTHENTICATE);
    }
  }

  @Test
  @CheckId(value = "api.base.api-version-header", level = Level.SHOULD)
  @Covers({"R70"})
  void GET_v2_sends_Docker_Distribution_Api_Version_registry_2_0_when_it_sends_the_header() {
    RegistryResponse base = registry.checkVersion();
    assertThat(base).hasStatusIn("the version check itself is api.base.version-check", 200, 401);
    if (base.header(Headers.DOCKER_DISTRIBUTION_API_VERSION).isPresent()) {
      assertThat(base).hasHeader(Headers.DOCKER_DISTRIBUTION_API_VERSION, API_VERSION);
    }
  }
}
