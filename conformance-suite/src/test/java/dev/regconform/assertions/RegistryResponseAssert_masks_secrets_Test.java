package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryResponse;
import dev.regconform.model.Digest;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/** Every failure message shows the exchange, and never a credential, token or upload state in it. */
class RegistryResponseAssert_masks_secrets_Test {
  private static final RegistryResponse EXCHANGE = Exchange
      .put("http://127.0.0.1:5000/v2/acme/app/blobs/uploads/u-1?_state=SECRET-STATE-1&digest=sha256:00")
      .status(401)
      .header("Set-Cookie", "session=SECRET-COOKIE")
      .header("Location", "/v2/acme/app/blobs/uploads/u-1?_state=SECRET-STATE-2")
      .header("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:5001/token\",service=\"registry\"")
      .header("X-Debug", "sent Authorization: Bearer SECRET-BEARER")
      .body("{\"token\":\"SECRET-TOKEN\",\"access_token\":\"SECRET-ACCESS\",\"detail\":\"Basic U0VDUkVUOnBhc3M=\"}")
      .response();

  static Stream<Arguments> failingAssertions() {
    return Stream.of(
        failing("hasStatus", a -> a.hasStatus(201)),
        failing("hasStatusIn", a -> a.hasStatusIn("created or accepted", 201, 202)),
        failing("hasHeader", a -> a.hasHeader("Docker-Content-Digest")),
        failing("hasHeader with value", a -> a.hasHeader("Location", "/v2/acme/app/blobs/sha256:00")),
        failing("hasContentDigest", a -> a.hasContentDigest(Digest.sha256(new byte[0]))),
        failing("hasContentType", a -> a.hasContentType("application/json")),
        failing("hasBody", a -> a.hasBody(new byte[0])),
        failing("hasBodyMatching", a -> a.hasBodyMatching(Digest.sha256(new byte[0]), 0)),
        failing("hasEmptyBody", RegistryResponseAssert::hasEmptyBody),
        failing("hasErrorCode", a -> a.hasErrorCode(ErrorCode.BLOB_UNKNOWN)));
  }

  private static Arguments failing(String name, Consumer<RegistryResponseAssert> assertion) {
    return Arguments.of(Named.of(name, assertion));
  }

  @ParameterizedTest
  @MethodSource("failingAssertions")
  void the_failure_message_masks_every_secret_of_the_exchange(Consumer<RegistryResponseAssert> assertion) {
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertion.accept(assertThat(EXCHANGE)));
    // THEN
    then(error.getMessage())
        .contains("<PUT http://127.0.0.1:5000/v2/acme/app/blobs/uploads/u-1?_state=***&digest=sha256:00>")
        .contains("Set-Cookie: ***", "_state=***", "\"token\":\"***\"", "Bearer ***", "Basic ***")
        .contains("WWW-Authenticate: Bearer realm=\"http://127.0.0.1:5001/token\",service=\"registry\"")
        .doesNotContain("SECRET");
  }

  @Test
  void the_expected_and_actual_values_of_a_secret_header_are_masked_too() {
    // WHEN
    AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(EXCHANGE).hasHeader("Set-Cookie", "session=other"));
    // THEN
    then(error).hasMessageContaining("to have header Set-Cookie:").hasMessageNotContaining("SECRET");
    then(error.getActual().getValue()).isEqualTo("***");
    then(error.getExpected().getValue()).isEqualTo("***");
  }

  @Test
  void the_actual_location_value_has_its_upload_state_masked() {
    // WHEN
    AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
        () -> assertThat(EXCHANGE).hasHeader("Location", "/v2/acme/app/blobs/sha256:00"));
    // THEN
    then(error).hasMessageContaining("but was:%n  </v2/acme/app/blobs/uploads/u-1?_state=***>".formatted());
    then(error.getActual().getValue()).isEqualTo("/v2/acme/app/blobs/uploads/u-1?_state=***");
  }
}
