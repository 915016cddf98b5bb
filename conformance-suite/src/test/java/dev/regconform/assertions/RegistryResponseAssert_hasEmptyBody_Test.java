package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_hasEmptyBody_Test {
  @Test
  void should_pass_when_there_is_no_body() {
    // GIVEN
    RegistryResponse response = Exchange.head(Exchange.BLOB_URL).status(404).response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasEmptyBody()).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_how_many_bytes_there_were() {
    // GIVEN
    RegistryResponse response = Exchange.head(Exchange.BLOB_URL).status(404).body("oops!").response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(response).hasEmptyBody());
    // THEN
    then(error).hasMessageContainingAll("<HEAD " + Exchange.BLOB_URL + ">", "to have no body, but it has 5 bytes.",
        "oops!");
  }
}
