package dev.regconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteropMatrixTest {

  private static CheckResult interop(String pusher, Outcome outcome, String message, Map<String, String> pulls,
      boolean pushed) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(InteropMatrix.PUSHER, pusher);
    if (pushed) {
      facts.put(InteropMatrix.PUSH, "ok");
    }
    pulls.forEach((client, fact) -> facts.put(InteropMatrix.PULL_PREFIX + client, fact));
    return new CheckResult("clients.interop.from-" + pusher, "from " + pusher, "clients", outcome, message, "",
        Duration.ZERO, "MUST", List.of("R6"), facts);
  }

  private static TargetRun run(CheckResult... checks) {
    return new TargetRun("http://127.0.0.1:5000", "Distribution 2.8.2", "ns", Instant.EPOCH, List.of(checks));
  }

  private static final CheckResult FROM_DOCKER = interop("docker", Outcome.FAILED, "row failed",
      new LinkedHashMap<>(Map.of("toolkit", "ok")) {{
        put("skopeo", "failed: skopeo copy failed:\nreading blob sha256:ab: digest mismatch");
        put("jib", "ok");
      }}, true);
  private static final CheckResult FROM_SKOPEO = interop("skopeo", Outcome.SKIPPED, "skopeo is not installed",
      Map.of(), false);

  @Test
  void rows_are_pushers_and_columns_every_client_seen() {
    InteropMatrix matrix = InteropMatrix.of(run(FROM_DOCKER, FROM_SKOPEO)).orElseThrow();

    assertThat(matrix.clients()).containsExactly("docker", "skopeo", "toolkit", "jib");
    assertThat(matrix.rows()).extracting(InteropMatrix.Row::pusher).containsExactly("docker", "skopeo");
    InteropMatrix.Row docker = matrix.rows().get(0);
    assertThat(docker.push().status()).isEqualTo(InteropMatrix.Status.OK);
    assertThat(docker.pull("skopeo")).hasValueSatisfying(c -> {
      assertThat(c.status()).isEqualTo(InteropMatrix.Status.FAILED);
      assertThat(c.detail()).contains("digest mismatch");
    });
    assertThat(docker.pull("docker")).isEmpty();
    assertThat(matrix.allOk()).isFalse();
  }

  @Test
  void a_pusher_that_never_pushed_shows_its_checks_outcome() {
    InteropMatrix.Row skopeo = InteropMatrix.of(run(FROM_SKOPEO)).orElseThrow().rows().get(0);

    assertThat(skopeo.push()).isEqualTo(new InteropMatrix.Cell(InteropMatrix.Status.SKIPPED,
        "skipped: skopeo is not installed"));
    assertThat(skopeo.pulls()).isEmpty();
  }

  @Test
  void a_run_without_interop_checks_has_no_matrix(@TempDir Path dir) throws Exception {
    CheckResult other = new CheckResult("pull.by-tag", "x", "pull", Outcome.PASSED, "", "", Duration.ZERO);

    assertThat(InteropMatrix.of(run(other))).isEmpty();
    assertThat(InteropMatrixWriter.write(dir, List.of(run(other)))).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void cells_read_back_what_they_record() {
    for (InteropMatrix.Cell cell : List.of(InteropMatrix.Cell.ok(), InteropMatrix.Cell.failed("a: b"),
        InteropMatrix.Cell.skipped("docker is not installed"))) {
      assertThat(InteropMatrix.Cell.parse(cell.fact())).isEqualTo(cell);
    }
  }

  @Test
  void the_text_table_marks_the_pusher_and_missing_pulls() {
    String text = InteropMatrix.of(run(FROM_DOCKER, FROM_SKOPEO)).orElseThrow().toText();

    assertThat(text.lines()).containsExactly(
        "pushed by \\ pulled by  push     docker   skopeo  toolkit  jib",
        "docker                 ok       -        failed  ok       ok",
        "skopeo                 skipped  not run  -       not run  not run");
  }

  @Test
  void markdown_and_json_show_every_cell_and_why_it_failed(@TempDir Path dir) throws Exception {
    assertThat(InteropMatrixWriter.write(dir, List.of(run(FROM_DOCKER, FROM_SKOPEO)))).hasSize(1);

    String md = Files.readString(dir.resolve(InteropMatrixWriter.MARKDOWN));
    assertThat(md).contains("## Distribution 2.8.2 (http://127.0.0.1:5000)")
        .contains("| pushed by \\ pulled by | push | docker | skopeo | toolkit | jib |")
        .contains("| docker | ok | - | failed | ok | ok |")
        .contains("- docker → skopeo: failed\n  ```\n  skopeo copy failed:\n  reading blob sha256:ab: digest mismatch")
        .contains("- skopeo push (clients.interop.from-skopeo): skipped — skipped: skopeo is not installed");
    String json = Files.readString(dir.resolve(InteropMatrixWriter.JSON));
    assertThat(json).contains("\"pusher\" : \"docker\"").contains("\"status\" : \"failed\"")
        .contains("digest mismatch");
  }
}
