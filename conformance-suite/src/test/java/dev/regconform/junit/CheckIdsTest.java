package dev.regconform.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.regconform.model.ImageFormat;
import dev.regconform.scenarios.PullScenarios;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class CheckIdsTest {

  static class Unformatted {
    @CheckId("errors.unknown-tag")
    void unknown_tag() {}

    void helper() {}
  }

  @ForImageFormat(ImageFormat.OCI)
  static class Oci {
    @CheckId("pull.by-tag.manifest-bytes")
    void by_tag() {}
  }

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  static class DockerOuter {
    class Nested {
      @CheckId("retag.second-tag.same-digest")
      void second_tag() {}

      class DeeperStill {
        @CheckId("retag.moved-tag.resolves-to-new-manifest")
        void moved_tag() {}
      }
    }

    @ForImageFormat(ImageFormat.OCI)
    class OwnFormat {
      @CheckId("untagged.push-by-digest")
      void push_by_digest() {}
    }
  }

  abstract static class SharedChecks {
    @CheckId("push.blob.monolithic")
    void monolithic() {}
  }

  @ForImageFormat(ImageFormat.DOCKER_V2S2)
  static final class DockerChecks extends SharedChecks {}

  @ForImageFormat(ImageFormat.OCI)
  static final class OciChecks extends SharedChecks {}

  abstract static class DataSetChecks {
    @CheckId("manifests.data.{data-set}.head")
    void head() {}
  }

  @DataSetName("nested-index")
  static final class NestedIndex extends DataSetChecks {}

  static final class Unnamed extends DataSetChecks {}

  private static Method method(Class<?> type, String name) throws NoSuchMethodException {
    return type.getDeclaredMethod(name);
  }

  @Test
  void a_check_in_a_class_without_a_format_has_its_plain_id() throws Exception {
    assertThat(CheckIds.of(Unformatted.class, method(Unformatted.class, "unknown_tag"))).contains("errors.unknown-tag");
  }

  @Test
  void a_check_in_a_class_with_a_format_gets_the_format_label_appended() throws Exception {
    assertThat(CheckIds.of(Oci.class, method(Oci.class, "by_tag"))).contains("pull.by-tag.manifest-bytes[oci]");
  }

  @Test
  void a_nested_class_takes_the_format_of_its_enclosing_class() throws Exception {
    assertThat(CheckIds.of(DockerOuter.Nested.class, method(DockerOuter.Nested.class, "second_tag")))
        .contains("retag.second-tag.same-digest[docker-v2s2]");
    assertThat(CheckIds.of(DockerOuter.Nested.DeeperStill.class, method(DockerOuter.Nested.DeeperStill.class, "moved_tag")))
        .contains("retag.moved-tag.resolves-to-new-manifest[docker-v2s2]");
  }

  @Test
  void the_nearest_format_wins_over_that_of_an_enclosing_class() throws Exception {
    assertThat(CheckIds.of(DockerOuter.OwnFormat.class, method(DockerOuter.OwnFormat.class, "push_by_digest")))
        .contains("untagged.push-by-digest[oci]");
  }

  @Test
  void an_inherited_check_gets_the_format_of_the_class_it_runs_in() throws Exception {
    Method inherited = method(SharedChecks.class, "monolithic");

    assertThat(CheckIds.of(DockerChecks.class, inherited)).contains("push.blob.monolithic[docker-v2s2]");
    assertThat(CheckIds.of(OciChecks.class, inherited)).contains("push.blob.monolithic[oci]");
  }

  @Test
  void a_shipped_scenario_check_gets_the_id_of_its_format() throws Exception {
    Method method = method(PullScenarios.class, "pulling_by_name_alone_gets_the_image_tagged_latest");

    assertThat(CheckIds.of(PullScenarios.OciImage.class, method)).contains("pull.by-name.defaults-to-latest[oci]");
    assertThat(CheckIds.of(PullScenarios.DockerImage.class, method))
        .contains("pull.by-name.defaults-to-latest[docker-v2s2]");
  }

  @Test
  void a_method_without_a_check_id_has_no_id() throws Exception {
    assertThat(CheckIds.of(Unformatted.class, method(Unformatted.class, "helper"))).isEmpty();
    assertThat(CheckIds.of(Oci.class, method(Unformatted.class, "helper"))).isEmpty();
  }

  @Test
  void an_inherited_data_set_check_gets_the_name_of_the_data_set_it_runs_over() throws Exception {
    assertThat(CheckIds.of(NestedIndex.class, method(DataSetChecks.class, "head")))
        .contains("manifests.data.nested-index.head");
  }

  @Test
  void a_data_set_check_in_a_class_without_a_data_set_name_is_a_mistake_named_in_the_message() {
    assertThatIllegalStateException().isThrownBy(() -> CheckIds.of(Unnamed.class, method(DataSetChecks.class, "head")))
        .withMessageContaining("Unnamed").withMessageContaining("@DataSetName");
  }
}
