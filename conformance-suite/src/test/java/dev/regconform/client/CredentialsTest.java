package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void toString_shows_the_username_but_never_the_password() {
    String token = "pat-" + java.util.UUID.randomUUID();
    Credentials credentials = new Credentials("octocat", token);

    assertThat(credentials.toString())
        .contains("octocat")
        .contains(Redaction.MASK)
        .doesNotContain(token);
  }

  @Test
  void the_basic_header_value_is_base64_of_user_colon_password() {
    Credentials credentials = new Credentials("user", "pä:ss");

    String encoded = credentials.basicHeaderValue();

    assertThat(encoded).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(encoded.substring("Basic ".length())), StandardCharsets.UTF_8))
        .isEqualTo("user:pä:ss");
  }

  @Test
  void username_and_password_are_required() {
    assertThatNullPointerException().isThrownBy(() -> new Credentials(null, "p")).withMessage("username");
    assertThatNullPointerException().isThrownBy(() -> new Credentials("u", null)).withMessage("password");
  }
}
