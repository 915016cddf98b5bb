package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_hasLocationHeader_Test {
  private static final String UPLOADS = "http://127.0.0.1:5000/v2/acme/app/blobs/uploads/";

  @Test
  void should_pass_when_a_location_is_present() {
    // GIVEN
    RegistryResponse response = Exchange.put(UPLOADS).status(202).header("Location", "/v2/acme/app/blobs/uploads/u-1")
        .response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasLocationHeader()).doesNotThrowAnyException();
  }

  @Test
  void should_fail_when_there_is_no_location() {
    // GIVEN
    RegistryResponse response = Exchange.put(UPLOADS).status(202).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(response).hasLocationHeader());
    // THEN
    then(error).hasMessageContainingAll("<PUT " + UPLOADS + ">", "to have a Location header, but it has none.");
  }

  @Test
  void should_fail_when_the_location_is_blank() {
    // GIVEN
    RegistryResponse response = Exchange.put(UPLOADS).status(202).header("Location", " ").response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(response).hasLocationHeader());
    // THEN
    then(error).hasMessageContainingAll("<PUT " + UPLOADS + ">", "to have a non-empty Location header.");
  }
}
