package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class RegistryResponseAssert_hasContentType_Test {
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  @Test
  void should_pass_when_the_media_type_matches_ignoring_parameters() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL)
        .header("Content-Type", OCI_MANIFEST + "; charset=utf-8").response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasContentType(OCI_MANIFEST)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_the_expected_media_type_and_the_whole_actual_value() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL)
        .header("Content-Type", "application/json; charset=utf-8").response();
    // WHEN
    AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(response).hasContentType(OCI_MANIFEST));
    // THEN
    then(error).hasMessageContainingAll("<GET " + Exchange.MANIFEST_URL + ">", "to have Content-Type:",
        "<" + OCI_MANIFEST + ">", "but was:", "<application/json; charset=utf-8>");
    then(error.getActual().getValue()).isEqualTo("application/json");
  }

  @Test
  void should_fail_when_there_is_no_content_type() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasContentType(OCI_MANIFEST));
    // THEN
    then(error).hasMessageContaining("to have a Content-Type header, but it has none.");
  }
}
