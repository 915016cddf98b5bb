package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RegistryResponseAssert_hasContentDigest_Test {
  private static final Digest PUSHED = Digest.sha256("pushed".getBytes(UTF_8));
  private static final Digest OTHER = Digest.sha256("other".getBytes(UTF_8));

  @Test
  void should_pass_when_the_header_is_the_expected_digest() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).header("Docker-Content-Digest", PUSHED.toString())
        .response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasContentDigest(PUSHED)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_the_expected_and_the_actual_digest() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).header("Docker-Content-Digest", OTHER.toString())
        .response();
    // WHEN
    AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(response).hasContentDigest(PUSHED));
    // THEN
    then(error).hasMessageContainingAll("<GET " + Exchange.MANIFEST_URL + ">", "to have header Docker-Content-Digest:",
        "<" + PUSHED + ">", "but was:", "<" + OTHER + ">");
  }

  @Test
  void should_fail_when_the_header_is_missing() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasContentDigest(PUSHED));
    // THEN
    then(error).hasMessageContaining("to have a Docker-Content-Digest header, but it has none.");
  }
}
