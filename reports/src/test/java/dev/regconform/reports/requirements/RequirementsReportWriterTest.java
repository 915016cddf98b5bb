package dev.regconform.reports.requirements;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regconform.reports.CheckResult;
import dev.regconform.reports.Outcome;
import dev.regconform.reports.TargetRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsReportWriterTest {
  @TempDir Path dir;

  private Requirements requirements;
  private List<TargetRun> runs;

  private static CheckResult check(String id, Outcome outcome, String level, String... requirements) {
    return new CheckResult(id, id, "pull", outcome, "", "", Duration.ZERO, level, List.of(requirements));
  }

  @BeforeEach
  void setUp() throws IOException {
    requirements = Requirements.parse(new ByteArrayInputStream("""
        spec: OCI distribution-spec
        version: "1.1"
        requirements:
          - {id: R6, section: Pulling manifests, level: MUST, text: "A manifest pulls | with 200.", endpoints: [end-3]}
          - {id: R5, section: Pulling manifests, level: SHOULD, text: Same Content-Type.}
          - {id: R2, section: Pulling manifests, level: MUST, text: Names follow the grammar., uncheckable: No client sees it.}
          - {id: R25, section: Single POST, level: MUST, subject: client, text: Lengths match.}
        """.getBytes(UTF_8)), "test.yaml");
    Instant t = Instant.parse("2026-11-26T16:00:00Z");
    runs = List.of(
        new TargetRun("http://127.0.0.1:5000", "Distribution 2.8.2", "ns", t, List.of(
            check("pull.by-tag.manifest-bytes[oci]", Outcome.PASSED, "MUST", "R6", "R40x"),
            check("pull.by-digest.manifest-bytes[oci]", Outcome.PASSED, "MUST", "R6"),
            check("pull.by-tag.content-type[oci]", Outcome.WARNING, "SHOULD", "R5"),
            check("pull.by-name.defaults-to-latest[oci]", Outcome.PASSED, "MUST"))),
        new TargetRun("http://127.0.0.1:5001", "Artipie", "ns", t, List.of(
            check("pull.by-tag.manifest-bytes[oci]", Outcome.FAILED, "MUST", "R6", "R40x"),
            check("pull.by-digest.manifest-bytes[oci]", Outcome.PASSED, "MUST", "R6"),
            check("pull.by-tag.content-type[oci]", Outcome.DISABLED, "SHOULD", "R5"))));
  }

  @Test
  void each_requirement_lists_its_checks_with_their_outcome_per_target() throws IOException {
    RequirementsReportWriter.write(dir, requirements, runs);

    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("requirements.json")));
    assertThat(root.at("/spec").asText()).isEqualTo("OCI distribution-spec");
    assertThat(root.at("/targets/1/description").asText()).isEqualTo("Artipie");
    JsonNode r6 = root.at("/requirements/0");
    assertThat(r6.at("/id").asText()).isEqualTo("R6");
    assertThat(r6.at("/level").asText()).isEqualTo("MUST");
    assertThat(r6.at("/text").asText()).isEqualTo("A manifest pulls | with 200.");
    assertThat(r6.at("/endpoints/0").asText()).isEqualTo("end-3");
    assertThat(r6.at("/checks").size()).isEqualTo(2);
    assertThat(r6.at("/checks/0/id").asText()).isEqualTo("pull.by-tag.manifest-bytes[oci]");
    assertThat(r6.at("/checks/0/level").asText()).isEqualTo("MUST");
    assertThat(r6.at("/checks/0/outcomes/0/target").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(r6.at("/checks/0/outcomes/0/outcome").asText()).isEqualTo("passed");
    assertThat(r6.at("/checks/0/outcomes/1/outcome").asText()).isEqualTo("failed");
    assertThat(r6.at("/verdicts/0/verdict").asText()).isEqualTo("passed");
    assertThat(r6.at("/verdicts/1/verdict").asText()).isEqualTo("failed");
    JsonNode r5 = root.at("/requirements/1");
    assertThat(r5.at("/verdicts/0/verdict").asText()).isEqualTo("warning");
    assertThat(r5.at("/verdicts/1/verdict").asText()).isEqualTo("disabled");
    assertThat(root.at("/requirements/3/subject").asText()).isEqualTo("client");
  }

  @Test
  void requirements_without_a_check_checks_without_a_requirement_and_unknown_ids_are_listed() throws IOException {
    Traceability trace = RequirementsReportWriter.write(dir, requirements, runs);

    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("requirements.json")));
    assertThat(root.at("/requirementsWithoutCheck").toString()).isEqualTo("[\"R2\",\"R25\"]");
    assertThat(root.at("/checksWithoutRequirement").toString()).isEqualTo("[\"pull.by-name.defaults-to-latest[oci]\"]");
    assertThat(root.at("/unknownRequirementIds/0/id").asText()).isEqualTo("R40x");
    assertThat(root.at("/unknownRequirementIds/0/checks/0").asText()).isEqualTo("pull.by-tag.manifest-bytes[oci]");
    assertThat(root.at("/counts/requirements").asInt()).isEqualTo(4);
    assertThat(root.at("/counts/covered").asInt()).isEqualTo(2);
    assertThat(root.at("/counts/withoutCheck").asInt()).isEqualTo(2);
    assertThat(root.at("/counts/checks").asInt()).isEqualTo(4);
    assertThat(root.at("/counts/unknownRequirementIds").asInt()).isEqualTo(1);
    assertThat(trace.unknownRequirementIds()).containsOnlyKeys("R40x");
  }

  @Test
  void the_markdown_has_a_summary_a_section_per_covered_requirement_and_the_gaps() throws IOException {
    RequirementsReportWriter.write(dir, requirements, runs);

    String md = Files.readString(dir.resolve("requirements.md"));
    assertThat(md).startsWith("# Requirements of the OCI distribution-spec\n")
        .contains("4 requirements (1.1): 2 covered by at least one check, 2 without a check.")
        .contains("- T1: Distribution 2.8.2 (http://127.0.0.1:5000)", "- T2: Artipie (http://127.0.0.1:5001)")
        .contains("| [R6](#r6-must-pulling-manifests) | MUST | Pulling manifests | A manifest pulls \\| with 200. | 2 | passed | failed |")
        .contains("| R2 | MUST | Pulling manifests | Names follow the grammar. | 0 | — | — |")
        .contains("### R6: MUST, Pulling manifests")
        .contains("| `pull.by-tag.manifest-bytes[oci]` | MUST | passed | failed |")
        .contains("| `pull.by-tag.content-type[oci]` | SHOULD | warning | disabled |")
        .contains("| R25 | MUST (client) | Single POST | Lengths match. | not written yet |")
        .contains("| R2 | MUST | Pulling manifests | Names follow the grammar. | No client sees it. |")
        .contains("## Checks without a requirement\n\n- `pull.by-name.defaults-to-latest[oci]`\n")
        .contains("## Unknown requirement ids\n\nChecks name these ids, which the requirements file does not have:\n\n"
            + "- R40x: `pull.by-tag.manifest-bytes[oci]`\n");
    assertThat(md).doesNotContain("### R2:");
  }

  @Test
  void a_check_that_did_not_run_on_a_target_has_no_outcome_there() {
    Traceability trace = Traceability.of(requirements, runs);

    Traceability.Check latest = trace.checks().get(3);
    assertThat(latest.id()).isEqualTo("pull.by-name.defaults-to-latest[oci]");
    assertThat(latest.outcomes()).hasSize(2);
    assertThat(latest.outcomes().get(0)).contains(Outcome.PASSED);
    assertThat(latest.outcomes().get(1)).isEmpty();
  }

  @Test
  void ids_sort_by_number() {
    assertThat(List.of("R10", "R2", "X1", "R1").stream().sorted(Traceability::compareIds).toList())
        .containsExactly("R1", "R2", "R10", "X1");
  }
}
