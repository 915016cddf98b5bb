package dev.regconform.model;

import static dev.regconform.model.ManifestFixtures.OCI_CONFIG;
import static dev.regconform.model.ManifestFixtures.OCI_LAYER;
import static dev.regconform.model.ManifestFixtures.OCI_LAYER_2;
import static dev.regconform.model.ManifestFixtures.json;
import static dev.regconform.model.ManifestFixtures.ociManifest;
import static dev.regconform.model.ManifestFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageManifestTest {

  @Nested
  class Serialising_a_new_manifest {
    @Test
    void writes_compact_json_with_fields_in_the_conventional_order() {
      ImageManifest m = ImageManifest.of(MediaTypes.OCI_MANIFEST, OCI_CONFIG, List.of(OCI_LAYER));

      assertThat(new String(m.raw(), StandardCharsets.UTF_8)).isEqualTo(
          "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
              + "\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + OCI_CONFIG.digest()
              + "\",\"size\":2},"
              + "\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_TAR_GZIP + "\",\"digest\":\"" + OCI_LAYER.digest()
              + "\",\"size\":7}]}");
    }

    @Test
    void raw_bytes_parse_back_to_an_equal_manifest() {
      ImageManifest m = ociManifest();

      ImageManifest back = ImageManifest.parse(m.raw());

      assertThat(back).isEqualTo(m).hasSameHashCodeAs(m);
      assertThat(back.schemaVersion()).isEqualTo(2);
      assertThat(back.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
      assertThat(back.config()).isEqualTo(OCI_CONFIG);
      assertThat(back.layers()).containsExactly(OCI_LAYER, OCI_LAYER_2);
      assertThat(back.digest()).isEqualTo(m.digest());
    }

    @Test
    void a_docker_manifest_round_trips_too() {
      ImageManifest m = ImageManifest.of(MediaTypes.DOCKER_MANIFEST,
          Descriptor.of(MediaTypes.DOCKER_CONFIG, utf8("{}")),
          List.of(Descriptor.of(MediaTypes.DOCKER_LAYER_TAR_GZIP, utf8("l"))));

      assertThat(Manifest.parse(m.raw())).isEqualTo(m);
      assertThat(m.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void subject_annotations_and_artifact_type_round_trip() {
      Descriptor subject = ociManifest().descriptor();
      ImageManifest m = ImageManifest.of(MediaTypes.OCI_MANIFEST, "application/vnd.example.sbom", OCI_CONFIG,
          List.of(), subject, Map.of("org.opencontainers.image.created", "2024-01-01T00:00:00Z"));

      ImageManifest back = ImageManifest.parse(m.raw());

      assertThat(back.artifactType()).isEqualTo("application/vnd.example.sbom");
      assertThat(back.subject()).isEqualTo(subject);
      assertThat(back.annotations()).containsExactly(Map.entry("org.opencontainers.image.created", "2024-01-01T00:00:00Z"));
      assertThat(back.layers()).isEmpty();
    }

    @Test
    void annotations_are_written_sorted_by_key_whatever_the_map_order_so_digests_are_reproducible() {
      Map<String, String> forward = new LinkedHashMap<>();
      Map<String, String> backward = new LinkedHashMap<>();
      List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h", "org.opencontainers.image.title");
      keys.forEach(k -> forward.put(k, "v"));
      for (int i = keys.size() - 1; i >= 0; i--) {
        backward.put(keys.get(i), "v");
      }

      ImageManifest one = ImageManifest.of(MediaTypes.OCI_MANIFEST, null, OCI_CONFIG, List.of(), null, forward);
      ImageManifest other = ImageManifest.of(MediaTypes.OCI_MANIFEST, null, OCI_CONFIG, List.of(), null, backward);

      assertThat(one.raw()).isEqualTo(other.raw());
      assertThat(new String(one.raw(), StandardCharsets.UTF_8)).endsWith(
          "\"annotations\":{\"a\":\"v\",\"b\":\"v\",\"c\":\"v\",\"d\":\"v\",\"e\":\"v\",\"f\":\"v\",\"g\":\"v\","
              + "\"h\":\"v\",\"org.opencontainers.image.title\":\"v\"}}");
    }

    @Test
    void blobs_lists_the_config_then_the_layers() {
      assertThat(ociManifest().blobs()).containsExactly(OCI_CONFIG, OCI_LAYER, OCI_LAYER_2);
    }

    @Test
    void descriptor_describes_the_raw_bytes() {
      ImageManifest m = ociManifest();

      assertThat(m.descriptor()).isEqualTo(Descriptor.of(MediaTypes.OCI_MANIFEST, m.raw()));
    }
  }

  @Nested
  class The_digest_is_over_the_raw_bytes {
    @Test
    void and_equals_the_sha256_of_them() {
      ImageManifest m = ociManifest();

      assertThat(m.digest()).isEqualTo(Digest.sha256(m.raw()));
      assertThat(m.digest(DigestAlgorithm.SHA512)).isEqualTo(Digest.sha512(m.raw()));
    }

    @Test
    void so_the_same_json_reformatted_has_equal_fields_but_a_different_digest() throws Exception {
      ImageManifest compact = ociManifest();
      byte[] pretty = ManifestJson.MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(ManifestJson.MAPPER.readTree(compact.raw()));

      ImageManifest reformatted = ImageManifest.parse(pretty);

      assertThat(reformatted.mediaType()).isEqualTo(compact.mediaType());
      assertThat(reformatted.config()).isEqualTo(compact.config());
      assertThat(reformatted.layers()).isEqualTo(compact.layers());
      assertThat(reformatted.digest()).isNotEqualTo(compact.digest()).isEqualTo(Digest.sha256(pretty));
      assertThat(reformatted).as("manifests are equal only when their bytes are").isNotEqualTo(compact);
    }

    @Test
    void a_manifest_without_mediaType_is_described_as_OCI() {
      ImageManifest m = ImageManifest.parse(json("{'schemaVersion':2,'config':{'mediaType':'" + MediaTypes.OCI_CONFIG
          + "','digest':'" + OCI_CONFIG.digest() + "','size':2},'layers':[]}"));

      assertThat(m.mediaType()).isNull();
      assertThat(m.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
      assertThat(m.descriptor().digest()).isEqualTo(m.digest());
    }
  }

  @Nested
  class Raw_bytes_are_defensively_copied {
    @Test
    void changing_the_returned_array_does_not_change_the_manifest() {
      ImageManifest m = ociManifest();
      Digest before = m.digest();

      m.raw()[0] = 'X';

      assertThat(m.raw()[0]).isEqualTo((byte) '{');
      assertThat(m.digest()).isEqualTo(before);
    }

    @Test
    void changing_the_parsed_array_afterwards_does_not_change_the_manifest() {
      byte[] bytes = ociManifest().raw();
      ImageManifest m = ImageManifest.parse(bytes);

      bytes[0] = 'X';

      assertThat(m.raw()[0]).isEqualTo((byte) '{');
      assertThat(m).isEqualTo(ociManifest());
    }

    @Test
    void layers_cannot_be_modified() {
      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> ociManifest().layers().add(OCI_LAYER));
    }
  }
}
