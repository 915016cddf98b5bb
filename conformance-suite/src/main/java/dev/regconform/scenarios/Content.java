package dev.regconform.scenarios;

import static dev.regconform.assertions.RegistryAssertions.assertThat;

import dev.regconform.client.Headers;
import dev.regconform.client.RegistryResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/** Small pieces the scenario packages share: fresh or tampered content and the Location of an answer. */
public final class Content {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Content() {}

  /** {@code size} random bytes, never pushed before: each check works on content of its own. */
  public static byte[] newContent(int size) {
    byte[] bytes = new byte[size];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * {@code original} with {@code "oh no"} appended, as the official suite tampers with a blob: pushed under the digest
   * of {@code original}, it must be refused.
   */
  public static byte[] tampered(byte[] original) {
    byte[] body = Arrays.copyOf(original, original.length + 5);
    System.arraycopy("oh no".getBytes(StandardCharsets.US_ASCII), 0, body, original.length, 5);
    return body;
  }

  /** The {@code Location} of a response, after asserting it is there (so a missing one fails naming the header). */
  public static String location(RegistryResponse response) {
    assertThat(response).hasLocationHeader();
    return response.header(Headers.LOCATION).orElseThrow();
  }
}
