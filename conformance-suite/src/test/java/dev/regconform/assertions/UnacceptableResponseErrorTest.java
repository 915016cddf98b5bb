package dev.regconform.assertions;

import static dev.regconform.assertions.RegistryAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.regconform.junit.CheckId;
import dev.regconform.junit.CheckLevelExtension;
import dev.regconform.junit.Level;
import dev.regconform.junit.RecommendationNotMetError;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 401, 403 and 5xx fail a check whatever its level; other unexpected statuses of a SHOULD check warn. */
class UnacceptableResponseErrorTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {401, 403, 500, 503})
  void should_raise_an_unacceptable_response_for_auth_and_server_errors(int status) {
    // GIVEN
    var response = Exchange.get(Exchange.MANIFEST_URL).status(status).response();
    // WHEN
    Throwable thrown = catchThrowable(() -> assertThat(response).hasStatus(200));
    Throwable thrownIn = catchThrowable(() -> assertThat(response).hasStatusIn("either", 200, 404));
    // THEN
    assertThat(thrown).isInstanceOf(UnacceptableResponseError.class).hasMessageContaining("<" + status + ">")
        .hasMessageContaining("GET " + Exchange.MANIFEST_URL);
    assertThat(thrownIn).isInstanceOf(UnacceptableResponseError.class);
  }

  @Test
  void should_raise_an_ordinary_assertion_error_for_other_statuses() {
    var response = Exchange.get(Exchange.MANIFEST_URL).status(404).response();
    Throwable thrown = catchThrowable(() -> assertThat(response).hasStatus(200));
    assertThat(thrown).isInstanceOf(AssertionError.class).isNotInstanceOf(UnacceptableResponseError.class);
  }

  @Test
  void should_keep_the_description_in_the_message() {
    var response = Exchange.get(Exchange.MANIFEST_URL).status(500).response();
    Throwable thrown = catchThrowable(() -> assertThat(response).as("the pull").hasStatus(200));
    assertThat(thrown).hasMessageStartingWith("[the pull] ");
  }

  @Test
  void a_should_check_warns_on_an_ordinary_failure_but_fails_on_an_unacceptable_response() throws Exception {
    ExtensionContext context = contextOf(getClass().getDeclaredMethod("shouldLevelCheck"));
    CheckLevelExtension extension = new CheckLevelExtension();

    Throwable ordinary = catchThrowable(() -> extension.handleTestExecutionException(context, new AssertionError("404")));
    Throwable unacceptable = catchThrowable(() ->
        extension.handleTestExecutionException(context, new UnacceptableResponseError(500, "500")));

    assertThat(ordinary).isInstanceOf(RecommendationNotMetError.class).hasMessageContaining("(SHOULD) 404");
    assertThat(unacceptable).isInstanceOf(UnacceptableResponseError.class);
  }

  @CheckId(value = "example.should", level = Level.SHOULD)
  void shouldLevelCheck() {}

  private static ExtensionContext contextOf(Method method) {
    return (ExtensionContext) java.lang.reflect.Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, m, args) -> switch (m.getName()) {
          case "getRequiredTestMethod" -> method;
          case "getTestMethod" -> Optional.of(method);
          case "getRequiredTestClass" -> method.getDeclaringClass();
          case "getConfigurationParameter" -> Optional.empty(); // as regconform run: warnings fail, no baseline
          default -> throw new UnsupportedOperationException(m.getName());
        });
  }
}
