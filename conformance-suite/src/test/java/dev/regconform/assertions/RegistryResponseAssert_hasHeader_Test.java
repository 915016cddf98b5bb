package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RegistryResponseAssert_hasHeader_Test {
  private final RegistryResponse response = Exchange.get(Exchange.BLOB_URL).status(202)
      .header("range", "0-1023").header("Docker-Upload-UUID", "u-1").response();

  @Nested
  class Any_value {
    @Test
    void should_pass_when_the_header_is_present_whatever_the_case_of_its_name() {
      assertThatCode(() -> assertThat(response).hasHeader("Range").hasHeader("docker-upload-uuid"))
          .doesNotThrowAnyException();
    }

    @Test
    void should_fail_naming_the_missing_header_and_the_request() {
      // WHEN
      AssertionError error = catchThrowableOfType(AssertionError.class,
          () -> assertThat(response).hasHeader("Location"));
      // THEN
      then(error).hasMessageContainingAll("<GET " + Exchange.BLOB_URL + ">",
          "to have a Location header, but it has none.", "Exchange:", "range: 0-1023");
    }
  }

  @Nested
  class Exact_value {
    @Test
    void should_pass_when_the_first_value_is_exactly_the_expected_one() {
      assertThatCode(() -> assertThat(response).hasHeader("Range", "0-1023")).doesNotThrowAnyException();
    }

    @Test
    void should_fail_showing_the_request_the_expected_and_the_actual_value() {
      // WHEN
      AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
          () -> assertThat(response).hasHeader("Range", "0-1024"));
      // THEN
      then(error).hasMessageContainingAll("<GET " + Exchange.BLOB_URL + ">", "to have header Range:",
          "<0-1024>", "but was:", "<0-1023>");
      then(error.getExpected().getValue()).isEqualTo("0-1024");
      then(error.getActual().getValue()).isEqualTo("0-1023");
    }

    @Test
    void should_fail_when_the_header_is_missing() {
      // WHEN
      AssertionError error = catchThrowableOfType(AssertionError.class,
          () -> assertThat(response).hasHeader("Docker-Content-Digest", "sha256:00"));
      // THEN
      then(error).hasMessageContaining("to have a Docker-Content-Digest header, but it has none.");
    }
  }
}
