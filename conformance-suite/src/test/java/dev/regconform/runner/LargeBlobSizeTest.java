package dev.regconform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.regconform.scenarios.LargeBlobScenarios;
import org.junit.jupiter.api.Test;

/** The size parameter of the large-blob check (not beside it: test classes in the scenario package run as checks). */
class LargeBlobSizeTest {
  @Test
  void sizes_are_bytes_or_binary_units() {
    assertThat(LargeBlobScenarios.parseSize("314572800")).isEqualTo(300L << 20);
    assertThat(LargeBlobScenarios.parseSize("300MiB")).isEqualTo(300L << 20);
    assertThat(LargeBlobScenarios.parseSize(" 16 KiB ")).isEqualTo(16L << 10);
    assertThat(LargeBlobScenarios.parseSize("2GiB")).isEqualTo(2L << 30);
    assertThat(LargeBlobScenarios.DEFAULT_SIZE).isEqualTo(300L << 20);
  }

  @Test
  void anything_else_is_refused_naming_the_parameter() {
    assertThatIllegalArgumentException().isThrownBy(() -> LargeBlobScenarios.parseSize("300MB"))
        .withMessageContaining(LargeBlobScenarios.SIZE).withMessageContaining("300MiB");
  }
}
