package dev.regconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.fixtures.distribution.DistributionProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --reference ID}: the reference registries a run starts instead of every one that can start here. */
class ReferenceSelectionTest {

  @Test
  void the_ids_given_are_kept_in_their_order_each_once() {
    assertThat(ReferenceSelection.of(List.of("artipie-embedded", " distribution-process", "artipie-embedded"),
        List.of())).containsExactly("artipie-embedded", "distribution-process");
  }

  @Test
  void no_id_selects_nothing_so_that_every_reference_that_can_start_runs() {
    assertThat(ReferenceSelection.of(List.of(), List.of())).isEmpty();
  }

  @Test
  void an_unknown_id_is_refused_listing_every_id() {
    assertThatThrownBy(() -> ReferenceSelection.of(List.of("distribution"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown --reference 'distribution': the reference registries are distribution-container, "
            + "distribution-process, distribution-token, distribution-htpasswd, artipie-embedded");
  }

  @Test
  void a_reference_with_a_target_is_refused() {
    assertThatThrownBy(() -> ReferenceSelection.of(List.of("artipie-embedded"), List.of("http://127.0.0.1:5000")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--reference and --target exclude");
  }

  @Test
  void run_with_a_reference_checks_that_reference_only() {
    // OCI_ROOT_URL would be the target of a run without --target: --reference, on the command line, wins over it.
    CliRun run = regconform(Map.of("OCI_ROOT_URL", "http://127.0.0.1:1"), "run", "--reference", "artipie-embedded",
        "--check", "pull.by-digest.*", "--report-dir", "none");

    assertThat(run.exitCode()).as("exit status; output:%n%s", run).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("== ")).toList()).as("the targets checked, in%n%s", run)
        .singleElement().asString().startsWith("== Artipie docker-adapter");
    assertThat(run.out()).as("output: no other reference was tried").doesNotContain("skipped reference")
        .doesNotContain("Distribution");
    assertThat(run.lastLine()).as("closing counts").isEqualTo("6 passed, 0 failed, 0 skipped");
  }

  @Test
  void a_reference_that_cannot_start_here_ends_the_run_with_exit_status_2_saying_why() {
    // /bin/false is an executable that is not Distribution: the reference's process exits at once.
    String before = System.getProperty(DistributionProcess.BINARY_PROPERTY);
    System.setProperty(DistributionProcess.BINARY_PROPERTY, "/bin/false");
    try {
      CliRun run = regconform(Map.of(), "run", "--reference", "artipie-embedded,distribution-process",
          "--report-dir", "none");

      assertThat(run.exitCode()).as("exit status; output:%n%s", run).isEqualTo(2);
      assertThat(run.err().lines().toList()).as("stderr").singleElement().asString()
          .startsWith("regconform: --reference distribution-process cannot start here: /bin/false did not start: ");
      assertThat(run.out()).as("stdout: no check ran").doesNotContain("== ");
    } finally {
      if (before == null) {
        System.clearProperty(DistributionProcess.BINARY_PROPERTY);
      } else {
        System.setProperty(DistributionProcess.BINARY_PROPERTY, before);
      }
    }
  }

  /** {@code regconform ARGS} in-process, seeing only {@code environment}. */
  private static CliRun regconform(Map<String, String> environment, String... args) {
    return CliRun.execute(environment, args);
  }
}
