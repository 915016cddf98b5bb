package dev.regconform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.bench.BlobBench.Deletion;
import dev.regconform.bench.BlobBench.Round;
import dev.regconform.model.Digest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobBenchReportTest {
  private static final long GIB = 1L << 30;
  private static final Digest DIGEST = Digest.sha256("blob".getBytes(StandardCharsets.UTF_8));
  private static final Instant DATE = Instant.parse("2025-03-01T10:15:30Z");

  private static Round round(long pushMillis, long pullMillis, int deleteStatus) {
    return new Round(DIGEST, new Transfer(GIB, pushMillis * 1_000_000), new Transfer(GIB, pullMillis * 1_000_000),
        new Deletion(deleteStatus));
  }

  private static BlobBenchReport report(Round... rounds) {
    return new BlobBenchReport(URI.create("http://127.0.0.1:5000"), "regconform/bench-1", GIB, DATE, 64L << 20,
        List.of(rounds));
  }

  @Test
  void the_json_has_target_size_digest_date_and_the_median_seconds_and_MiB_per_second_of_push_and_pull()
      throws Exception {
    JsonNode json = new ObjectMapper().readTree(report(round(4000, 2000, 202), round(8000, 1000, 202),
        round(5000, 4000, 202)).toJson());

    assertThat(json.get("target").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(json.get("repository").asText()).isEqualTo("regconform/bench-1");
    assertThat(json.get("size").asLong()).isEqualTo(GIB);
    assertThat(json.get("digest").asText()).isEqualTo(DIGEST.toString());
    assertThat(json.get("date").asText()).isEqualTo("2025-03-01T10:15:30Z");
    assertThat(json.get("upload").asText()).isEqualTo(BlobBench.UPLOAD);
    assertThat(json.get("maxHeapMiB").asLong()).isEqualTo(64);
    assertThat(json.get("repeat").asInt()).isEqualTo(3);
    assertThat(json.get("push").get("seconds").asDouble()).as("median push seconds").isEqualTo(5.0);
    assertThat(json.get("push").get("mibPerSecond").asDouble()).as("1024 MiB / 5 s").isEqualTo(204.8);
    assertThat(json.get("pull").get("seconds").asDouble()).as("median pull seconds").isEqualTo(2.0);
    assertThat(json.get("pull").get("mibPerSecond").asDouble()).isEqualTo(512.0);
    assertThat(json.get("deleted").asBoolean()).isTrue();
    assertThat(json.get("runs")).hasSize(3);
    assertThat(json.get("runs").get(1).get("push").get("seconds").asDouble()).isEqualTo(8.0);
    assertThat(json.get("runs").get(1).get("deleteStatus").asInt()).isEqualTo(202);
  }

  @Test
  void the_summary_ends_with_the_push_and_pull_lines_scripts_read() {
    List<String> lines = report(round(4000, 2000, 202)).summaryLines();

    assertThat(lines).containsExactly(
        "digest: " + DIGEST + " (computed while sending, verified while reading)",
        "deleted: yes",
        "push: 256.0 MiB/s (4.000 s)",
        "pull: 512.0 MiB/s (2.000 s)");
  }

  @Test
  void with_several_runs_the_summary_says_the_figures_are_medians() {
    List<String> lines = report(round(4000, 2000, 202), round(8000, 1000, 202), round(5000, 4000, 202))
        .summaryLines();

    assertThat(lines).contains("push: 204.8 MiB/s (median of 3 runs: 5.000 s)",
        "pull: 512.0 MiB/s (median of 3 runs: 2.000 s)");
  }

  @Test
  void a_blob_the_registry_would_not_delete_is_named_with_the_answer_in_text_and_json() throws Exception {
    BlobBenchReport report = report(round(4000, 2000, 202), round(4000, 2000, 405));

    assertThat(report.summaryLines()).contains("deleted: no, DELETE answered 405; the blob stays in regconform/bench-1");
    assertThat(new ObjectMapper().readTree(report.toJson()).get("deleted").asBoolean()).isFalse();
  }

  @Test
  void a_round_line_shows_both_rates_and_times() {
    assertThat(BlobBenchReport.roundLine(2, 3, round(4000, 2000, 202)))
        .isEqualTo("run 2/3: push 256.0 MiB/s (4.000 s), pull 512.0 MiB/s (2.000 s)");
  }
}
