package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.BDDAssertions.then;

import dev.regconform.client.RegistryResponse;
import org.junit.jupiter.api.Test;

class RegistryResponseAssert_header_Test {
  private final RegistryResponse response = Exchange.get(Exchange.MANIFEST_URL)
      .header("Link", "<a>; rel=\"next\"").header("Link", "<b>; rel=\"next\"").response();

  @Test
  void gives_the_first_value_of_a_header_for_further_assertions() {
    then(assertThat(response).header("link")).contains("<a>; rel=\"next\"");
  }

  @Test
  void gives_empty_for_a_missing_header_without_failing() {
    then(assertThat(response).header("Location")).isEmpty();
  }
}
