package dev.regconform.allure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureHistoryTest {
  private static final String TREND = "[{\"buildOrder\":2,\"data\":{\"failed\":1}},{\"buildOrder\":1,\"data\":{\"failed\":2}}]";

  @TempDir Path reportDir;

  private void history(String dir, String trend, String history) throws IOException {
    Path d = Files.createDirectories(reportDir.resolve(dir).resolve("history"));
    Files.writeString(d.resolve("history-trend.json"), trend, UTF_8);
    Files.writeString(d.resolve("history.json"), history, UTF_8);
  }

  @Test
  void the_last_html_reports_history_is_carried_into_the_results_byte_for_byte() throws IOException {
    history("allure-report", TREND, "{\"abc\":{\"items\":[]}}");
    Path results = Files.createDirectories(reportDir.resolve("new-results"));

    AllureHistory read = AllureHistory.read(reportDir);
    read.writeTo(results);

    assertThat(read.runs()).isEqualTo(2);
    assertThat(read.fileNames()).containsExactly("history-trend.json", "history.json");
    assertThat(results.resolve("history/history-trend.json")).hasContent(TREND);
    assertThat(results.resolve("history/history.json")).hasContent("{\"abc\":{\"items\":[]}}");
  }

  @Test
  void after_a_run_without_html_the_history_is_taken_from_the_results() throws IOException {
    history("allure-results", "[{\"buildOrder\":1}]", "{}");

    assertThat(AllureHistory.read(reportDir).runs()).isEqualTo(1);
  }

  @Test
  void the_html_reports_history_wins_over_the_results() throws IOException {
    history("allure-results", "[{\"buildOrder\":1}]", "{}");
    history("allure-report", TREND, "{}");

    assertThat(AllureHistory.read(reportDir).runs()).isEqualTo(2);
  }

  @Test
  void a_first_run_has_no_history_and_writes_none() throws IOException {
    Path results = Files.createDirectories(reportDir.resolve("allure-results"));

    AllureHistory none = AllureHistory.read(reportDir);
    none.writeTo(results);

    assertThat(none.runs()).isZero();
    assertThat(results.resolve("history")).doesNotExist();
  }

  @Test
  void a_trend_that_is_no_json_array_counts_no_run() throws IOException {
    history("allure-report", "not json", "{}");

    assertThat(AllureHistory.read(reportDir).runs()).isZero();
  }
}
