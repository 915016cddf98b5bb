package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestTimeout}: {@code --request-timeout} values. */
class RequestTimeoutTest {
  @ParameterizedTest(name = "{0} is {1} ms, written {2}")
  @CsvSource({"500ms, 500, 500ms", "10s, 10000, 10s", "2m, 120000, 2m", "1500ms, 1500, 1500ms", "60s, 60000, 1m",
      "' 3 S ', 3000, 3s", "60m, 3600000, 60m"})
  void durations_with_ms_s_or_m_are_read_and_written_back(String text, long millis, String written) {
    Duration d = RequestTimeout.parse("--request-timeout", text);

    assertThat(d.toMillis()).as("parse(%s)", text).isEqualTo(millis);
    assertThat(RequestTimeout.text(d)).as("text(%s)", d).isEqualTo(written);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"", "10", "ten seconds", "1h", "-1s", "1.5s", "0s", "61m"})
  void other_values_are_refused_naming_the_option_and_the_syntax(String text) {
    assertThatThrownBy(() -> RequestTimeout.parse("--request-timeout", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid --request-timeout '" + text + "': ");
  }
}
