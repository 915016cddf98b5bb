package dev.regconform.allure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Allure command line: where it is found, what it makes, and what a failure of it says. */
class AllureHtmlReportTest {
  @TempDir Path dir;

  private static AllureHtmlReport shipped() {
    Optional<AllureHtmlReport> allure = AllureHtmlReport.locate(name -> null);
    Assumptions.assumeTrue(allure.isPresent(), "the Allure command line is not unpacked in target/allure (mvn package)");
    return allure.get();
  }

  @Test
  void the_command_line_the_build_unpacked_is_found_next_to_the_code() {
    AllureHtmlReport allure = shipped();

    assertThat(allure.home().getFileName().toString()).startsWith("allure-");
    assertThat(allure.home().getParent().getFileName().toString()).isEqualTo("allure");
  }

  @Test
  void the_variable_names_another_command_line_or_one_that_is_not_there() throws IOException {
    Path home = shipped().home();

    assertThat(AllureHtmlReport.locate(Map.of(AllureHtmlReport.HOME_VARIABLE, home.toString())::get))
        .hasValueSatisfying(a -> assertThat(a.home()).isEqualTo(home));
    assertThat(AllureHtmlReport.locate(Map.of(AllureHtmlReport.HOME_VARIABLE, home.getParent().toString())::get))
        .as("a directory holding it").hasValueSatisfying(a -> assertThat(a.home()).isEqualTo(home));
    assertThat(AllureHtmlReport.locate(Map.of(AllureHtmlReport.HOME_VARIABLE, dir.toString())::get)).isEmpty();
    assertThat(AllureHtmlReport.expectedLocation(Map.of(AllureHtmlReport.HOME_VARIABLE, dir.toString())::get)).isEqualTo(dir);
  }

  @Test
  void it_makes_one_self_contained_page_and_keeps_the_history_beside_it() throws IOException {
    Path results = Files.createDirectories(dir.resolve("allure-results"));
    Files.writeString(results.resolve("environment.properties"), "spec=1.1\n", UTF_8);

    Path index = shipped().generate(results, dir.resolve("allure-report"));

    assertThat(index).isEqualTo(dir.resolve("allure-report/index.html")).isRegularFile();
    assertThat(AllureReportData.externalReferences(index)).as("what the page would load from the network").isEmpty();
    assertThat(Files.readString(index, UTF_8)).doesNotContain("googletagmanager");
    assertThat(dir.resolve("allure-report/history/history-trend.json")).isRegularFile();
    assertThat(AllureReportData.read(index).json("widgets/environment.json").toString()).contains("spec", "1.1");
  }

  @Test
  void a_command_line_that_fails_says_so_with_its_last_words() throws IOException {
    Path broken = Files.createDirectories(dir.resolve("broken/lib"));
    Files.write(broken.resolve("allure-commandline-9.9.9.jar"), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> new AllureHtmlReport(dir.resolve("broken")).generate(dir, dir.resolve("out")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("allure generate exited with status 1: ")
        .hasMessageContaining("io.qameta.allure.CommandLine");
  }

  @Test
  void the_files_a_single_file_page_embeds_are_read_back() throws IOException {
    String json = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(UTF_8));
    Path page = Files.writeString(dir.resolve("index.html"), "<script defer>Promise.allSettled([\n"
        + "d('data/categories.json','" + json + "'),\nd('data/categories.csv',''),\n]);</script>", UTF_8);

    Map<String, byte[]> files = AllureHtmlReport.embedded(page);

    assertThat(files).containsOnlyKeys("data/categories.json", "data/categories.csv");
    assertThat(new String(files.get("data/categories.json"), UTF_8)).isEqualTo("{\"a\":1}");
  }
}
