package dev.regconform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.cli.RegconformCommand;
import dev.regconform.fixtures.distribution.DistributionProcess;
import dev.regconform.fixtures.support.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code regconform run} as a user runs it: exit status, console lines, and the three outputs. */
class RunCommandIT {
  @TempDir Path reportDir;

  @Test
  void a_run_against_distribution_passes_and_writes_junit_xml_summary_json_and_allure_results() throws Exception {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    try (DistributionProcess registry = DistributionProcess.start(binary.get())) {
      Captured run = run("run", "--target", registry.baseUri().toString(), "--report-dir", reportDir.toString());

      assertThat(run.exitCode).as("exit status; output:%n%s%s", run.out, run.err).isZero();
      String[] lines = run.out.strip().split("\n");
      assertThat(lines[lines.length - 1]).matches("\\d+ passed, 0 failed, 0 skipped");
      assertThat(run.out).contains("PASS  pull.by-digest.manifest-bytes[oci]");

      JsonNode summary = new ObjectMapper().readTree(reportDir.resolve("summary.json").toFile());
      int total = summary.at("/counts/total").asInt();
      assertThat(total).isGreaterThanOrEqualTo(Checks.MINIMUM_COUNT);
      assertThat(summary.at("/counts/passed").asInt()).isEqualTo(total);
      assertThat(summary.at("/targets/0/target").asText()).isEqualTo(registry.baseUri().toString());
      assertThat(lines[lines.length - 1]).isEqualTo(total + " passed, 0 failed, 0 skipped");

      Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reportDir.resolve("junit.xml").toFile());
      assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(total);
      assertThat(junit.getElementsByTagName("failure").getLength()).isZero();

      try (var files = Files.list(reportDir.resolve("allure-results"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .contains("environment.properties")
            .anyMatch(name -> name.endsWith("-result.json"));
      }
    }
  }

  @Test
  void an_unreachable_target_is_reported_in_one_line_with_exit_status_2_within_10_seconds() {
    int closedPort = FreePort.pick();
    long start = System.nanoTime();

    Captured run = run("run", "--target", "http://127.0.0.1:" + closedPort, "--report-dir", reportDir.toString());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err.strip()).startsWith("regconform: cannot reach http://127.0.0.1:" + closedPort).doesNotContain("\n");
  }

  @Test
  void bad_arguments_exit_with_status_2() {
    assertThat(run("run", "--no-such-option").exitCode).isEqualTo(2);
    assertThat(run("run", "--target", "not a url").exitCode).isEqualTo(2);
    assertThat(run("run", "--target", "ftp://127.0.0.1:1").exitCode).isEqualTo(2);
  }

  private static Captured run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = RegconformCommand.execute(args);
      return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private record Captured(int exitCode, String out, String err) {}
}
