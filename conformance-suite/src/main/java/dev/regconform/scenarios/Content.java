package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import java.security.SecureRandom;

/** Small pieces the scenario packages share: fresh content and the Location of an answer. */
public final class Content {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Content() {}

  /** {@code size} random bytes, never pushed before: each check works on content of its own. */
  public static byte[] newContent(int size) {
    byte[] bytes = new byte[size];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The {@code Location} of a response, after asserting it is there (so a missing one fails naming the header). */
  public static String location(RegistryResponse response) {
    assertThat(response).hasLocationHeader();
    return response.header(Headers.LOCATION).orElseThrow();
  }
}
