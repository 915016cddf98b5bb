package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoadDurationTest {
  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"500ms,500", "30s,30000", "2m,120000", "1h,3600000", "90S,90000", " 45 s ,45000", "24h,86400000"})
  void reads_whole_numbers_with_ms_s_m_or_h(String text, long millis) {
    assertThat(LoadDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "30", "1.5s", "-1s", "s", "30 seconds", "1d", "abc"})
  void refuses_what_is_not_a_whole_number_with_a_unit(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> LoadDuration.parse(text))
        .withMessage("invalid duration '" + text + "': expected a whole number with ms, s, m or h, e.g. 500ms, 30s, 2m");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"0s", "0ms", "25h", "1441m"})
  void refuses_zero_and_more_than_a_day(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> LoadDuration.parse(text))
        .withMessageContaining("must be more than 0 and at most 24h");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500ms,500ms", "30s,30s", "120s,2m", "90s,90s", "3600s,1h", "1500ms,1500ms"})
  void formats_in_the_shortest_exact_unit(String text, String formatted) {
    assertThat(LoadDuration.format(LoadDuration.parse(text))).isEqualTo(formatted);
  }
}
