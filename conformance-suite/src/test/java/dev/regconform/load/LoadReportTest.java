package dev.regconform.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReportTest {
  private static final long MS = 1_000_000;

  /** 2.5 s: pushes of 100 ms (one refused with 500), pulls of 10 and 30 ms, one pull refused by a reset connection. */
  static LoadReport report(Cleanup cleanup) {
    LoadStats stats = new LoadStats();
    stats.record(Operation.PUSH, 200 * MS, 100 * MS, Outcome.ok());
    stats.record(Operation.PUSH, 1200 * MS, 100 * MS, new Outcome(500, null, "PUT http://127.0.0.1:5000/v2/a/manifests/w0-2 answered 500"));
    stats.record(Operation.PULL, 300 * MS, 10 * MS, Outcome.ok());
    stats.record(Operation.PULL, 1300 * MS, 30 * MS, Outcome.ok());
    stats.record(Operation.PULL, 1400 * MS, 30 * MS, Outcome.failed("SocketException", "Connection reset"));
    stats.record(Operation.PULL, 2400 * MS, 10 * MS, Outcome.ok());
    LoadRun.Result result = new LoadRun.Result(2500 * MS, LoadRun.StopReason.OPERATIONS, stats);
    return new LoadReport(URI.create("http://127.0.0.1:5000"), List.of("regconform/load-x/r0"),
        Instant.parse("2026-01-02T03:04:05Z"), 2, Duration.ofSeconds(30), OptionalLong.of(6), Mix.parse("push=1,pull=4"),
        1 << 20, result, cleanup, 64L << 20);
  }

  @Test
  void json_has_the_settings_the_figures_per_operation_the_errors_the_timeline_and_the_cleanup(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("load.json"), report(new Cleanup(3, 4, List.of(), 1.25)).toJson());

    JsonNode json = new ObjectMapper().readTree(file.toFile());

    assertThat(json.get("target").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(json.get("repositories").get(0).asText()).isEqualTo("regconform/load-x/r0");
    assertThat(json.get("date").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(json.get("concurrency").asInt()).isEqualTo(2);
    assertThat(json.get("duration").asText()).isEqualTo("30s");
    assertThat(json.get("operationsLimit").asLong()).isEqualTo(6);
    assertThat(json.get("mix").toString()).isEqualTo("{\"push\":1,\"pull\":4}");
    assertThat(json.get("blobSize").asLong()).isEqualTo(1 << 20);
    assertThat(json.get("elapsedSeconds").asDouble()).isEqualTo(2.5);
    assertThat(json.get("stoppedBy").asText()).isEqualTo("operations");
    assertThat(json.get("maxHeapMiB").asInt()).isEqualTo(64);
    assertThat(json.get("total").get("ok").asLong()).isEqualTo(4);
    assertThat(json.get("total").get("errors").asLong()).isEqualTo(2);
    assertThat(json.get("total").get("opsPerSecond").asDouble()).as("4 ok in 2.5 s").isEqualTo(1.6);
    JsonNode push = json.get("operations").get("push");
    assertThat(push.get("ok").asLong()).isEqualTo(1);
    assertThat(push.get("latencyMs").get("p50").asDouble()).isBetween(99.9, 100.1);
    assertThat(push.get("errorsByStatus").toString()).isEqualTo("{\"500\":1}");
    assertThat(push.get("firstError").asText()).isEqualTo("PUT http://127.0.0.1:5000/v2/a/manifests/w0-2 answered 500");
    JsonNode pull = json.get("operations").get("pull");
    assertThat(pull.get("ok").asLong()).isEqualTo(3);
    assertThat(pull.get("latencyMs").get("max").asDouble()).isBetween(29.9, 30.1);
    assertThat(pull.get("errorsByKind").toString()).isEqualTo("{\"SocketException\":1}");
    assertThat(json.get("operations").has("head")).as("head is not in the mix").isFalse();
    assertThat(json.get("timeline").toString()).isEqualTo("[{\"second\":0,\"push\":1,\"pull\":1,\"errors\":0},"
        + "{\"second\":1,\"push\":0,\"pull\":1,\"errors\":2},{\"second\":2,\"push\":0,\"pull\":1,\"errors\":0}]");
    assertThat(json.get("cleanup").toString())
        .isEqualTo("{\"manifestsDeleted\":3,\"blobsDeleted\":4,\"complete\":true,\"seconds\":1.25,\"left\":[]}");
  }

  @Test
  void the_table_has_a_row_per_operation_and_all_then_the_errors_and_the_cleanup() {
    List<String> lines = report(new Cleanup(1, 1, List.of("regconform/load-x/r0: 2 of its 3 images stay (DELETE "
        + "http://127.0.0.1:5000/v2/regconform/load-x/r0/manifests/sha256:ab answered 405 UNSUPPORTED)"), 0.5)).tableLines();

    assertThat(lines.get(0)).matches("operation +ok +errors +ops/s +p50 ms +p95 ms +p99 ms +max ms");
    assertThat(lines.get(1)).matches("push +1 +1 +0\\.4 +100\\.\\d +100\\.\\d +100\\.\\d +100\\.\\d");
    assertThat(lines.get(2)).matches("pull +3 +1 +1\\.2 +10\\.\\d +30\\.\\d +30\\.\\d +30\\.\\d");
    assertThat(lines.get(3)).matches("all +4 +2 +1\\.6 .*");
    assertThat(lines.get(4)).startsWith("2.5 s, stopped by the operation count");
    assertThat(lines).contains(
        "errors of push: 1 x 500; first: PUT http://127.0.0.1:5000/v2/a/manifests/w0-2 answered 500",
        "errors of pull: 1 x SocketException; first: Connection reset");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("cleanup: deleted 1 manifests and 1 blobs in 0.5 s; left behind: "
        + "regconform/load-x/r0: 2 of its 3 images stay (DELETE http://127.0.0.1:5000/v2/regconform/load-x/r0/"
        + "manifests/sha256:ab answered 405 UNSUPPORTED)");
  }

  @Test
  void user_information_in_the_target_is_masked() {
    assertThat(LoadReport.shown(URI.create("http://me:secret@127.0.0.1:5000"))).isEqualTo("http://***@127.0.0.1:5000");
  }
}
