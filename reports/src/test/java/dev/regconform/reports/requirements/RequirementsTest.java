package dev.regconform.reports.requirements;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Reading and checking a requirements file. The shipped file itself (every id R1..R79 present) is checked in the
 * conformance suite, which ships it: see {@code RequirementsCoverageTest} there.
 */
class RequirementsTest {
  private static Requirements parse(String yaml) throws IOException {
    return Requirements.parse(new ByteArrayInputStream(yaml.getBytes(UTF_8)), "test.yaml");
  }

  private static final String VALID = """
      spec: OCI distribution-spec
      version: "1.1"
      requirements:
        - id: R6
          section: Pulling manifests
          level: MUST
          text: >-
            A manifest that exists
            pulls with 200.
          endpoints: [end-3]
        - id: R18
          section: Push
          level: MAY / MUST
          text: Refusing is optional; saying why is not.
        - id: R25
          section: Single POST
          level: MUST
          subject: client
          note: about the client
          text: Lengths match.
        - id: R4
          section: Pulling manifests
          level: SHOULD NOT
          text: No parameters.
      """;

  @Test
  void a_valid_file_keeps_its_order_and_fields() throws IOException {
    Requirements requirements = parse(VALID);

    assertThat(requirements.spec()).isEqualTo("OCI distribution-spec");
    assertThat(requirements.version()).isEqualTo("1.1");
    assertThat(requirements.ids()).containsExactly("R6", "R18", "R25", "R4");
    Requirement r6 = requirements.find("R6").orElseThrow();
    assertThat(r6.section()).isEqualTo("Pulling manifests");
    assertThat(r6.text()).isEqualTo("A manifest that exists pulls with 200.");
    assertThat(r6.endpoints()).containsExactly("end-3");
    assertThat(r6.subject()).isEqualTo("registry");
    assertThat(r6.note()).isEmpty();
    assertThat(r6.levelLabel()).isEqualTo("MUST");
  }

  @Test
  void levels_may_combine_rfc_2119_words_and_client_requirements_say_so() throws IOException {
    Requirements requirements = parse(VALID);

    assertThat(requirements.find("R18").orElseThrow().levelWords()).containsExactly("MAY", "MUST");
    Requirement r25 = requirements.find("R25").orElseThrow();
    assertThat(r25.bindsClient()).isTrue();
    assertThat(r25.levelLabel()).isEqualTo("MUST (client)");
    assertThat(requirements.find("R4").orElseThrow().levelWords()).containsExactly("SHOULD NOT");
    assertThat(requirements.find("R99")).isEmpty();
  }

  @Test
  void a_duplicate_id_is_refused_naming_it() {
    assertThatThrownBy(() -> parse("""
        requirements:
          - {id: R1, section: S, level: MUST, text: a}
          - {id: R1, section: S, level: MUST, text: b}
        """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R1: id given more than once");
  }

  @Test
  void a_level_that_is_not_rfc_2119_is_refused() {
    assertThatThrownBy(() -> parse("""
        requirements:
          - {id: R1, section: S, level: MUST, text: a}
          - {id: R2, section: S, level: REQUIRED, text: b}
          - {id: R3, section: S, level: "MAY / OUGHT", text: c}
        """)).hasMessageContaining("R2: level 'REQUIRED'").hasMessageContaining("R3: level 'MAY / OUGHT'");
  }

  @Test
  void bad_ids_subjects_endpoints_and_missing_text_are_all_reported_together() {
    assertThatThrownBy(() -> parse("""
        requirements:
          - {id: G12, section: S, level: MUST, text: a}
          - {id: R2, section: S, level: MUST, subject: user, text: b}
          - {id: R3, section: S, level: MUST, text: c, endpoints: [endpoint-3]}
          - {id: R4, section: S, level: MUST}
          - {id: R5, level: MUST, text: e}
        """))
        .hasMessageContaining("G12: id must be R followed by a number")
        .hasMessageContaining("R2: subject 'user'")
        .hasMessageContaining("R3: endpoint 'endpoint-3'")
        .hasMessageContaining("R4: no text")
        .hasMessageContaining("R5: no section");
  }

  @Test
  void an_unknown_field_is_refused_so_a_typo_does_not_drop_data() {
    assertThatThrownBy(() -> parse("""
        requirements:
          - {id: R1, section: S, level: MUST, text: a, endpoint: [end-1]}
        """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
  }

  @Test
  void an_empty_file_is_refused() {
    assertThatThrownBy(() -> parse("spec: x\n")).hasMessageContaining("no requirements");
  }

  @Test
  void load_says_so_when_the_file_is_not_on_the_class_path() {
    ClassLoader empty = new ClassLoader(null) {};
    assertThatThrownBy(() -> Requirements.load(empty)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Requirements.RESOURCE);
  }
}
