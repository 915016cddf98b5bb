package dev.regconform.concurrency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.client.RegistryResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingsTest {
  private static RegistryResponse answer(int status, String body) {
    return new RegistryResponse("GET", "http://127.0.0.1:5000/v2/r/blobs/sha256:ab", status,
        List.of(Map.entry("Content-Type", "application/json")), body.getBytes(UTF_8));
  }

  @Test
  void nothing_found_verifies_quietly() {
    Findings findings = new Findings();
    findings.expect("client 0", answer(201, ""), 201);

    assertThat(findings.isEmpty()).isTrue();
    assertThatCode(() -> findings.verify("all 201")).doesNotThrowAnyException();
  }

  @Test
  void a_wrong_status_is_reported_with_who_and_the_exchange() {
    Findings findings = new Findings();

    boolean met = findings.expect("client 3", answer(500, "boom"), 201);

    assertThat(met).isFalse();
    assertThatThrownBy(() -> findings.verify("8 clients to get 201")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("8 clients to get 201").hasMessageContaining("1 answer broke it")
        .hasMessageContaining("client 3: GET http://127.0.0.1:5000/v2/r/blobs/sha256:ab answered 500, expected 201")
        .hasMessageContaining("boom");
  }

  @Test
  void a_body_shorter_than_pushed_is_called_truncated() {
    Findings findings = new Findings();

    assertThat(findings.expectBody("puller 1", answer(200, "abc"), "abcdef".getBytes(UTF_8))).isFalse();

    assertThatThrownBy(() -> findings.verify("whole bodies")).hasMessageContaining(
        "served 3 bytes that are not the 6 bytes pushed (truncated?)");
  }

  @Test
  void a_4xx_is_a_clean_refusal_only_with_an_error_body_of_the_spec_shape() {
    Findings findings = new Findings();

    assertThat(findings.cleanRefusal("a", answer(404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}"))).isTrue();
    assertThat(findings.cleanRefusal("b", answer(404, "not found"))).isTrue();
    assertThat(findings.isEmpty()).isTrue();
    assertThat(findings.cleanRefusal("c", answer(500, ""))).isFalse();
    assertThat(findings.isEmpty()).as("a 5xx is left to expect() to report").isTrue();
    assertThat(findings.cleanRefusal("d", answer(400, "{\"errors\":[{\"code\":\"nope\"}]}"))).isFalse();
    assertThatThrownBy(() -> findings.verify("clean refusals")).hasMessageContaining("d: the refusal's error body");
  }

  @Test
  void only_the_first_four_problems_are_shown_in_full() {
    Findings findings = new Findings();
    for (int i = 0; i < 6; i++) {
      findings.add("problem " + i);
    }

    assertThatThrownBy(() -> findings.verify("nothing wrong")).hasMessageContaining("6 answers broke it")
        .hasMessageContaining("problem 3").hasMessageNotContaining("problem 4").hasMessageContaining("… and 2 more");
  }
}
