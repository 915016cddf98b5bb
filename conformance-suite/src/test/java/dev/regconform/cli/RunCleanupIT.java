package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.fixtures.distribution.DistributionProcess;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cleanup verification at the end of a normal run, against native Distribution with deletes on (everything goes,
 * verified) and off (every item is listed as left behind, with the registry's answer, and the exit status is the
 * checks' alone). The pull checks push images of both formats and keep the runs short.
 */
class RunCleanupIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static Path binary() {
    Optional<Path> binary = DistributionProcess.findBinary();
    Assumptions.assumeTrue(binary.isPresent(), "no registry / docker-registry binary (apt-get install docker-registry)");
    return binary.get();
  }

  private CliRun run(DistributionProcess registry, String reports) {
    String[] args = {"run", "--target", registry.baseUri().toString(), "--check", "pull.*", "--report-dir",
        dir.resolve(reports).toString(), "--no-html"};
    return CliRun.execute(Map.of(), "", args);
  }

  @Test
  void a_run_against_a_registry_that_deletes_removes_everything_and_says_it_verified_that() throws Exception {
    try (DistributionProcess registry = DistributionProcess.start(binary())) {
      CliRun run = run(registry, "deletes");

      assertThat(run.out()).as("output:%n%s%nstderr:%n%s", run.out(), run.err())
          .containsPattern("(?m)^cleanup: removed everything the run pushed \\([1-9]\\d* manifests?, [1-9]\\d* blobs?; "
              + "verified\\)$");
      assertThat(run.err()).doesNotContain("cleanup:");
      JsonNode cleanup = JSON.readTree(dir.resolve("deletes/summary.json").toFile()).path("cleanup");
      assertThat(cleanup).as("summary.json cleanup: %s", cleanup).hasSize(1);
      assertThat(cleanup.get(0).path("verified").asBoolean()).as("verified in %s", cleanup).isTrue();
      assertThat(cleanup.get(0).path("manifests").asInt()).as("manifests in %s", cleanup).isPositive();
      assertThat(cleanup.get(0).path("leftovers")).as("leftovers in %s", cleanup).isEmpty();
    }
  }

  @Test
  void a_registry_with_deletes_disabled_gets_its_leftovers_reported_without_changing_the_exit_status()
      throws Exception {
    int withDeletes;
    try (DistributionProcess registry = DistributionProcess.start(binary())) {
      withDeletes = run(registry, "with").exitCode();
    }
    try (DistributionProcess registry = DistributionProcess.builder(binary()).deletesDisabled().start()) {
      CliRun run = run(registry, "without");

      assertThat(run.out()).as("output:%n%s", run.out()).containsPattern("(?m)^cleanup: left behind: [1-9]\\d* "
          + "manifests, [1-9]\\d* tags, [1-9]\\d* blobs \\(the registry does not allow deletes: DELETE answered 405 "
          + "UNSUPPORTED\\)$");
      assertThat(run.err()).as("no toolkit-bug warning for a registry that refuses deletes").doesNotContain("cleanup");
      assertThat(run.exitCode()).as("exit status without deletes (with deletes: %s)", withDeletes)
          .isEqualTo(withDeletes);
      JsonNode cleanup = JSON.readTree(dir.resolve("without/summary.json").toFile()).path("cleanup").get(0);
      assertThat(cleanup.path("verified").asBoolean()).isFalse();
      assertThat(cleanup.path("leftovers").size()).as("leftovers in %s", cleanup)
          .isEqualTo(cleanup.path("manifests").asInt() + cleanup.path("tags").asInt() + cleanup.path("blobs").asInt());
      assertThat(cleanup.path("leftovers").get(0).path("cause").asText()).isEqualTo("no-delete");
      assertThat(cleanup.path("leftovers").get(0).path("reason").asText())
          .isEqualTo("the registry does not allow deletes: DELETE answered 405 UNSUPPORTED");
    }
  }
}
