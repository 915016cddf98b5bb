package dev.regconform.model;

import static dev.regconform.model.ManifestFixtures.OCI_CONFIG;
import static dev.regconform.model.ManifestFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DescriptorTest {
  static final Platform WINDOWS = new Platform("amd64", "windows", "10.0.17763.1339", List.of("win32k"), null);
  static final Descriptor FOREIGN = new Descriptor(MediaTypes.DOCKER_FOREIGN_LAYER_TAR_GZIP,
      Digest.sha256(utf8("base layer")), 10, List.of("https://example.com/layer.tar.gz"),
      Map.of("org.opencontainers.image.title", "layer.tar.gz"), WINDOWS, null);

  @Nested
  class Json_round_trip {
    @Test
    void urls_platform_and_annotations_survive_a_manifest_round_trip() {
      ImageManifest m = ImageManifest.of(MediaTypes.DOCKER_MANIFEST, OCI_CONFIG, List.of(FOREIGN));

      Descriptor back = ImageManifest.parse(m.raw()).layers().get(0);

      assertThat(back).isEqualTo(FOREIGN);
      assertThat(back.platform().osVersion()).isEqualTo("10.0.17763.1339");
      assertThat(back.platform().osFeatures()).containsExactly("win32k");
      assertThat(back.urls()).containsExactly("https://example.com/layer.tar.gz");
    }

    @Test
    void platform_fields_use_the_dotted_wire_names() throws Exception {
      String json = ManifestJson.MAPPER.writeValueAsString(WINDOWS);

      assertThat(json).isEqualTo(
          "{\"architecture\":\"amd64\",\"os\":\"windows\",\"os.version\":\"10.0.17763.1339\",\"os.features\":[\"win32k\"]}");
      assertThat(ManifestJson.MAPPER.readValue(json, Platform.class)).isEqualTo(WINDOWS);
    }

    @Test
    void absent_optional_fields_are_not_written() throws Exception {
      String json = ManifestJson.MAPPER.writeValueAsString(OCI_CONFIG);

      assertThat(json).isEqualTo("{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\""
          + OCI_CONFIG.digest() + "\",\"size\":2}");
    }

    @Test
    void fields_are_written_in_the_conventional_order() throws Exception {
      String json = ManifestJson.MAPPER.writeValueAsString(FOREIGN.withPlatform(Platform.of("linux", "amd64")));

      assertThat(json).containsSubsequence("\"mediaType\"", "\"digest\"", "\"size\"", "\"urls\"", "\"annotations\"",
          "\"platform\"");
    }

    @Test
    void artifactType_round_trips() throws Exception {
      Descriptor d = new Descriptor(MediaTypes.OCI_MANIFEST, OCI_CONFIG.digest(), 2, null, null, null,
          "application/vnd.example.sbom");

      Descriptor back = ManifestJson.MAPPER.readValue(ManifestJson.MAPPER.writeValueAsBytes(d), Descriptor.class);

      assertThat(back).isEqualTo(d);
      assertThat(new String(ManifestJson.MAPPER.writeValueAsBytes(d), StandardCharsets.UTF_8))
          .contains("\"artifactType\":\"application/vnd.example.sbom\"");
    }
  }

  @Nested
  class Construction {
    @Test
    void of_bytes_takes_their_sha256_and_length() {
      Descriptor d = Descriptor.of(MediaTypes.OCI_CONFIG, utf8("foo"));

      assertThat(d.digest()).isEqualTo(Digest.sha256(utf8("foo")));
      assertThat(d.size()).isEqualTo(3);
      assertThat(d.urls()).isNull();
      assertThat(d.annotations()).isNull();
      assertThat(d.platform()).isNull();
    }

    @Test
    void a_negative_size_is_rejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Descriptor.of(MediaTypes.OCI_CONFIG, OCI_CONFIG.digest(), -1))
          .withMessage("Descriptor size must not be negative: -1");
    }

    @Test
    void mediaType_and_digest_are_required() {
      assertThatNullPointerException().isThrownBy(() -> Descriptor.of(null, OCI_CONFIG.digest(), 1))
          .withMessageContaining("mediaType");
      assertThatNullPointerException().isThrownBy(() -> Descriptor.of(MediaTypes.OCI_CONFIG, null, 1))
          .withMessageContaining("digest");
    }

    @Test
    void lists_are_copied_so_later_changes_to_the_source_do_not_leak_in() {
      List<String> urls = new ArrayList<>(List.of("https://a"));
      Descriptor d = OCI_CONFIG.withUrls(urls);

      urls.add("https://b");

      assertThat(d.urls()).containsExactly("https://a");
      assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> d.urls().add("x"));
    }

    @Test
    void withers_change_only_their_field() {
      Descriptor d = OCI_CONFIG.withPlatform(Platform.of("linux", "arm64")).withUrls(List.of("https://a"));

      assertThat(d.platform()).hasToString("linux/arm64");
      assertThat(d.urls()).containsExactly("https://a");
      assertThat(d.digest()).isEqualTo(OCI_CONFIG.digest());
      assertThat(d.size()).isEqualTo(OCI_CONFIG.size());
    }
  }

  @Nested
  class Equality {
    @Test
    void descriptors_with_the_same_fields_are_equal() {
      Descriptor copy = new Descriptor(FOREIGN.mediaType(), FOREIGN.digest(), FOREIGN.size(), List.copyOf(FOREIGN.urls()),
          Map.copyOf(FOREIGN.annotations()), FOREIGN.platform(), null);

      assertThat(copy).isEqualTo(FOREIGN).hasSameHashCodeAs(FOREIGN);
    }

    @Test
    void a_differing_field_makes_them_unequal() {
      assertThat(FOREIGN.withPlatform(null)).isNotEqualTo(FOREIGN);
      assertThat(Descriptor.of(MediaTypes.OCI_CONFIG, OCI_CONFIG.digest(), 3)).isNotEqualTo(OCI_CONFIG);
    }
  }
}
