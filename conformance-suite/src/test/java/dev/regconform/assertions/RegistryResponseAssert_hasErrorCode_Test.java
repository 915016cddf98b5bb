package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_hasErrorCode_Test {
  @Test
  void should_pass_when_one_of_the_errors_has_the_code() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).status(404).body("{\"errors\":["
        + "{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"},"
        + "{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}").response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasErrorCode(ErrorCode.MANIFEST_UNKNOWN)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_listing_the_codes_that_were_seen() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).status(404)
        .body("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}")
        .response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasErrorCode(ErrorCode.MANIFEST_UNKNOWN));
    // THEN
    then(error).hasMessageContainingAll("<GET " + Exchange.MANIFEST_URL + ">", "to contain error code:",
        "<MANIFEST_UNKNOWN>", "but the codes were:", "<[NAME_UNKNOWN: repository name not known to registry]>");
  }

  @Test
  void should_fail_saying_the_body_is_not_a_json_error_document() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).status(404).body("404 page not found").response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasErrorCode(ErrorCode.MANIFEST_UNKNOWN));
    // THEN
    then(error).hasMessageContainingAll("<MANIFEST_UNKNOWN>", "but the body is not a JSON error document",
        "404 page not found");
  }
}
