package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RegistryResponseAssert_hasStatus_Test {
  @Test
  void should_pass_when_the_status_is_the_expected_one() {
    // GIVEN
    RegistryResponse response = Exchange.put(Exchange.MANIFEST_URL).status(201).response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasStatus(201)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_the_request_the_expected_and_the_actual_status_and_the_exchange() {
    // GIVEN
    RegistryResponse response = Exchange.put(Exchange.MANIFEST_URL).status(400)
        .header("Content-Type", "application/json")
        .body("{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"manifest invalid\"}]}").response();
    // WHEN
    AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(response).hasStatus(201));
    // THEN
    then(error).hasMessageContainingAll(
        "Expecting response to", "<PUT " + Exchange.MANIFEST_URL + ">",
        "to have status:", "<201>", "but was:", "<400>",
        "Exchange:", "Content-Type: application/json", "MANIFEST_INVALID");
    then(error.getExpected().getValue()).isEqualTo(201);
    then(error.getActual().getValue()).isEqualTo(400);
  }

  @Test
  void should_fail_when_there_is_no_response() {
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat((RegistryResponse) null).hasStatus(200));
    // THEN
    then(error).hasMessageContaining("Expecting actual not to be null");
  }

  @Test
  void should_fail_with_the_description_given_by_as() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).status(404).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).as("GET of the Location returned for the manifest").hasStatus(200));
    // THEN
    then(error).hasMessageStartingWith("[GET of the Location returned for the manifest]").hasMessageContaining("<404>");
  }
}
