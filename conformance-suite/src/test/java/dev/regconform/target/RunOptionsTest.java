package dev.regconform.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regconform.junit.Feature;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec versions a run accepts and what each turns off. */
class RunOptionsTest {
  @Test
  void spec_1_0_disables_referrers_and_automatic_mount_naming_the_option() {
    RunOptions options = new RunOptions("1.0", Map.of());

    assertThat(options.disabled()).containsEntry(Feature.REFERRERS, "--spec 1.0")
        .containsEntry(Feature.AUTOMATIC_MOUNT, "--spec 1.0").hasSize(2);
  }

  @Test
  void spec_dev_disables_nothing_and_reaches_the_scenarios() {
    RunOptions options = new RunOptions(RunOptions.DEV, Map.of());

    assertThat(options.disabled()).isEmpty();
    assertThat(options.toConfigurationParameters()).containsEntry(RunOptions.SPEC, "dev");
  }

  @Test
  void an_unknown_version_is_refused_naming_the_known_ones() {
    assertThatThrownBy(() -> new RunOptions("1.2", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown spec version '1.2'; known: 1.0, 1.1, dev");
  }
}
