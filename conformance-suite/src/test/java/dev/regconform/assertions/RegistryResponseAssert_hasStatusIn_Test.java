package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_hasStatusIn_Test {
  private static final String BECAUSE = "spec end-9: 202 deleted, 405 deletion disabled";

  @Test
  void should_pass_when_the_status_is_one_of_the_allowed() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).status(405).response();
    // WHEN / THEN
    assertThatCode(() -> assertThat(response).hasStatusIn(BECAUSE, 202, 405)).doesNotThrowAnyException();
  }

  @Test
  void should_fail_showing_the_request_the_allowed_statuses_with_their_reason_and_the_actual_status() {
    // GIVEN
    RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL).status(500).response();
    // WHEN
    AssertionError error = catchThrowableOfType(AssertionError.class,
        () -> assertThat(response).hasStatusIn(BECAUSE, 202, 405));
    // THEN
    then(error).hasMessageContainingAll("<GET " + Exchange.MANIFEST_URL + ">", "to have one of the statuses:",
        "<[202, 405]> (" + BECAUSE + ")", "but was:", "<500>", "Exchange:");
  }
}
