package dev.regconform.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regconform.scenarios.robustness.ManifestBodies;
import org.junit.jupiter.api.Test;

class ManifestBodiesTest {
  private static final byte[] MANIFEST = "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:ab\"},\"layers\":[]}"
      .getBytes(UTF_8);

  @Test
  void marking_adds_the_case_annotation_and_keeps_every_field() {
    String marked = new String(ManifestBodies.markedBytes(MANIFEST, "schema-version-3"), UTF_8);

    assertThat(marked).isEqualTo("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:ab\"},\"layers\":[],"
        + "\"annotations\":{\"dev.regconform.bad-input-case\":\"schema-version-3\"}}");
  }

  @Test
  void two_cases_get_two_different_bodies() {
    assertThat(ManifestBodies.markedBytes(MANIFEST, "a")).isNotEqualTo(ManifestBodies.markedBytes(MANIFEST, "b"));
  }
}
