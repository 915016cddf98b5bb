package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_hasContentLength_Test {
  @Test
  void should_pass_when_the_content_length_is_the_expected_size() {
    // GIVEN
    RegistryResponse response = Exchange.head(Exchange.BLOB_URL).header("Content-Length", "1024").response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasContentLength(1024)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_the_expected_and_the_actual_length() {
    // GIVEN
    RegistryResponse response = Exchange.head(Exchange.BLOB_URL).header("Content-Length", "1023").response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasContentLength(1024));
    // THEN
    then(error).hasMessageContainingAll("<HEAD " + Exchange.BLOB_URL + ">", "to have header Content-Length:",
        "<1024>", "but was:", "<1023>");
  }
}
