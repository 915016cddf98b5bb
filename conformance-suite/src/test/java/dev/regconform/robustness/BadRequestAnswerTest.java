package dev.regconform.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.client.ErrorCode;
import dev.regconform.client.RegistryClient;
import dev.regconform.client.RegistryResponse;
import dev.regconform.junit.Level;
import dev.regconform.junit.RecommendationNotMetError;
import dev.regconform.scenarios.robustness.BadRequestAnswer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of {@link BadRequestAnswer} on answers made up here; no trace is asked for, so no request is sent. */
class BadRequestAnswerTest {
  /** Never contacted: the cases below name no trace and no sentinel. */
  private final RegistryClient registry = RegistryClient.builder(URI.create("http://127.0.0.1:9")).build();

  @Test
  void a_400_with_the_expected_code_passes() {
    assertThatCode(() -> BadRequestAnswer.to(nameInvalid("PUT"), registry).shouldBe(400, ErrorCode.NAME_INVALID).verify())
        .doesNotThrowAnyException();
  }

  @Test
  void a_redirect_fails_unless_allowed_and_then_only_misses_the_recommendation() {
    RegistryResponse redirect = answer("PUT", 301, "");

    assertThatThrownBy(() -> BadRequestAnswer.to(redirect, registry).shouldBe(400).verify())
        .isNotInstanceOf(RecommendationNotMetError.class).hasMessageContaining("unexpected status (301)");
    assertThatThrownBy(() -> BadRequestAnswer.to(redirect, registry).orRedirected().shouldBe(400).verify())
        .isInstanceOf(RecommendationNotMetError.class).hasMessageContaining("<301 []>");
  }

  @Test
  void every_answer_given_with_also_to_is_held_to_the_musts_and_named_in_the_message() {
    RegistryResponse post = answer("POST", 500, "");

    assertThatThrownBy(() -> BadRequestAnswer.to(nameInvalid("PUT"), registry).alsoTo(post).verify())
        .isNotInstanceOf(RecommendationNotMetError.class)
        .hasMessageContaining("the registry failed on a client's mistake (500): POST http://127.0.0.1:9/v2/x/blobs/uploads/");
  }

  @Test
  void a_second_answer_that_misses_the_recommendation_is_a_warning() {
    RegistryResponse post = answer("POST", 404, "");

    assertThatThrownBy(() -> BadRequestAnswer.to(nameInvalid("PUT"), registry).alsoTo(post)
        .shouldBe(400, ErrorCode.NAME_INVALID).verify())
        .isInstanceOf(RecommendationNotMetError.class).hasMessageContaining("<404 []>");
  }

  @Test
  void an_accepted_request_fails_when_acceptance_is_not_allowed() {
    assertThatThrownBy(() -> BadRequestAnswer.to(answer("PUT", 201, ""), registry).verify())
        .hasMessageContaining("the registry accepted bad input (201)");
  }

  @Test
  void percent_decoding_turns_a_url_tag_into_a_listed_tag_and_keeps_plus() {
    assertThat(BadRequestAnswer.percentDecoded("a%20b")).isEqualTo("a b");
    assertThat(BadRequestAnswer.percentDecoded("v%C3%A9")).isEqualTo("vé");
    assertThat(BadRequestAnswer.percentDecoded("a+b")).isEqualTo("a+b");
    assertThat(BadRequestAnswer.percentDecoded("100%")).isEqualTo("100%");
  }

  @Test
  void level_may_acceptance_is_declared_without_contacting_anything_until_verified() {
    assertThatCode(() -> BadRequestAnswer.to(nameInvalid("PUT"), registry)
        .orAcceptedAndServedBack("x", "{}".getBytes(UTF_8), Level.MAY, "t").shouldBe(400).verify())
        .doesNotThrowAnyException();
  }

  private static RegistryResponse nameInvalid(String method) {
    return answer(method, 400, "{\"errors\":[{\"code\":\"NAME_INVALID\",\"message\":\"invalid repository name\"}]}");
  }

  private static RegistryResponse answer(String method, int status, String json) {
    String url = method.equals("POST") ? "http://127.0.0.1:9/v2/x/blobs/uploads/" : "http://127.0.0.1:9/v2/x/manifests/t";
    List<Map.Entry<String, String>> headers = json.isEmpty() ? List.of() : List.of(Map.entry("Content-Type", "application/json"));
    return new RegistryResponse(method, url, status, headers, json.getBytes(UTF_8));
  }
}
