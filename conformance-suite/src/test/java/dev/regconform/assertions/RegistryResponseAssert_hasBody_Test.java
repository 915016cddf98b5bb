package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_hasBody_Test {
  private static final byte[] SENT = "{\"schemaVersion\":2}".getBytes(UTF_8);

  @Test
  void should_pass_when_the_body_is_byte_for_byte_what_was_sent() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).body(SENT.clone()).response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasBody(SENT)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_size_and_digest_of_what_was_sent_and_what_came_back() {
    // GIVEN
    byte[] reformatted = "{\"schemaVersion\": 2}".getBytes(UTF_8);
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).body(reformatted).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(response).hasBody(SENT));
    // THEN
    then(error).hasMessageContainingAll("<GET " + Exchange.MANIFEST_URL + ">",
        "to be exactly the " + SENT.length + " bytes sent, digest:", "<" + Digest.sha256(SENT) + ">",
        "but it was " + reformatted.length + " bytes, digest:", "<" + Digest.sha256(reformatted) + ">");
  }
}
