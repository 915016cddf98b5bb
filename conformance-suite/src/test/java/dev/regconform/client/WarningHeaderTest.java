package dev.regconform.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's form of Warning headers: 299, agent "-", quoted text, no date, 4096 bytes in all. */
class WarningHeaderTest {
  @Test
  void no_warning_headers_conform() {
    assertThat(WarningHeader.problems(List.of())).isEmpty();
  }

  @Test
  void the_spec_examples_conform_alone_in_a_list_and_over_several_headers() {
    assertThat(WarningHeader.problems(List.of("299 - \"Your auth token will expire in 30 seconds.\""))).isEmpty();
    assertThat(WarningHeader.problems(List.of("299 - \"This registry will be retired.\", 299 - \"Use \\\"x\\\".\"",
        "299 - \"\""))).isEmpty();
  }

  @Test
  void another_warn_code_is_named() {
    assertThat(WarningHeader.problems(List.of("199 - \"stale\"")))
        .singleElement().asString().contains("199 - \"stale\"").contains("warn-code 199, not 299");
  }

  @Test
  void an_agent_other_than_dash_is_named() {
    assertThat(WarningHeader.problems(List.of("299 registry.example \"moved\"")))
        .singleElement().asString().contains("the warn-agent is not -");
  }

  @Test
  void a_warn_date_an_unquoted_text_or_a_broken_list_is_refused() {
    assertThat(WarningHeader.problems(List.of("299 - \"text\" \"Sat, 25 Aug 2012 23:34:45 GMT\""))).hasSize(1);
    assertThat(WarningHeader.problems(List.of("299 - text without quotes"))).hasSize(1);
    assertThat(WarningHeader.problems(List.of("299 - \"unterminated"))).hasSize(1);
    assertThat(WarningHeader.problems(List.of("299 - \"a\" 299 - \"b\""))).hasSize(1);
  }

  @Test
  void more_than_4096_bytes_over_all_headers_is_refused_and_4096_is_not() {
    String text = "x".repeat(2040);
    String warning = "299 - \"" + text + "\"";
    assertThat(warning.length() * 2).isEqualTo(4096);

    assertThat(WarningHeader.problems(List.of(warning, warning))).isEmpty();
    assertThat(WarningHeader.problems(List.of(warning, warning, "299 - \"\"")))
        .singleElement().asString().contains("4104 bytes");
  }
}
