package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.client.IncompleteResponseError;
import dev.regconform.client.RegistryResponse;
import dev.regconform.client.RegistryUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  @Test
  void a_refusal_names_the_request_its_status_and_the_registrys_error_code() {
    RegistryResponse answer = new RegistryResponse("PUT", "http://127.0.0.1:5000/v2/a/manifests/t", 400,
        List.of(Map.entry("Content-Type", "application/json")),
        "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"no\"}]}".getBytes(StandardCharsets.UTF_8));

    Outcome outcome = Outcome.refused(answer);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.status()).isEqualTo(400);
    assertThat(outcome.kind()).isNull();
    assertThat(outcome.detail()).isEqualTo("PUT http://127.0.0.1:5000/v2/a/manifests/t answered 400 MANIFEST_INVALID");
  }

  @Test
  void a_connection_failure_is_named_by_its_root_cause() {
    Outcome outcome = Outcome.of(new RegistryUnreachableException("GET x failed",
        new RuntimeException(new SocketTimeoutException("Read timed out"))));

    assertThat(outcome.kind()).isEqualTo("SocketTimeoutException");
    assertThat(outcome.status()).isZero();
  }

  @Test
  void a_body_cut_short_is_an_incomplete_response_and_anything_else_is_named_by_its_class() {
    assertThat(Outcome.of(new IncompleteResponseError("GET", "http://h/v2/", 200, "10", new RuntimeException()))
        .kind()).isEqualTo("IncompleteResponse");
    assertThat(Outcome.of(new IllegalStateException("odd")).kind()).isEqualTo("IllegalStateException");
  }

  @Test
  void a_secret_in_a_failure_line_is_masked() {
    Outcome outcome = Outcome.failed("IOException", "sent Authorization: Bearer abc.def.ghi and failed");

    assertThat(outcome.detail()).doesNotContain("abc.def.ghi");
  }
}
